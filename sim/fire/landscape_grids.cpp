// landscape_grids.cpp — one more grid of a landscape against fuels.asc, and bad cells reported
// where their value is written (see landscape_internal.h).
#include "sim/fire/landscape_internal.h"

#include "sim/fire/c2f_weather.h"
#include "sim/scenario/esri_ascii_internal.h"
#include "sim/scenario/gzip_file.h"

#include <algorithm>
#include <cmath>
#include <system_error>

namespace drillbase::sim::fire::landscape_detail {

using std::to_string;

std::optional<AsciiGrid> loadMatching(const std::filesystem::path& dir, const char* name,
                                      const AsciiGrid* ref, const LandscapeOptions& options,
                                      std::vector<Diagnostic>& errors, bool& ok) {
    // A grid may be shipped gzip-compressed beside its name (fuels.asc.gz): the reader inflates it.
    std::filesystem::path file = dir / name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        file = dir / (std::string(name) + ".gz");
        if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    }
    auto g = loadAsciiGrid(file, errors, options.grids);
    if (!g) {
        ok = false;
        return std::nullopt;
    }
    if (!ref) return g;
    const std::string f = file.string();
    auto refuse = [&](const std::string& why) {
        errors.push_back(Diagnostic{f, {}, "", why + " (all grids of a landscape must match it)"});
        ok = false;
    };
    if (g->ncols != ref->ncols || g->nrows != ref->nrows) {
        refuse(to_string(g->ncols) + " x " + to_string(g->nrows) + " cells, fuels.asc has " +
               to_string(ref->ncols) + " x " + to_string(ref->nrows));
        return std::nullopt;
    }
    if (std::fabs(g->cellM - ref->cellM) > 1e-6 * ref->cellM) {
        refuse("cellsize " + numText(g->cellM) + ", fuels.asc has " + numText(ref->cellM));
        return std::nullopt;
    }
    const double tol = 0.01 * ref->cellM;
    if (std::fabs(g->xll - ref->xll) > tol || std::fabs(g->yll - ref->yll) > tol) {
        refuse("south-west corner (" + numText(g->xll) + ", " + numText(g->yll) +
               "), fuels.asc has (" + numText(ref->xll) + ", " + numText(ref->yll) + ")");
        return std::nullopt;
    }
    return g;
}

void CellProblems::add(const std::string& problem, std::size_t cell) {
    auto [it, fresh] = first_.emplace(problem, std::pair<std::size_t, std::size_t>{cell, 0});
    if (!fresh && cell < it->second.first) it->second.first = cell;
    ++it->second.second;
}

namespace {

// Position in the file of each value (file order: northern row first) in `wanted` (sorted).
std::vector<SourcePos> locate(const std::filesystem::path& file, const LandscapeOptions& options,
                              const std::vector<std::size_t>& wanted) {
    std::vector<SourcePos> at(wanted.size());
    std::string text;
    if (readMaybeGzipFile(file, options.grids.maxBytes, text)) return at;
    std::vector<Diagnostic> scratch;
    const std::string name = file.string();
    esri_detail::Reader r(text, name, scratch, options.grids);
    esri_detail::Token t;
    bool have = false;
    AsciiGrid g;
    if (!esri_detail::readHeader(r, t, have, g, options.grids)) return at;
    std::size_t k = 0, w = 0;
    while (have && w < wanted.size()) {
        while (w < wanted.size() && wanted[w] == k) at[w++] = r.posOf(t);
        ++k;
        have = r.next(t);
    }
    return at;
}

}  // namespace

void CellProblems::report(const std::filesystem::path& file, const AsciiGrid& g,
                          const LandscapeOptions& options, std::vector<Diagnostic>& out) const {
    // The problems whose first cell comes first in the file, up to the limit.
    std::vector<std::pair<std::size_t, const std::string*>> order;  // file index, problem
    for (const auto& [problem, fc] : first_) {
        const std::size_t cell = fc.first;
        const std::size_t j = cell / g.ncols, i = cell % g.ncols;
        order.emplace_back((g.nrows - 1 - j) * g.ncols + i, &problem);
    }
    std::sort(order.begin(), order.end());
    const std::size_t shown = std::min<std::size_t>(order.size(), options.maxCellErrors);
    std::vector<std::size_t> wanted;
    for (std::size_t k = 0; k < shown; ++k) wanted.push_back(order[k].first);
    const std::vector<SourcePos> at = locate(file, options, wanted);
    for (std::size_t k = 0; k < shown; ++k) {
        const auto& fc = first_.at(*order[k].second);
        const std::size_t fileIdx = order[k].first;
        const std::size_t row = fileIdx / g.ncols + 1, col = fileIdx % g.ncols + 1;
        std::string msg = *order[k].second + " (row " + to_string(row) +
                          " from the north, column " + to_string(col) + ", C2F-W cell " +
                          to_string(c2fCellNumber(fc.first, g.ncols, g.nrows)) + ")";
        if (fc.second > 1) msg += "; " + to_string(fc.second) + " cells in all";
        out.push_back(Diagnostic{file.string(), at[k], "", std::move(msg)});
    }
    if (order.size() > shown)
        out.push_back(Diagnostic{
            file.string(), {}, "", to_string(order.size() - shown) + " more kinds of bad cells"});
}

}  // namespace drillbase::sim::fire::landscape_detail
