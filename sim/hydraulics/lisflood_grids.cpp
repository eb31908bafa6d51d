// lisflood_grids.cpp — the grids a .par names (see lisflood_grids.h). LISFLOOD-FP reads the DEM
// with its NODATA cells as walls (the 5.9 reader sets them to 1e10: LoadDEM in input.cpp of
// https://github.com/openearth/lisflood-fp-bmi); drillbase marks them out of the domain instead
// (FloodModel::inDomain) and keeps the value the file gave. The other grids are read cell for
// cell against the DEM (LISFLOOD-FP 5.9 reads them without checking their headers), so a grid of
// another size or origin is an error here, not a shifted friction or depth field.
#include "sim/hydraulics/lisflood_grids.h"
#include "sim/hydraulics/lisflood_text.h"

#include "sim/scenario/esri_ascii.h"

#include <cmath>
#include <locale>
#include <sstream>

namespace drillbase::sim::lisflood_detail {
namespace {

using std::to_string;

void parError(const GridSource& s, std::vector<Diagnostic>& errors, std::string message) {
    errors.push_back(Diagnostic{
        s.parName, s.named->pos, "",
        std::string(s.keyword) + " " + "'" + s.named->text + "': " + std::move(message)});
}

std::optional<AsciiGrid> readGrid(const GridSource& s, std::vector<Diagnostic>& errors) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(s.file, ec)) {
        std::string m = "no such file (looked for " + s.file.string() + ")";
        if (s.named->text.find('\\') != std::string::npos)
            m += "; write folders with '/', not '\\'";
        parError(s, errors, m);
        return std::nullopt;
    }
    return loadAsciiGrid(s.file, errors);
}

std::string geometry(const AsciiGrid& g) {
    return to_string(g.ncols) + " x " + to_string(g.nrows) + " cells of " + num(g.cellM) +
           " m from (" + num(g.xll) + ", " + num(g.yll) + ")";
}

// The grid lies cell for cell on the DEM: same counts, same cell size, same corner (to a
// thousandth of a cell, as headers are written with a few decimals).
bool sameGeometry(const AsciiGrid& g, const FloodModel& m) {
    const double tol = 1e-3 * m.cellM;
    return g.ncols == m.nx && g.nrows == m.ny && std::fabs(g.cellM - m.cellM) <= 1e-9 * m.cellM &&
           std::fabs(g.xll - m.xll) <= tol && std::fabs(g.yll - m.yll) <= tol;
}

bool checkGeometry(const GridSource& s, const AsciiGrid& g, const FloodModel& m,
                   std::vector<Diagnostic>& errors) {
    if (sameGeometry(g, m)) return true;
    AsciiGrid dem;
    dem.ncols = m.nx;
    dem.nrows = m.ny;
    dem.cellM = m.cellM;
    dem.xll = m.xll;
    dem.yll = m.yll;
    parError(s, errors,
             "the grid is " + geometry(g) + ", the DEM " + geometry(dem) +
                 "; the grids must match cell for cell");
    return false;
}

// "column 3, row 2 from the north (x 105, y 215)", for messages about one cell.
std::string cellName(const FloodModel& m, std::size_t k) {
    const auto i = static_cast<int>(k % static_cast<std::size_t>(m.nx));
    const auto j = static_cast<int>(k / static_cast<std::size_t>(m.nx));
    return "column " + to_string(i + 1) + ", row " + to_string(m.ny - j) +
           " from the north (centre x " + num(m.xll + (i + 0.5) * m.cellM) + ", y " +
           num(m.yll + (j + 0.5) * m.cellM) + ")";
}

void badCells(const GridSource& s, std::vector<Diagnostic>& errors, std::size_t count,
              std::size_t first, const FloodModel& m, const std::string& what) {
    parError(s, errors,
             to_string(count) + " cell" + (count == 1 ? "" : "s") + " of the domain " + what +
                 ", the first at " + cellName(m, first));
}

}  // namespace

bool loadDemGrid(const GridSource& s, FloodModel& m, std::vector<Diagnostic>& errors) {
    auto g = readGrid(s, errors);
    if (!g) return false;
    m.nx = g->ncols;
    m.ny = g->nrows;
    m.xll = g->xll;
    m.yll = g->yll;
    m.cellM = g->cellM;
    m.z = std::move(g->values);
    m.inDomain = std::move(g->valid);
    for (std::uint8_t v : m.inDomain)
        if (v) return true;
    parError(s, errors, "every cell is NODATA: the domain is empty");
    return false;
}

bool loadManningGrid(const GridSource& s, std::optional<double> fpfric, FloodModel& m,
                     std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
    auto g = readGrid(s, errors);
    if (!g || !checkGeometry(s, *g, m, errors)) return false;
    m.manning.assign(m.cells(), fpfric.value_or(0));
    std::size_t noData = 0, bad = 0, firstNoData = 0, firstBad = 0;
    for (std::size_t k = 0; k < m.cells(); ++k) {
        if (!g->valid[k]) {
            if (m.inDomain[k] && noData++ == 0) firstNoData = k;
            continue;
        }
        m.manning[k] = g->values[k];
        if (m.inDomain[k] && !(g->values[k] > 0) && bad++ == 0) firstBad = k;
    }
    if (bad > 0) badCells(s, errors, bad, firstBad, m, "have a Manning's n that is not positive");
    if (noData > 0 && !fpfric)
        badCells(s, errors, noData, firstNoData, m, "are NODATA and no fpfric is given for them");
    if (noData > 0 && fpfric)
        warnings.push_back(Diagnostic{s.parName, s.named->pos, "",
                                      "manningfile '" + s.named->text + "': " + to_string(noData) +
                                          " NODATA cells of the domain take fpfric " +
                                          num(*fpfric) + ", the first at " +
                                          cellName(m, firstNoData)});
    return bad == 0 && (noData == 0 || fpfric);
}

bool loadStartGrid(const GridSource& s, bool elevation, FloodModel& m,
                   std::vector<Diagnostic>& errors) {
    auto g = readGrid(s, errors);
    if (!g || !checkGeometry(s, *g, m, errors)) return false;
    m.h0.assign(m.cells(), 0.0);
    std::size_t bad = 0, first = 0;
    for (std::size_t k = 0; k < m.cells(); ++k) {
        if (!g->valid[k] || !m.inDomain[k]) continue;  // NODATA: dry
        const double h = elevation ? g->values[k] - m.z[k] : g->values[k];
        if (!elevation && h < 0 && bad++ == 0) first = k;
        m.h0[k] = h > 0 ? h : 0.0;  // startelev: a surface below the bed is a dry cell
    }
    if (bad > 0) badCells(s, errors, bad, first, m, "have a negative initial depth");
    return bad == 0;
}

}  // namespace drillbase::sim::lisflood_detail
