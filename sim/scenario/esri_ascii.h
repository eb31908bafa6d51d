// esri_ascii.h — reader for ESRI ASCII raster grids (.asc, "Arc/Info ASCII Grid"), the form in
// which flood DEMs, Manning's-n grids and forest-fire landscapes (Cell2Fire / C2F-W) are
// exchanged; scenarios name them by a path relative to the scenario file.
//
// Format (ESRI, "ESRI ASCII raster format", ArcGIS documentation; GDAL AAIGrid driver): a header
// of `key value` lines — ncols, nrows, xllcorner|xllcenter, yllcorner|yllcenter, cellsize and
// optionally NODATA_value, keywords in upper or lower case — then ncols·nrows numbers separated
// by white space, row by row starting with the NORTHERN row, west to east within a row. Writers
// may wrap rows over several lines; only the count matters. Cells are square (one cellsize);
// GDAL's dx/dy extension for non-square cells is refused.
//
// Every problem becomes a Diagnostic FILE:LINE:COL: message (1-based, column in characters);
// the functions never throw and never read outside the text they are given.
#pragma once

#include "common/json_source.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::sim {

struct AsciiGridLimits {
    std::int64_t maxCells = 25'000'000;  // ncols·nrows; checked before anything is allocated
    std::size_t maxBytes = 512u << 20;   // whole file, and its text when it is gzip-compressed
    // Longest line, in characters. Real writers put one row per line (Vilopriu: ~4.6 k, the EA
    // test-5 DEM: ~8 k); 4 Mi leaves room for 300 k-column rows yet stops a binary file early.
    int maxLineChars = 4 << 20;
    int maxErrors = 20;  // diagnostics reported before giving up on a hopeless file
};

struct AsciiGrid {
    int ncols = 0, nrows = 0;
    double xll = 0, yll = 0;  // south-west corner of the grid (xllcenter/yllcenter converted)
    double cellM = 0;
    std::optional<double> nodata;  // NODATA_value when given (no default is assumed, as in GDAL)
    // ncols·nrows, index j·ncols + i, row j = 0 the SOUTHERN row (the file lists it last), as in
    // sim::FieldGrid. Cells equal to NODATA_value keep that value here and have valid = 0.
    std::vector<double> values;
    std::vector<std::uint8_t> valid;

    // Preconditions: 0 <= i < ncols, 0 <= j < nrows.
    double at(int i, int j) const { return values[index(i, j)]; }
    bool isValid(int i, int j) const { return valid[index(i, j)] != 0; }
    std::size_t index(int i, int j) const {
        return static_cast<std::size_t>(j) * static_cast<std::size_t>(ncols) +
               static_cast<std::size_t>(i);
    }
};

// Parses the text of a grid; `fileName` is used in diagnostics only. On any error returns
// nullopt and appends at least one diagnostic to `out`.
std::optional<AsciiGrid> parseAsciiGrid(std::string_view text, const std::string& fileName,
                                        std::vector<Diagnostic>& out,
                                        const AsciiGridLimits& limits = {});

// Reads and parses a file; a file over limits.maxBytes is refused before it is read. A
// gzip-compressed file (recognised by its magic bytes 1f 8b, whatever its name) is inflated
// first, and refused as soon as its text would pass limits.maxBytes.
std::optional<AsciiGrid> loadAsciiGrid(const std::filesystem::path& file,
                                       std::vector<Diagnostic>& out,
                                       const AsciiGridLimits& limits = {});

}  // namespace drillbase::sim
