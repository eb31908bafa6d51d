// fire_ellipse_rate.h — the rate of spread of an elliptical fire toward any bearing.
//
// Shape: a fire from a point under constant conditions grows as an ellipse (Anderson 1983,
// "Predicting wind-driven wild land fire size and shape", USDA For. Serv. Res. Pap. INT-305;
// Richards 1990, "An elliptical growth model of forest fire fronts and its numerical solution",
// Int. J. Numer. Meth. Eng. 30, 1163–1179) with the ignition point on its major axis:
//   a = (head + back) / 2   semi-major axis per unit time
//   c = (head − back) / 2   distance of the centre ahead of the ignition point
//   b = flank               semi-minor axis: the flanking rate as BehavePlus and C2F-W give it,
//                           (head + back) / (2 · length-to-breadth)
// rateToward gives the speed along the RAY from the ignition point at angle θ to the head
// direction: the r solving ((r cosθ − c)/a)² + (r sinθ / b)² = 1, i.e. with u = cosθ,
// v = sinθ, A = u² + (a/b)² v²:
//   r = (c u + sqrt(c² u² + A · head · back)) / A                  (u >= 0)
//   r = head · back / (sqrt(c² u² + A · head · back) − c u)        (u < 0, the same root
//                                                                  without cancellation)
// so r(0) = head, r(180°) = back and r(±90°) = b · sqrt(1 − c²/a²). A minimum-travel-time grid
// (fire_spread.h) moving along rays at r(θ) reproduces the ellipse.
//
// Bearings are compass degrees: clockwise from north, the direction the fire moves TOWARD.
// Only + − × ÷, sqrt and dmath sin/cos: the same bits everywhere.
//
// (A second implementation may exist beside the Rothermel calculator; this one is the one the
// grid spread uses. Unify them under this name.)
#pragma once

namespace drillbase::sim::fire {

struct CellRates {
    double headMS = 0;          // m/s toward headBearingDeg
    double backMS = 0;          // m/s the opposite way
    double flankMS = 0;         // m/s, the ellipse's semi-minor axis rate
    double headBearingDeg = 0;  // compass bearing of the head
};

// The rate toward `bearingDeg` (compass degrees). 0 when head <= 0.
double rateToward(const CellRates& r, double bearingDeg);

// The same in a form prepared once per cell, for many directions given as unit vectors.
struct EllipseRate {
    float head = 0, c = 0, headBack = 0, ratio2 = 1;  // ratio2 = (a/b)²
    float sinH = 0, cosH = 1;                         // head direction (east, north)
};
EllipseRate prepareEllipse(const CellRates& r);
// Toward the unit vector (east, north).
double rateAlong(const EllipseRate& e, double east, double north);

}  // namespace drillbase::sim::fire
