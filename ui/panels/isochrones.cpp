// isochrones.cpp — see the header. Values sit at cell centres; each square of four neighbouring
// centres is cut where the arrival time crosses the level, the crossing placed by linear
// interpolation along the square's edge (at the middle when one end was never reached).
#include "ui/panels/isochrones.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drillbase::ui {

namespace {

struct Corner {
    double x, y, t;
};

bool reached(double t, double level) {
    return std::isfinite(t) && t <= level;
}

// The point on the edge from `a` to `b` where the arrival time equals `level`.
std::array<double, 2> crossing(const Corner& a, const Corner& b, double level) {
    double f = 0.5;
    if (std::isfinite(a.t) && std::isfinite(b.t) && b.t != a.t)
        f = std::fmin(1.0, std::fmax(0.0, (level - a.t) / (b.t - a.t)));
    return {a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f};
}

// Edges of the square (0 south, 1 east, 2 north, 3 west) joined for each pattern of reached
// corners (bit 0 south-west, 1 south-east, 2 north-east, 3 north-west). The two saddles (5, 10)
// keep the reached corners apart: a fire front does not bridge an unburned gap by itself.
constexpr int kEdges[16][4] = {{-1, -1, -1, -1}, {3, 0, -1, -1}, {0, 1, -1, -1}, {3, 1, -1, -1},
                               {1, 2, -1, -1},   {3, 0, 1, 2},   {0, 2, -1, -1}, {3, 2, -1, -1},
                               {2, 3, -1, -1},   {0, 2, -1, -1}, {0, 1, 2, 3},   {1, 2, -1, -1},
                               {1, 3, -1, -1},   {0, 1, -1, -1}, {3, 0, -1, -1}, {-1, -1, -1, -1}};

void traceLevel(const sim::FieldGrid& g, double level, Isochrone& out) {
    for (int j = 0; j + 1 < g.ny; ++j)
        for (int i = 0; i + 1 < g.nx; ++i) {
            const Corner c[4] = {{g.centreX(i), g.centreY(j), g.at(i, j)},
                                 {g.centreX(i + 1), g.centreY(j), g.at(i + 1, j)},
                                 {g.centreX(i + 1), g.centreY(j + 1), g.at(i + 1, j + 1)},
                                 {g.centreX(i), g.centreY(j + 1), g.at(i, j + 1)}};
            int pattern = 0;
            for (int k = 0; k < 4; ++k)
                if (reached(c[k].t, level)) pattern |= 1 << k;
            const int* e = kEdges[pattern];
            for (int s = 0; s < 4 && e[s] >= 0; s += 2) {
                // Edge k runs from corner k to corner k + 1 (south: SW → SE, …, west: NW → SW).
                const auto p = crossing(c[e[s]], c[(e[s] + 1) % 4], level);
                const auto q = crossing(c[e[s + 1]], c[(e[s + 1] + 1) % 4], level);
                out.segments.push_back({p[0], p[1], q[0], q[1]});
            }
        }
}

// Candidate label places: segment midpoints ordered by distance from the origin, farthest
// first, thinned to at most kLabelPlaces spread over the ring.
constexpr std::size_t kLabelPlaces = 12;

void labelPlaces(Isochrone& iso, double ox, double oy) {
    std::vector<std::pair<double, std::array<double, 2>>> mids;
    for (const auto& s : iso.segments) {
        const double mx = (s[0] + s[2]) / 2, my = (s[1] + s[3]) / 2;
        mids.push_back({-std::hypot(mx - ox, my - oy), {mx, my}});
    }
    std::stable_sort(mids.begin(), mids.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::size_t stride = std::max<std::size_t>(1, mids.size() / kLabelPlaces);
    for (std::size_t k = 0; k < mids.size() && iso.labelAt.size() < kLabelPlaces; k += stride)
        iso.labelAt.push_back(mids[k].second);
}

}  // namespace

Isochrone traceIsochrone(const sim::FieldGrid& arrival, double timeS) {
    Isochrone iso;
    iso.timeS = timeS;
    if (arrival.nx >= 2 && arrival.ny >= 2) traceLevel(arrival, timeS, iso);
    return iso;
}

std::vector<Isochrone> traceIsochrones(const sim::FieldGrid& arrival, double stepS, double untilS) {
    std::vector<Isochrone> out;
    if (!(stepS > 0) || arrival.nx < 2 || arrival.ny < 2) return out;
    // The origin: the cell reached first (the ignition).
    double first = std::numeric_limits<double>::infinity(), ox = 0, oy = 0;
    for (int j = 0; j < arrival.ny; ++j)
        for (int i = 0; i < arrival.nx; ++i) {
            const double t = arrival.at(i, j);
            if (std::isfinite(t) && t < first)
                first = t, ox = arrival.centreX(i), oy = arrival.centreY(j);
        }
    if (!std::isfinite(first)) return out;
    for (double level = stepS; level <= untilS + 1e-9; level += stepS) {
        if (level <= first) continue;
        Isochrone iso;
        iso.timeS = level;
        traceLevel(arrival, level, iso);
        if (iso.segments.empty()) continue;
        labelPlaces(iso, ox, oy);
        out.push_back(std::move(iso));
    }
    return out;
}

}  // namespace drillbase::ui
