// spread_stencil.h — the edges of the minimum-travel-time grid (fire_spread.h): every offset
// (dx, dy) with |dx|, |dy| <= 5 and gcd 1 (80 neighbours, the default: largest gap between
// directions 8.1°), <= 3 (32: 18.4°) or <= 2 (16: the 8 of the Moore neighbourhood and the 8
// knight moves: 26.6°), as Finney (2002) recommends to keep the discretisation of directions
// from showing as diamonds or squares. A wind-driven fire is an ellipse whose narrow head falls
// between edge directions: the more directions, the closer its head (fire_spread.h gives the
// measured errors). For each edge, the cells
// its straight segment from centre to centre passes through, with the fraction of the length in
// each (Amanatides & Woo style traversal, exact rational crossing points), and the pairs of cells
// it slips between at a shared corner (a diagonal edge between two blocked cells is blocked, so
// a fireline of cells touching corner to corner holds).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace drillbase::sim::fire {

enum class Neighbourhood : std::uint8_t { n16 = 16, n32 = 32, n80 = 80 };

// The largest |dx| or |dy| of a neighbourhood's edges: 2, 3 or 5.
int stencilReach(Neighbourhood n);

struct StencilCell {
    std::int8_t dx = 0, dy = 0;  // from the edge's start cell; dy > 0 is north
    double frac = 0;             // of the edge's length inside this cell
};

struct StencilEdge {
    int dx = 0, dy = 0;
    double lengthCells = 0;             // sqrt(dx² + dy²)
    double east = 0, north = 0;         // unit vector of the edge
    int cellCount = 0;                  // start cell first, end cell last
    std::array<StencilCell, 11> cells;  // at most 1 + |dx| + |dy| = 10 (reach 5)
    int cornerCount = 0;
    std::array<std::array<std::int8_t, 4>, 2> corners;  // (dx1, dy1, dx2, dy2) pairs
};

// The edges in a fixed order (by angle from north, clockwise), so that iteration is the same on
// every run.
std::vector<StencilEdge> makeStencil(Neighbourhood n);

// The edge index of the opposite edge (-dx, -dy).
int oppositeEdge(const std::vector<StencilEdge>& s, int k);

}  // namespace drillbase::sim::fire
