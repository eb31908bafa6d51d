// landscape.h — a fire landscape in the folder layout Cell2Fire / C2F-W users exchange
// (C2F-W DataGenerator.cpp GenDataFile; fire2a docs "Data preparation"; e.g. its
// data/ScottAndBurgan/Vilopriu_2013-asc), all ESRI ASCII grids of one shape:
//   fuels.asc       required: integer fuel grid values, mapped by the lookup table (any grid
//                   may be NAME.asc.gz instead, gzip-compressed)
//   <model>_lookup_table.csv   spain_ (Scott & Burgan), fbp_, kitral_ or portugal_; exactly one
//   elevation.asc   optional, m; without it the ground is flat
//   slope.asc       optional; in DEGREES by default (see below); derived from the DEM when absent
//   saz.asc         optional slope azimuth: the DOWNSLOPE direction, degrees clockwise from north
//                   (GDAL/ArcGIS aspect); derived from the DEM when absent
//   cbh.asc, cbd.asc, ccf.asc, hm.asc  optional canopy grids: base height m, bulk density
//                   kg/m³, cover fraction, top height m (the names C2F-W reads; no cc/ch names)
//
// Slope units. C2F-W passes slope.asc on as `ps` ("percent slope"): its FBP kernel uses it in
// the ST-X-3 percent form SF = exp(3.533 (ps/100)^1.2), while its Scott & Burgan path ignores
// the file and takes the slope between neighbouring elevations. The files themselves are
// written by gdaldem's default — degrees: Vilopriu's slope.asc equals atan of the Horn slope of
// its elevation.asc to 1.5e-5 degrees on average, and is 4.6 points off as percent. drillbase
// therefore reads slope.asc in degrees unless told `SlopeUnits::percent`, and warns when the DEM
// says the other unit fits the file better.
//
// Validation (every error names the file, and the cell or row): grids of another shape, cell size
// (relative 1e-6) or origin (0.01 cell) than fuels.asc; fuel grid values that are not whole
// numbers or not in the table; table codes used by the grid but unknown to the fire model (an
// unused unknown code is a warning); slopes outside [0, 90) degrees / [0, 1000] percent; aspects
// outside [0, 360] (−1, ArcGIS's "flat", is read as flat). NODATA in fuels.asc, elevation.asc,
// slope.asc or saz.asc makes that cell non-burnable, like a non-fuel code. The loader never
// throws; it holds at most the text of one grid and its values at a time.
#pragma once

#include "sim/fire/fire_csv.h"
#include "sim/fire/fuel_lookup.h"
#include "sim/scenario/esri_ascii.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace drillbase::sim::fire {

enum class SlopeUnits { degrees, percent };

struct LandscapeOptions {
    std::set<std::string> knownCodes;  // fuel model codes the fire model can rate, e.g. "GR1"
    SlopeUnits slopeUnits = SlopeUnits::degrees;
    AsciiGridLimits grids;
    CsvLimits csv;
    int maxCellErrors = 5;  // distinct bad values reported per grid (each with its cell)
};

struct Landscape {
    static constexpr std::uint16_t kNone = 0xFFFF;

    int ncols = 0, nrows = 0;
    double xll = 0, yll = 0, cellM = 0;  // south-west corner, cell side (m)
    FuelLookup lookup;
    std::vector<std::string> codes;  // the burnable codes the grid uses, sorted (by byte)
    // Per cell, index j·ncols + i with row j = 0 the SOUTHERN row (as sim::AsciiGrid):
    std::vector<std::uint16_t> entry;  // lookup.entries index; kNone for NODATA in fuels.asc
    std::vector<std::uint16_t> fuel;   // codes index; kNone where the cell does not burn
    std::vector<float> elevationM;     // empty without elevation.asc
    std::vector<float> slopeTan;       // rise over run; empty = flat everywhere
    std::vector<float> aspectDeg;      // downslope azimuth, clockwise from north; empty = flat
    bool slopeFromFile = false, aspectFromFile = false;
    // Optional canopy grids, empty when absent; NaN where the grid has no data.
    std::vector<float> canopyBaseM, canopyBulkKgM3, canopyCover, canopyTopM;

    std::size_t cellCount() const { return fuel.size(); }
    bool burnable(std::size_t cell) const { return fuel[cell] != kNone; }
    // The fuel code of a cell ("" where it does not burn).
    const std::string& code(std::size_t cell) const;
    std::size_t burnableCount() const;
};

// Reads the landscape in `dir`. Returns nullopt after at least one error; warnings never stop
// a landscape from loading.
std::optional<Landscape> loadLandscape(const std::filesystem::path& dir,
                                       const LandscapeOptions& options,
                                       std::vector<Diagnostic>& errors,
                                       std::vector<Diagnostic>& warnings);

}  // namespace drillbase::sim::fire
