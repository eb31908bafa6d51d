// isochrones.h — where the hazard had reached at each multiple of a time step (fire: the front
// every 10 min of drill time), as contour lines of its arrival times (Hazard::fillArrival) by
// marching squares (Lorensen & Cline 1987, in two dimensions), so the trainee reads how fast
// and which way the fire ran. A pure function of the grid, tested without ImGui.
#pragma once

#include "sim/field_grid.h"

#include <array>
#include <vector>

namespace drillbase::ui {

struct Isochrone {
    double timeS = 0;                             // the arrival time the line joins
    std::vector<std::array<double, 4>> segments;  // x0, y0, x1, y1 in map metres
    // Where to write its time, best first: the midpoints of its segments from the one farthest
    // from the fire's origin (along the head's run, where isochrones lie farthest apart) round
    // the ring, a few of them, so a label crowded out at the first finds room at another.
    std::vector<std::array<double, 2>> labelAt;
};

// The isochrones of `arrival` (seconds; NaN or infinite where the hazard has not arrived) at
// every `stepS` up to `untilS`, earliest first; a time the hazard never passed has no line.
std::vector<Isochrone> traceIsochrones(const sim::FieldGrid& arrival, double stepS, double untilS);
// The one line where the arrival time equals `timeS`: at the drill's time now, the edge of
// the ground the hazard has reached (a fire's edge, 火线). No label places.
Isochrone traceIsochrone(const sim::FieldGrid& arrival, double timeS);

}  // namespace drillbase::ui
