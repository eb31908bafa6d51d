// terrain.cpp — see terrain.h.
#include "sim/fire/terrain.h"

#include "sim/math/det_math.h"

namespace drillbase::sim::fire {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kDegPerRad = 180.0 / kPi;
}  // namespace

double slopeDegFromTan(double t) {
    return dmath::atan2(t, 1.0) * kDegPerRad;
}

double tanFromSlopeDeg(double deg) {
    const double r = deg / kDegPerRad;
    return dmath::sin(r) / dmath::cos(r);
}

void hornSlopeAspect(const std::vector<double>& elev, const std::vector<std::uint8_t>& valid,
                     int ncols, int nrows, double cellM, std::vector<float>& slopeTan,
                     std::vector<float>& aspectDeg) {
    const std::size_t n = static_cast<std::size_t>(ncols) * static_cast<std::size_t>(nrows);
    slopeTan.assign(n, 0.0f);
    aspectDeg.assign(n, 0.0f);
    const double eight = 8.0 * cellM;
    for (int j = 0; j < nrows; ++j) {
        for (int i = 0; i < ncols; ++i) {
            const std::size_t k = static_cast<std::size_t>(j) * ncols + i;
            if (!valid[k]) continue;
            const double e = elev[k];
            auto z = [&](int di, int dj) {
                const int x = i + di, y = j + dj;
                if (x < 0 || y < 0 || x >= ncols || y >= nrows) return e;
                const std::size_t m = static_cast<std::size_t>(y) * ncols + x;
                return valid[m] ? elev[m] : e;
            };
            const double a = z(-1, 1), b = z(0, 1), c = z(1, 1);
            const double d = z(-1, 0), f = z(1, 0);
            const double g = z(-1, -1), h = z(0, -1), ii = z(1, -1);
            const double dzdx = ((c + 2.0 * f + ii) - (a + 2.0 * d + g)) / eight;
            const double dzdy = ((a + 2.0 * b + c) - (g + 2.0 * h + ii)) / eight;
            slopeTan[k] = static_cast<float>(dmath::hypot(dzdx, dzdy));
            if (dzdx == 0.0 && dzdy == 0.0) continue;
            double az = dmath::atan2(-dzdx, -dzdy) * kDegPerRad;
            if (az < 0) az += 360.0;
            if (az >= 360.0) az -= 360.0;
            aspectDeg[k] = static_cast<float>(az);
        }
    }
}

}  // namespace drillbase::sim::fire
