// gaussian_plume.h — the steady Gaussian plume with ground reflection, the closed form the puff
// model must converge to under constant weather and the value `drillctl plume` prints:
//
//   C(x, y, z) = Q / (2π u σy σz) · exp(−y² / 2σy²)
//                · [exp(−(z − h)² / 2σz²) + exp(−(z + h)² / 2σz²)]
//
// (Turner 1994, eq. 1.1; the second vertical term is the image source that reflects the plume
// at a ground that absorbs nothing). x is downwind, y crosswind, z height; σ from briggs.h.
#pragma once

#include "sim/dispersion/briggs.h"

namespace drillbase::sim {

struct PlumeInput {
    double rateKgS = 1;  // Q
    double windMS = 3;   // u at release height
    Stability stability = Stability::D;
    Terrain terrain = Terrain::Rural;
    double releaseHeightM = 0;  // h (effective height; no plume rise is modelled)
};

struct PlumeValue {
    Sigmas sigmas;
    double mgPerM3 = 0;
};

// Concentration in mg/m³ at (x downwind, y crosswind, z height), metres. Zero upwind (x ≤ 0).
PlumeValue gaussianPlume(const PlumeInput& in, double x, double y, double z);

// The vertical factor shared by plume and puffs: the direct and the ground-reflected Gaussian.
double reflectedVertical(double z, double h, double sigmaZ);

}  // namespace drillbase::sim
