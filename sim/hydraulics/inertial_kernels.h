// inertial_kernels.h — the per-face and per-cell arithmetic of the local-inertial scheme of
// Bates, Horritt & Fewtrell (2010), "A simple inertial formulation of the shallow water
// equations for efficient two-dimensional flood inundation modelling", J. Hydrol. 387, 33–45.
// Inline: these run once per face per step, inside the solver's row loops. Only IEEE +, -, *, /
// and sqrt are used (each correctly rounded), so the results are the same bits on every machine
// (with -ffp-contract=off, which drillbase_deterministic gives every sim target).
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace drillbase::sim::inertial {

// x^(1/3) for x > 0 finite, deterministic (std::cbrt is not specified to the last bit). An
// exponent-thirding bit estimate (within ~3.5 %), then two Halley steps
// y ← y·(y³ + 2x)/(2y³ + x), each of which triples the correct digits (→ ~1e-13 relative).
inline double cbrtPositive(double x) {
    std::uint64_t b = std::bit_cast<std::uint64_t>(x);
    b = b / 3 + 0x2a9f7893782da1ceULL;  // (bias·2/3) with the mantissa offset of the cube root
    double y = std::bit_cast<double>(b);
    for (int k = 0; k < 2; ++k) {
        const double y3 = y * y * y;
        y = y * (y3 + 2 * x) / (2 * y3 + x);
    }
    return y;
}

// The unit discharge (m²/s) across one face at the new time, Bates et al. (2010) eq. 11:
//
//   q^{t+Δt} = (q^t − g·h_flow·Δt·∂(h+z)/∂x) / (1 + g·Δt·n²·|q^t| / h_flow^{7/3})
//
// the water-surface slope explicit, Manning friction semi-implicit (|q^t|·q^{t+Δt}). |q^t| is the
// magnitude of the discharge vector, √(q_x² + q̄_y²) with q̄_y the mean of the four faces across
// (LISFLOOD-FP 8.1's default "2D friction"; `qAcross` = 0 gives Bates et al.'s 1D form). h_flow is
// the depth water can flow through (eq. 7): max(η_a, η_b) − max(z_a, z_b). A face whose flow
// depth is at or below the threshold carries no flow (wetting and drying, Bates et al. §2.3).
// `a` is the cell on the negative side (west or south), `b` the positive side; positive q flows
// from a to b.
struct FaceParams {
    double g;          // gravity, m/s²
    double dt;         // the step, s
    double invDx;      // 1/Δx, 1/m
    double threshold;  // flow-depth threshold, m
};

inline double faceFlux(double qOld, double qAcross, double etaA, double etaB, double zA, double zB,
                       double n2, const FaceParams& p) {
    const double hf = (etaA > etaB ? etaA : etaB) - (zA > zB ? zA : zB);
    if (!(hf > p.threshold)) return 0;
    const double slope = (etaB - etaA) * p.invDx;
    const double h73 = hf * hf * cbrtPositive(hf);  // h^(7/3) = h²·h^(1/3)
    const double aq = std::sqrt(qOld * qOld + qAcross * qAcross);
    return (qOld - p.g * hf * p.dt * slope) / (1 + p.g * p.dt * n2 * aq / h73);
}

}  // namespace drillbase::sim::inertial
