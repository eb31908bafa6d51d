// flood_model.h — the inputs of a 2D flood model as plain data: terrain, friction, boundary
// conditions, time series, gauges and run settings. Both readers fill it — the LISFLOOD-FP
// files a flood modeller already has (.par, .bci, .bdy, .stage and .asc grids:
// lisflood_inputs.h) and a drill scenario's JSON sources — and the local-inertial solver
// (inertial_solver.h) runs it. Coordinates are map metres (the grid's own, as in the .asc
// header); row j = 0 is the southern row, as in sim::FieldGrid and sim::AsciiGrid.
#pragma once

#include "common/json_source.h"

#include <cstdint>
#include <string>
#include <vector>

namespace drillbase::sim {

// A time series of one boundary value, as a LISFLOOD-FP .bdy block: samples (t, value) with t
// in seconds, strictly increasing; linear between samples, held at the ends.
struct TimeSeries {
    std::string name;
    std::vector<double> tS;
    std::vector<double> value;
    double at(double t) const;  // linear interpolation; 0 when empty
};

// What a boundary condition fixes (LISFLOOD-FP .bci keywords).
enum class BoundaryKind : std::uint8_t {
    QFix,  // fixed inflow per unit width, m²/s (× cell width = m³/s per cell)
    QVar,  // inflow per unit width from a time series, m²/s
    HFix,  // fixed water-surface elevation outside the edge, m
    HVar,  // water-surface elevation from a time series, m
    Free,  // free outflow at the normal depth of a slope (given, or the local water slope)
};

// Where: one cell holding a point ('P'), or the cells of a domain edge whose centres fall within
// [from, to] (x for 'N'/'S', y for 'E'/'W').
enum class BoundarySide : std::uint8_t { Point, North, South, East, West };

struct BoundaryCondition {
    BoundarySide side = BoundarySide::Point;
    double x = 0, y = 0;      // Point: the map position
    double from = 0, to = 0;  // edges: the range along the edge, map metres
    BoundaryKind kind = BoundaryKind::QFix;
    double value = 0;    // QFix m²/s, HFix m, Free slope (negative: use the local slope)
    std::string series;  // QVar/HVar: the name of a TimeSeries
    // Point: the cell it feeds (j = 0 the southern row), -1 until a reader has mapped it. A point
    // on a cell's edge belongs to the cell east and south of it, as LISFLOOD-FP maps it
    // (lisflood_loader.cpp); the EA test 5 sources all lie on cell edges.
    int cellI = -1, cellJ = -1;
    SourcePos pos;  // where it was written (for messages about it later)
    std::string file;
};

// A point where depth is recorded every `massintS` (a LISFLOOD-FP .stage line).
struct Gauge {
    double x = 0, y = 0;
};

// A levee or embankment breach: the cells on the segment (x0,y0)–(x1,y1) are lowered linearly
// from their own elevation to `bottomM` (never raised) between startS and startS + durationS.
struct Breach {
    std::string id;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double bottomM = 0;
    double startS = 0, durationS = 0;
    double widthM = 0;  // across the segment: cells within widthM/2 of it (0: those it crosses)
};

// Rain over the whole domain, mm/h, from a time series (a constant is one sample).
struct Rainfall {
    TimeSeries mmPerHour;
    bool present = false;
};

struct FloodSettings {
    double simTimeS = 0;
    double initialStepS = 1;   // the first step, before any cell is wet (LISFLOOD initial_tstep)
    double massIntervalS = 0;  // gauge and volume sampling interval; 0: none
    double saveIntervalS = 0;  // LISFLOOD saveint (snapshots); drillbase writes max/arrival only
    double alpha = 0.7;        // Courant-type factor of Bates et al. (2010) eq. 12
    double depthThresholdM = 1e-3;  // a face carries flow only above this flow depth
    double gravity = 9.80665;
    // Below this many cells of work per thread a step runs on one thread (waking threads costs
    // more than they save); the results are the same either way. Tests set 1.
    std::int64_t minCellsPerThread = 100'000;
};

struct FloodModel {
    int nx = 0, ny = 0;
    double xll = 0, yll = 0, cellM = 0;
    std::vector<double> z;               // bed elevation, m; nx·ny, index j·nx + i
    std::vector<std::uint8_t> inDomain;  // 1 where the cell is in the domain (not NODATA)
    std::vector<double> manning;         // Manning's n per cell, s/m^(1/3)
    std::vector<double> h0;              // initial depth, m (empty: dry)
    std::vector<BoundaryCondition> boundaries;
    std::vector<TimeSeries> series;
    std::vector<Gauge> gauges;
    std::vector<Breach> breaches;
    Rainfall rain;
    FloodSettings settings;

    std::size_t cells() const {
        return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny);
    }
    std::size_t index(int i, int j) const {
        return static_cast<std::size_t>(j) * static_cast<std::size_t>(nx) +
               static_cast<std::size_t>(i);
    }
    const TimeSeries* findSeries(const std::string& name) const;
};

}  // namespace drillbase::sim
