#include "sim/dispersion/briggs.h"

#include "sim/math/det_math.h"

#include <cmath>

namespace drillbase::sim {

namespace {

// Every Briggs formula has the form  σ = a·x·(1 + b·x)^p  with p ∈ {−1, −1/2, 0, +1/2}.
struct Fit {
    double a, b, p;
    double at(double x) const {
        if (p == 0) return a * x;
        return a * x * dmath::pow(1.0 + b * x, p);
    }
};

// Hanna, Briggs & Hosker (1982), table 4.5 — open-country (rural) conditions.
constexpr Fit kRuralY[6] = {
    {0.22, 0.0001, -0.5},  // A
    {0.16, 0.0001, -0.5},  // B
    {0.11, 0.0001, -0.5},  // C
    {0.08, 0.0001, -0.5},  // D
    {0.06, 0.0001, -0.5},  // E
    {0.04, 0.0001, -0.5},  // F
};
constexpr Fit kRuralZ[6] = {
    {0.20, 0.0, 0.0},       // A
    {0.12, 0.0, 0.0},       // B
    {0.08, 0.0002, -0.5},   // C
    {0.06, 0.0015, -0.5},   // D
    {0.03, 0.0003, -1.0},   // E
    {0.016, 0.0003, -1.0},  // F
};
// Same table — urban conditions; Briggs gives one curve for A–B and one for E–F.
constexpr Fit kUrbanY[6] = {
    {0.32, 0.0004, -0.5},  // A
    {0.32, 0.0004, -0.5},  // B
    {0.22, 0.0004, -0.5},  // C
    {0.16, 0.0004, -0.5},  // D
    {0.11, 0.0004, -0.5},  // E
    {0.11, 0.0004, -0.5},  // F
};
constexpr Fit kUrbanZ[6] = {
    {0.24, 0.001, 0.5},    // A
    {0.24, 0.001, 0.5},    // B
    {0.20, 0.0, 0.0},      // C
    {0.14, 0.0003, -0.5},  // D
    {0.08, 0.0015, -0.5},  // E
    {0.08, 0.0015, -0.5},  // F
};

const Fit& fitY(Stability s, Terrain t) {
    const auto i = static_cast<int>(s);
    return t == Terrain::Urban ? kUrbanY[i] : kRuralY[i];
}
const Fit& fitZ(Stability s, Terrain t) {
    const auto i = static_cast<int>(s);
    return t == Terrain::Urban ? kUrbanZ[i] : kRuralZ[i];
}

// Every fit is increasing in x, so bisection finds the inverse; 80 halvings of [0, 1e5] reach
// far below a millimetre. Deterministic: a fixed number of iterations, no tolerance test.
double invert(const Fit& f, double sigma, double maxX) {
    if (sigma <= 0) return 0;
    if (f.at(maxX) <= sigma) return maxX;
    double lo = 0, hi = maxX;
    for (int i = 0; i < 80; ++i) {
        const double mid = 0.5 * (lo + hi);
        (f.at(mid) < sigma ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

}  // namespace

double briggsSigmaY(double x, Stability s, Terrain t) {
    return fitY(s, t).at(x < 0 ? 0 : x);
}

double briggsSigmaZ(double x, Stability s, Terrain t) {
    return fitZ(s, t).at(x < 0 ? 0 : x);
}

Sigmas briggsSigmas(double x, Stability s, Terrain t) {
    return {briggsSigmaY(x, s, t), briggsSigmaZ(x, s, t)};
}

double briggsVirtualDistanceY(double sigma, Stability s, Terrain t, double maxX) {
    return invert(fitY(s, t), sigma, maxX);
}

double briggsVirtualDistanceZ(double sigma, Stability s, Terrain t, double maxX) {
    return invert(fitZ(s, t), sigma, maxX);
}

}  // namespace drillbase::sim
