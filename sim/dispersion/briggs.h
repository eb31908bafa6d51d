// briggs.h — horizontal and vertical dispersion coefficients σy(x), σz(x) of Briggs (1973),
// as tabulated by Hanna, Briggs & Hosker (1982), "Handbook on Atmospheric Diffusion", table 4.5,
// and in Turner's "Workbook of Atmospheric Dispersion Estimates" (2nd ed. 1994). They fit the
// Pasquill–Gifford curves (rural) and the St Louis McElroy–Pooler data (urban) for travel
// distances of 100 m to 10 km; outside that range they are extrapolations (see validity.h).
#pragma once

#include "sim/dispersion/stability.h"

namespace drillbase::sim {

struct Sigmas {
    double y = 0;  // crosswind, m
    double z = 0;  // vertical, m
};

// σy and σz in metres at travel distance x (m, ≥ 0) for a stability class and terrain.
double briggsSigmaY(double x, Stability s, Terrain t);
double briggsSigmaZ(double x, Stability s, Terrain t);
Sigmas briggsSigmas(double x, Stability s, Terrain t);

// The travel distance at which σ reaches `sigma` under (s, t): the "virtual distance" that
// keeps a puff's size continuous when the stability class changes under it. Clamped to
// [0, maxX] because some stable σz curves level off (rural E and F tend to 100 m and 53 m).
double briggsVirtualDistanceY(double sigma, Stability s, Terrain t, double maxX = 1.0e5);
double briggsVirtualDistanceZ(double sigma, Stability s, Terrain t, double maxX = 1.0e5);

// Range of travel distance over which Briggs fitted the curves.
inline constexpr double kBriggsMinX = 100.0;
inline constexpr double kBriggsMaxX = 10000.0;

}  // namespace drillbase::sim
