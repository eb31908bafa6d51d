// landscape_internal.h — what landscape.cpp and landscape_grids.cpp share (not a public API):
// loading one more grid of the landscape against the shape of fuels.asc, and reporting bad
// cells at the exact line and column of their value in the file.
#pragma once

#include "sim/fire/landscape.h"

#include <functional>
#include <map>

namespace drillbase::sim::fire::landscape_detail {

// Loads `dir/name` when it exists (nullopt and no diagnostic when it does not; nullopt and an
// error when it cannot be read or its shape, cell size or origin differs from `ref`). `ok` is
// false after an error.
std::optional<AsciiGrid> loadMatching(const std::filesystem::path& dir, const char* name,
                                      const AsciiGrid* ref, const LandscapeOptions& options,
                                      std::vector<Diagnostic>& errors, bool& ok);

// Bad cells of one grid, grouped by the problem (the key: a message) so that a million cells
// of one wrong value give one line with a count; reported at the first cell of each.
class CellProblems {
public:
    void add(const std::string& problem, std::size_t cell);
    bool empty() const { return first_.empty(); }
    // Appends up to `maxReported` diagnostics for `file` (the grid of `g`), each at the line and
    // column of its first cell's value, with the cell's row, column and C2F-W number.
    void report(const std::filesystem::path& file, const AsciiGrid& g,
                const LandscapeOptions& options, std::vector<Diagnostic>& out) const;

private:
    std::map<std::string, std::pair<std::size_t, std::size_t>> first_;  // first cell, count
};

}  // namespace drillbase::sim::fire::landscape_detail
