// spread_stencil.cpp — see spread_stencil.h.
#include "sim/fire/spread_stencil.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

namespace drillbase::sim::fire {

namespace {

struct Crossing {
    long num, den;  // t = num / den along the edge
    bool x, y;      // which cell boundaries are crossed there
};

StencilEdge makeEdge(int dx, int dy) {
    StencilEdge e;
    e.dx = dx;
    e.dy = dy;
    e.lengthCells = std::sqrt(static_cast<double>(dx * dx + dy * dy));
    e.east = dx / e.lengthCells;
    e.north = dy / e.lengthCells;
    const int ax = std::abs(dx), ay = std::abs(dy);
    const int sx = dx > 0 ? 1 : -1, sy = dy > 0 ? 1 : -1;
    // Cell boundaries lie at half-integers: x = k + 1/2 at t = (2k + 1) / (2 |dx|).
    std::vector<Crossing> cr;
    for (int k = 0; k < ax; ++k) cr.push_back({2L * k + 1, 2L * ax, true, false});
    for (int k = 0; k < ay; ++k) cr.push_back({2L * k + 1, 2L * ay, false, true});
    std::sort(cr.begin(), cr.end(),
              [](const Crossing& a, const Crossing& b) { return a.num * b.den < b.num * a.den; });
    std::vector<Crossing> merged;
    for (const Crossing& c : cr) {
        if (!merged.empty() && merged.back().num * c.den == c.num * merged.back().den) {
            merged.back().x |= c.x;
            merged.back().y |= c.y;
        } else {
            merged.push_back(c);
        }
    }
    int cx = 0, cy = 0;
    double prev = 0;
    for (const Crossing& c : merged) {
        const double t = static_cast<double>(c.num) / static_cast<double>(c.den);
        e.cells[e.cellCount++] = {static_cast<std::int8_t>(cx), static_cast<std::int8_t>(cy),
                                  t - prev};
        prev = t;
        if (c.x && c.y)
            e.corners[e.cornerCount++] = {
                static_cast<std::int8_t>(cx + sx), static_cast<std::int8_t>(cy),
                static_cast<std::int8_t>(cx), static_cast<std::int8_t>(cy + sy)};
        if (c.x) cx += sx;
        if (c.y) cy += sy;
    }
    e.cells[e.cellCount++] = {static_cast<std::int8_t>(cx), static_cast<std::int8_t>(cy),
                              1.0 - prev};
    return e;
}

}  // namespace

int stencilReach(Neighbourhood n) {
    switch (n) {
        case Neighbourhood::n16: return 2;
        case Neighbourhood::n32: return 3;
        case Neighbourhood::n80: return 5;
    }
    return 3;
}

std::vector<StencilEdge> makeStencil(Neighbourhood n) {
    const int reach = stencilReach(n);
    std::vector<StencilEdge> s;
    for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx)
            if ((dx != 0 || dy != 0) && std::gcd(std::abs(dx), std::abs(dy)) == 1)
                s.push_back(makeEdge(dx, dy));
    // Clockwise from north, by exact integer comparison of the direction (no atan2 needed).
    auto half = [](const StencilEdge& e) { return e.dx > 0 || (e.dx == 0 && e.dy > 0) ? 0 : 1; };
    std::sort(s.begin(), s.end(), [&](const StencilEdge& a, const StencilEdge& b) {
        if (half(a) != half(b)) return half(a) < half(b);
        return a.dx * b.dy - a.dy * b.dx < 0;  // a before b when b is clockwise of a
    });
    return s;
}

int oppositeEdge(const std::vector<StencilEdge>& s, int k) {
    for (int m = 0; m < static_cast<int>(s.size()); ++m)
        if (s[m].dx == -s[k].dx && s[m].dy == -s[k].dy) return m;
    return -1;
}

}  // namespace drillbase::sim::fire
