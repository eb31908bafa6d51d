// lisflood_grids.h — the .asc grids a LISFLOOD-FP .par names, read into a FloodModel (not a
// public API; lisflood_loader.cpp uses it): the DEM sets the geometry and the domain, the
// Manning's n and initial-depth grids must share that geometry exactly.
#pragma once

#include "sim/hydraulics/lisflood_inputs.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim::lisflood_detail {

// What the grid readers need to know about the .par that named the grid.
struct GridSource {
    std::filesystem::path file;  // resolved against the .par's folder
    const ParValue* named;       // where the .par names it
    std::string parName;         // the .par, for messages located at that line
    const char* keyword;         // "DEMfile", "manningfile", "startfile"
};

// Fills nx, ny, xll, yll, cellM, z and inDomain (NODATA cells are out of the domain).
bool loadDemGrid(const GridSource& src, FloodModel& m, std::vector<Diagnostic>& errors);
// Fills m.manning from the grid, where a NODATA cell of the domain takes `fpfric` when given.
bool loadManningGrid(const GridSource& src, std::optional<double> fpfric, FloodModel& m,
                     std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings);
// Fills m.h0 from a depth grid, or from a water-surface elevation grid (`elevation`).
bool loadStartGrid(const GridSource& src, bool elevation, FloodModel& m,
                   std::vector<Diagnostic>& errors);

}  // namespace drillbase::sim::lisflood_detail
