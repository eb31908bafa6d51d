#include "sim/dispersion/gaussian_plume.h"

#include "sim/dispersion/units.h"

#include "sim/math/det_math.h"

#include <cmath>
#include <numbers>

namespace drillbase::sim {

double reflectedVertical(double z, double h, double sigmaZ) {
    const double twoVar = 2.0 * sigmaZ * sigmaZ;
    const double below = z - h, above = z + h;
    return dmath::exp(-(below * below) / twoVar) + dmath::exp(-(above * above) / twoVar);
}

PlumeValue gaussianPlume(const PlumeInput& in, double x, double y, double z) {
    PlumeValue out;
    if (x <= 0 || in.windMS <= 0) return out;
    out.sigmas = briggsSigmas(x, in.stability, in.terrain);
    const double sy = out.sigmas.y, sz = out.sigmas.z;
    const double q = in.rateKgS * kMgPerKg;  // mg/s
    const double crosswind = dmath::exp(-(y * y) / (2.0 * sy * sy));
    out.mgPerM3 = q / (2.0 * std::numbers::pi * in.windMS * sy * sz) * crosswind *
                  reflectedVertical(z, in.releaseHeightM, sz);
    return out;
}

}  // namespace drillbase::sim
