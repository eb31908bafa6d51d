// flood_boundaries.h — a FloodModel's boundary conditions, breaches and gauges resolved to grid
// cells and faces once, before the solver runs (LISFLOOD-FP's .bci semantics: points act on the
// cell that holds them, N/S/E/W lines on the faces of the grid's outer edge whose cell centres
// lie in the range). checkFloodModel says what a model cannot run with, in words.
#pragma once

#include "sim/hydraulics/flood_model.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace drillbase::sim {

// A boundary condition acting on one cell: through its outer face (edges) or on the cell
// itself (points).
struct ResolvedBoundary {
    std::size_t cell = 0;
    BoundarySide side = BoundarySide::Point;
    BoundaryKind kind = BoundaryKind::QFix;
    double value = 0;
    const TimeSeries* series = nullptr;
    double valueAt(double t) const { return series ? series->at(t) : value; }
};

struct ResolvedBreachCell {
    std::size_t cell = 0;
    std::size_t breach = 0;  // index into FloodModel::breaches
    double zOriginal = 0, zBottom = 0;
    double startS = 0, durationS = 0;
};

struct ResolvedInputs {
    std::vector<ResolvedBoundary> boundaries;
    std::vector<ResolvedBreachCell> breachCells;
    std::vector<std::size_t> gaugeCells;  // one per model gauge, in order; SIZE_MAX off the grid
};

// The problems that stop a model from running ("QVAR series 'x' is not in the .bdy file"),
// each a sentence; empty when it can run. The readers report most of these with positions
// already; this is the solver's own guard for models built in code.
std::vector<std::string> checkFloodModel(const FloodModel& m);

// Preconditions: checkFloodModel(m) is empty. Pointers into m.series stay valid while m lives.
ResolvedInputs resolveInputs(const FloodModel& m);

// The cell a point boundary acts on: the one its reader mapped (cellI, cellJ), else the one
// holding (x, y); SIZE_MAX off the grid.
std::size_t pointCell(const FloodModel& m, const BoundaryCondition& b);

// The cell holding a map point, or SIZE_MAX when it is off the grid.
std::size_t cellAt(const FloodModel& m, double x, double y);

// The domain cells a segment crosses, each once, in order from (x0, y0); with halfWidthM > 0
// also every cell whose centre lies within halfWidthM of the segment (a band, in row order after
// the crossed cells).
std::vector<std::size_t> cellsOnSegment(const FloodModel& m, double x0, double y0, double x1,
                                        double y1, double halfWidthM = 0);

}  // namespace drillbase::sim
