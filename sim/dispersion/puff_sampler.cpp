#include "sim/dispersion/puff_sampler.h"

#include "sim/dispersion/gaussian_plume.h"
#include "sim/math/det_math.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace drillbase::sim {

namespace {

constexpr double kFinestM = 0.125;
constexpr int kLevels = 14;  // 0.125 m … 1024 m

double withSource(double sigma, double source) {
    return std::sqrt(sigma * sigma + source * source);
}

// The finest grid whose spacing is still at most σ / k.
int levelFor(double sigma, double k) {
    int l = 0;
    double h = kFinestM;
    while (l + 1 < kLevels && 2 * h <= sigma / k) {
        h *= 2;
        ++l;
    }
    return l;
}

// g[n] = exp(−(a + n·h)² / 2σ²) for n = 0..count−1 by the Gaussian recurrence
// g[n+1] = g[n]·r[n], r[n+1] = r[n]·q, q = exp(−h²/σ²): three exponentials for the whole row.
void gaussianRow(std::vector<double>& g, int count, double a, double h, double sigma) {
    g.resize(static_cast<std::size_t>(std::max(count, 0)));
    if (count <= 0) return;
    const double twoVar = 2 * sigma * sigma;
    double value = dmath::exp(-(a * a) / twoVar);
    double ratio = dmath::exp(-(2 * a * h + h * h) / twoVar);
    const double q = dmath::exp(-(h * h) / (sigma * sigma));
    for (int n = 0; n < count; ++n) {
        g[static_cast<std::size_t>(n)] = value;
        value *= ratio;
        ratio *= q;
    }
}

}  // namespace

void PuffSampler::refresh(const PuffModel& model, double z, double k, double cutoff, double x0,
                          double y0, double x1, double y1) {
    const auto& def = model.def();
    levels_.resize(kLevels);
    for (int l = 0; l < kLevels; ++l) {
        auto& L = levels_[static_cast<std::size_t>(l)];
        L.h = kFinestM * static_cast<double>(1 << l);
        L.used = false;
    }
    // Pass 1: which grid each puff goes to, and how far each grid must reach.
    for (const auto& p : model.puffs()) {
        const double sy = withSource(p.sigmaY, def.initialSigmaM);
        const double reach = cutoff * sy;
        auto& L = levels_[static_cast<std::size_t>(levelFor(sy, k))];
        const double bx0 = std::max(x0, p.x - reach), bx1 = std::min(x1, p.x + reach);
        const double by0 = std::max(y0, p.y - reach), by1 = std::min(y1, p.y + reach);
        if (bx0 > bx1 || by0 > by1) continue;
        if (!L.used) {
            L.bx0 = bx0, L.bx1 = bx1, L.by0 = by0, L.by1 = by1;
            L.used = true;
        } else {
            L.bx0 = std::min(L.bx0, bx0), L.bx1 = std::max(L.bx1, bx1);
            L.by0 = std::min(L.by0, by0), L.by1 = std::max(L.by1, by1);
        }
    }
    // Nodes on multiples of h (so the same puffs give the same grid wherever it starts), two
    // nodes of margin around the extent for the cubic's outer taps.
    for (auto& L : levels_) {
        if (!L.used) {
            L.v.clear();
            L.nx = L.ny = 0;
            continue;
        }
        L.ox = (std::floor(L.bx0 / L.h) - 2) * L.h;
        L.oy = (std::floor(L.by0 / L.h) - 2) * L.h;
        L.nx = static_cast<int>(std::ceil((L.bx1 - L.ox) / L.h)) + 4;
        L.ny = static_cast<int>(std::ceil((L.by1 - L.oy) / L.h)) + 4;
        L.v.assign(static_cast<std::size_t>(L.nx) * static_cast<std::size_t>(L.ny), 0.0);
    }
    // Pass 2: splat each puff on its grid (the same Gaussian as puffConcentration).
    const double norm = dmath::pow(2.0 * std::numbers::pi, 1.5);
    for (const auto& p : model.puffs()) {
        const double sy = withSource(p.sigmaY, def.initialSigmaM);
        const double sz = withSource(p.sigmaZ, def.initialSigmaM);
        const double reach = cutoff * sy;
        auto& L = levels_[static_cast<std::size_t>(levelFor(sy, k))];
        if (!L.used) continue;
        const int i0 = std::max(0, static_cast<int>(std::ceil((p.x - reach - L.ox) / L.h)));
        const int i1 = std::min(L.nx - 1, static_cast<int>(std::floor((p.x + reach - L.ox) / L.h)));
        const int j0 = std::max(0, static_cast<int>(std::ceil((p.y - reach - L.oy) / L.h)));
        const int j1 = std::min(L.ny - 1, static_cast<int>(std::floor((p.y + reach - L.oy) / L.h)));
        if (i0 > i1 || j0 > j1) continue;
        const double amplitude =
            p.massMg / (norm * sy * sy * sz) * reflectedVertical(z, p.heightM, sz);
        gaussianRow(ex_, i1 - i0 + 1, L.ox + i0 * L.h - p.x, L.h, sy);
        gaussianRow(ey_, j1 - j0 + 1, L.oy + j0 * L.h - p.y, L.h, sy);
        for (int j = j0; j <= j1; ++j) {
            const double rowFactor = amplitude * ey_[static_cast<std::size_t>(j - j0)];
            double* row = &L.v[static_cast<std::size_t>(j) * static_cast<std::size_t>(L.nx)];
            for (int i = i0; i <= i1; ++i)
                row[i] += rowFactor * ex_[static_cast<std::size_t>(i - i0)];
        }
    }
}

namespace {
// Catmull–Rom weights of the four taps around t ∈ [0, 1) (Catmull & Rom 1974; Keys 1981 with
// a = −1/2): interpolating, third-order accurate, exact for quadratics.
void cubicWeights(double t, double w[4]) {
    const double t2 = t * t, t3 = t2 * t;
    w[0] = 0.5 * (-t3 + 2 * t2 - t);
    w[1] = 0.5 * (3 * t3 - 5 * t2 + 2);
    w[2] = 0.5 * (-3 * t3 + 4 * t2 + t);
    w[3] = 0.5 * (t3 - t2);
}
}  // namespace

double PuffSampler::at(double x, double y) const {
    double sum = 0;
    for (const auto& L : levels_) {
        if (!L.used) continue;
        const double fx = (x - L.ox) / L.h, fy = (y - L.oy) / L.h;
        const double fi = std::floor(fx), fj = std::floor(fy);
        if (fi < 1 || fj < 1 || fi >= L.nx - 2 || fj >= L.ny - 2) continue;
        const auto i = static_cast<std::size_t>(fi) - 1, j = static_cast<std::size_t>(fj) - 1;
        double wx[4], wy[4];
        cubicWeights(fx - fi, wx);
        cubicWeights(fy - fj, wy);
        const auto nx = static_cast<std::size_t>(L.nx);
        double tap[4][4];
        bool positive = true;
        for (std::size_t b = 0; b < 4; ++b)
            for (std::size_t a = 0; a < 4; ++a) {
                tap[b][a] = L.v[(j + b) * nx + i + a];
                positive = positive && tap[b][a] > 0;
            }
        if (!positive) {
            // The edge of a cloud (some taps beyond every puff's reach): values there are far
            // below any harm level; the plain cubic, never negative, is enough.
            if (tap[1][1] <= 0 && tap[1][2] <= 0 && tap[2][1] <= 0 && tap[2][2] <= 0) continue;
            double v = 0;
            for (std::size_t b = 0; b < 4; ++b)
                v += wy[b] * (wx[0] * tap[b][0] + wx[1] * tap[b][1] + wx[2] * tap[b][2] +
                              wx[3] * tap[b][3]);
            sum += std::max(0.0, v);
            continue;
        }
        // Inside a cloud the cubic runs on the logarithm: a Gaussian's logarithm is a quadratic,
        // which Catmull–Rom reproduces exactly, so its far flanks (4–6 σ, where a cubic in the
        // values themselves is several percent off) are read as well as its centre.
        double v = 0;
        for (std::size_t b = 0; b < 4; ++b) {
            double row = 0;
            for (std::size_t a = 0; a < 4; ++a) row += wx[a] * dmath::log(tap[b][a]);
            v += wy[b] * row;
        }
        sum += dmath::exp(v);
    }
    return sum;
}

std::size_t PuffSampler::nodes() const {
    std::size_t n = 0;
    for (const auto& L : levels_) n += L.v.size();
    return n;
}

}  // namespace drillbase::sim
