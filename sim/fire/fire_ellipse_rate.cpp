// fire_ellipse_rate.cpp — see fire_ellipse_rate.h.
#include "sim/fire/fire_ellipse_rate.h"

#include "sim/math/det_math.h"

#include <cmath>

namespace drillbase::sim::fire {

namespace {
constexpr double kRadPerDeg = 3.14159265358979323846 / 180.0;
}

EllipseRate prepareEllipse(const CellRates& r) {
    EllipseRate e;
    const double head = r.headMS > 0 ? r.headMS : 0;
    if (!(head > 0)) return e;
    const double back = r.backMS > 0 ? (r.backMS < head ? r.backMS : head) : 0;
    const double a = 0.5 * (head + back);
    // A flank of 0 would be a line fire; keep a sliver so that the formula stays finite.
    const double b = r.flankMS > 1e-6 * a ? r.flankMS : 1e-6 * a;
    const double q = a / b;
    e.head = static_cast<float>(head);
    e.c = static_cast<float>(0.5 * (head - back));
    e.headBack = static_cast<float>(head * back);
    e.ratio2 = static_cast<float>(q * q);
    const double h = r.headBearingDeg * kRadPerDeg;
    e.sinH = static_cast<float>(dmath::sin(h));
    e.cosH = static_cast<float>(dmath::cos(h));
    return e;
}

double rateAlong(const EllipseRate& e, double east, double north) {
    if (!(e.head > 0)) return 0;
    const double sinH = e.sinH, cosH = e.cosH, c = e.c, hb = e.headBack;
    const double u = east * sinH + north * cosH;  // cos of the angle to the head
    const double v = east * cosH - north * sinH;  // its sin
    const double A = u * u + static_cast<double>(e.ratio2) * (v * v);
    const double cu = c * u;
    const double root = std::sqrt(cu * cu + A * hb);
    if (u >= 0) return (cu + root) / A;
    const double den = root - cu;
    return den > 0 ? hb / den : 0;
}

double rateToward(const CellRates& r, double bearingDeg) {
    const double t = bearingDeg * kRadPerDeg;
    return rateAlong(prepareEllipse(r), dmath::sin(t), dmath::cos(t));
}

}  // namespace drillbase::sim::fire
