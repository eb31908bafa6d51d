#include "sim/fire/fire_ellipse.h"

#include "sim/math/det_math.h"

#include <algorithm>
#include <cmath>

namespace drillbase::sim::fire {

double lengthToWidthRatio(double effectiveWindMph) {
    namespace dm = drillbase::sim::dmath;
    if (effectiveWindMph <= 1e-7) return 1.0;
    const double u = effectiveWindMph;
    const double lw = 0.936 * dm::exp(0.1147 * u) + 0.461 * dm::exp(-0.0692 * u) - 0.397;
    return std::min(lw, 8.0);
}

double eccentricity(double lengthToWidth) {
    const double x = lengthToWidth * lengthToWidth - 1.0;
    return x > 0 ? std::sqrt(x) / lengthToWidth : 0.0;
}

double FireEllipse::fromIgnition(double cosAngle) const {
    if (head <= 0) return 0;
    return head * (1.0 - eccentricity) / (1.0 - eccentricity * cosAngle);
}

double FireEllipse::normalToPerimeter(double cosAngle, double sinAngle) const {
    if (head <= 0) return 0;
    const double f = (head + back) / 2.0;
    const double g = head - f;
    const double h = flank;
    return g * cosAngle + std::sqrt(f * f * cosAngle * cosAngle + h * h * sinAngle * sinAngle);
}

FireEllipse fireEllipse(double headRate, double effectiveWindMph) {
    FireEllipse e;
    e.head = headRate;
    e.lengthToWidth = lengthToWidthRatio(effectiveWindMph);
    e.eccentricity = eccentricity(e.lengthToWidth);
    e.back = headRate * (1.0 - e.eccentricity) / (1.0 + e.eccentricity);
    e.flank = (headRate + e.back) / (2.0 * e.lengthToWidth);
    return e;
}

}  // namespace drillbase::sim::fire
