// fire_ellipse.h — the elliptical shape of a surface fire grown from a point (Anderson 1983,
// INT-305; Alexander 1985), as BehavePlus draws it: the length-to-width ratio from the effective
// mid-flame wind, the eccentricity, and the head, flank and back rates; plus the rate in any
// direction, from the ignition point (the ellipse's rear focus) or normal to the perimeter
// (Catchpole, de Mestre & Gill 1982).
#pragma once

namespace drillbase::sim::fire {

// Length-to-width ratio of BehavePlus (Andrews 2018, RMRS-GTR-371, after Anderson 1983):
// LW = 0.936 e^(0.1147 U) + 0.461 e^(−0.0692 U) − 0.397, U the effective mid-flame wind in mi/h
// (the same curve is 0.936 e^(0.2566 U) + 0.461 e^(−0.1548 U) − 0.397 with U in m/s); 1 without
// wind, at most 8 as BehavePlus limits it.
double lengthToWidthRatio(double effectiveWindMph);

// e = √(LW² − 1) / LW.
double eccentricity(double lengthToWidth);

struct FireEllipse {
    double head = 0, back = 0, flank = 0;  // rates in the caller's unit
    double lengthToWidth = 1, eccentricity = 0;

    // The rate at which a point spreads from the ignition point in a direction `angleRad` off
    // the head direction: R(θ) = R_head (1 − e) / (1 − e cos θ), the polar form of the ellipse
    // about its rear focus (BehavePlus "from ignition point").
    double fromIgnition(double cosAngle) const;
    // The rate of the fire front normal to the perimeter at the point whose direction from the
    // ellipse's centre is `angle` off the head: R = g cos θ + √(f² cos² θ + h² sin² θ) with
    // f = (head + back)/2, g = head − f, h = flank (Catchpole et al. 1982; BehavePlus "from
    // perimeter").
    double normalToPerimeter(double cosAngle, double sinAngle) const;
};

// The ellipse for a head rate and an effective mid-flame wind (mi/h): back = head (1 − e)/(1 + e),
// flank = (head + back) / (2 LW) (Anderson 1983; Alexander 1985).
FireEllipse fireEllipse(double headRate, double effectiveWindMph);

}  // namespace drillbase::sim::fire
