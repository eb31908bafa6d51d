// landscape.cpp — see landscape.h: the lookup table, the fuel grid and its codes, the terrain
// (from the files or from the DEM by Horn's method, terrain.h) and the canopy grids.
#include "sim/fire/landscape.h"

#include "sim/fire/landscape_internal.h"
#include "sim/fire/terrain.h"
#include "sim/scenario/gzip_file.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <system_error>

namespace drillbase::sim::fire {

using namespace landscape_detail;
using std::to_string;

const std::string& Landscape::code(std::size_t cell) const {
    static const std::string none;
    return fuel[cell] == kNone ? none : codes[fuel[cell]];
}

std::size_t Landscape::burnableCount() const {
    return static_cast<std::size_t>(
        std::count_if(fuel.begin(), fuel.end(), [](std::uint16_t f) { return f != kNone; }));
}

namespace {

const char* const kTables[] = {"spain_lookup_table.csv", "fbp_lookup_table.csv",
                               "kitral_lookup_table.csv", "portugal_lookup_table.csv"};

std::optional<FuelLookup> readLookup(const std::filesystem::path& dir, const LandscapeOptions& o,
                                     std::vector<Diagnostic>& errors) {
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    for (const char* t : kTables)
        if (std::filesystem::is_regular_file(dir / t, ec)) found.push_back(dir / t);
    if (found.size() != 1) {
        errors.push_back(Diagnostic{
            dir.string(),
            {},
            "",
            found.empty() ? "no fuel lookup table (spain_, fbp_, kitral_ or portugal_lookup_table"
                            ".csv) in the landscape folder"
                          : "more than one fuel lookup table in the landscape folder (" +
                                found[0].filename().string() + ", " + found[1].filename().string() +
                                "); keep the one of the model"});
        return std::nullopt;
    }
    std::string text;
    if (auto why = readMaybeGzipFile(found[0], o.csv.maxBytes, text)) {
        errors.push_back(Diagnostic{found[0].string(), {}, "", *why});
        return std::nullopt;
    }
    return parseFuelLookup(text, found[0].string(), errors, o.csv);
}

// Grid values to lookup entries, the codes the grid uses and whether the fire model knows them.
bool mapFuels(const AsciiGrid& g, const std::filesystem::path& file, const LandscapeOptions& o,
              Landscape& L, std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
    if (L.lookup.entries.size() >= Landscape::kNone) {
        errors.push_back(Diagnostic{L.lookup.file, {}, "", "more than 65534 fuel table rows"});
        return false;
    }
    std::vector<std::pair<long long, std::uint16_t>> byValue;
    for (std::size_t k = 0; k < L.lookup.entries.size(); ++k)
        byValue.emplace_back(L.lookup.entries[k].gridValue, static_cast<std::uint16_t>(k));
    std::sort(byValue.begin(), byValue.end());
    const std::size_t n = g.values.size();
    L.entry.assign(n, Landscape::kNone);
    std::vector<std::size_t> uses(L.lookup.entries.size(), 0);
    CellProblems bad;
    const std::string table = std::filesystem::path(L.lookup.file).filename().string();
    for (std::size_t c = 0; c < n; ++c) {
        if (!g.valid[c]) continue;
        const double v = g.values[c];
        if (v != std::floor(v) || std::fabs(v) > 1e9) {
            bad.add("fuel grid value " + numText(v) + " is not a whole number", c);
            continue;
        }
        const auto key = static_cast<long long>(v);
        auto it = std::lower_bound(byValue.begin(), byValue.end(),
                                   std::pair<long long, std::uint16_t>{key, 0});
        if (it == byValue.end() || it->first != key) {
            bad.add("fuel grid value " + to_string(key) + " is not in " + table, c);
            continue;
        }
        L.entry[c] = it->second;
        ++uses[it->second];
    }
    if (!bad.empty()) {
        bad.report(file, g, o, errors);
        return false;
    }
    // The codes: sorted, each once; unknown ones refused where the table names them.
    bool ok = true;
    std::vector<std::uint16_t> entryCode(L.lookup.entries.size(), Landscape::kNone);
    for (std::size_t k = 0; k < L.lookup.entries.size(); ++k) {
        const FuelLookupEntry& e = L.lookup.entries[k];
        if (e.nonFuel) continue;
        if (o.knownCodes.count(e.code) == 0) {
            std::string msg = "fuel code " + quote(e.code) +
                              " is not a fuel model the fire model "
                              "knows";
            if (uses[k] > 0) {
                errors.push_back(Diagnostic{L.lookup.file, e.pos, "",
                                            msg + "; " + to_string(uses[k]) +
                                                " cells of fuels.asc have grid value " +
                                                to_string(e.gridValue)});
                ok = false;
            } else {
                warnings.push_back(
                    Diagnostic{L.lookup.file, e.pos, "", msg + " (no cell uses it)"});
            }
            continue;
        }
        if (uses[k] > 0) L.codes.push_back(e.code);
    }
    if (!ok) return false;
    std::sort(L.codes.begin(), L.codes.end());
    L.codes.erase(std::unique(L.codes.begin(), L.codes.end()), L.codes.end());
    for (std::size_t k = 0; k < L.lookup.entries.size(); ++k) {
        const FuelLookupEntry& e = L.lookup.entries[k];
        if (e.nonFuel || uses[k] == 0) continue;
        entryCode[k] = static_cast<std::uint16_t>(
            std::lower_bound(L.codes.begin(), L.codes.end(), e.code) - L.codes.begin());
    }
    L.fuel.assign(n, Landscape::kNone);
    for (std::size_t c = 0; c < n; ++c)
        if (L.entry[c] != Landscape::kNone) L.fuel[c] = entryCode[L.entry[c]];
    return true;
}

void noFuelWhereNoData(const AsciiGrid& g, Landscape& L) {
    for (std::size_t c = 0; c < g.valid.size(); ++c)
        if (!g.valid[c]) L.fuel[c] = Landscape::kNone;
}

// slope.asc in the stated units to rise over run, with the range checked.
bool readSlope(const AsciiGrid& g, const std::filesystem::path& file, const LandscapeOptions& o,
               Landscape& L, std::vector<Diagnostic>& errors) {
    const bool deg = o.slopeUnits == SlopeUnits::degrees;
    CellProblems bad;
    L.slopeTan.assign(g.values.size(), 0.0f);
    for (std::size_t c = 0; c < g.values.size(); ++c) {
        if (!g.valid[c]) continue;
        const double v = g.values[c];
        if (v < 0 || (deg ? v >= 90 : v > 1000)) {
            bad.add("slope " + numText(v) +
                        (deg ? " is outside [0, 90) degrees (for percent, read the landscape "
                               "with SlopeUnits::percent)"
                             : " is outside [0, 1000] percent"),
                    c);
            continue;
        }
        L.slopeTan[c] = static_cast<float>(deg ? tanFromSlopeDeg(v) : v / 100.0);
    }
    if (bad.empty()) return true;
    bad.report(file, g, o, errors);
    return false;
}

bool readAspect(const AsciiGrid& g, const std::filesystem::path& file, const LandscapeOptions& o,
                Landscape& L, std::vector<Diagnostic>& errors) {
    CellProblems bad;
    L.aspectDeg.assign(g.values.size(), 0.0f);
    for (std::size_t c = 0; c < g.values.size(); ++c) {
        if (!g.valid[c]) continue;
        const double v = g.values[c];
        if (v == -1) continue;  // ArcGIS: flat
        if (v < 0 || v > 360) {
            bad.add("slope azimuth " + numText(v) + " is outside 0..360 degrees", c);
            continue;
        }
        L.aspectDeg[c] = static_cast<float>(v == 360 ? 0.0 : v);
    }
    if (bad.empty()) return true;
    bad.report(file, g, o, errors);
    return false;
}

// The DEM's Horn slope against slope.asc in both units; a warning when the other fits better.
void checkSlopeUnits(const AsciiGrid& slope, const std::vector<float>& hornTan,
                     const std::filesystem::path& file, const LandscapeOptions& o,
                     std::vector<Diagnostic>& warnings) {
    double asDeg = 0, asPct = 0;
    std::size_t n = 0;
    for (std::size_t c = 0; c < hornTan.size(); ++c) {
        if (!slope.valid[c]) continue;
        const double t = hornTan[c];
        asDeg += std::fabs(slope.values[c] - slopeDegFromTan(t));
        asPct += std::fabs(slope.values[c] - 100.0 * t);
        ++n;
    }
    if (n == 0) return;
    asDeg /= static_cast<double>(n);
    asPct /= static_cast<double>(n);
    const bool deg = o.slopeUnits == SlopeUnits::degrees;
    const double mine = deg ? asDeg : asPct, other = deg ? asPct : asDeg;
    if (mine > 0.5 && other < 0.5 * mine)
        warnings.push_back(Diagnostic{
            file.string(),
            {},
            "",
            std::string("the slopes look like ") + (deg ? "percent" : "degrees") + ", not the " +
                (deg ? "degrees" : "percent") +
                " they are read as: they differ from elevation.asc's slope by " + numText(mine) +
                " on average, " + numText(other) + " in the other unit"});
}

std::vector<float> canopy(const AsciiGrid& g, double scale) {
    std::vector<float> v(g.values.size());
    for (std::size_t c = 0; c < v.size(); ++c)
        v[c] = g.valid[c] ? static_cast<float>(g.values[c] * scale) : std::nanf("");
    return v;
}

bool readTerrain(const std::filesystem::path& dir, const AsciiGrid& fuels,
                 const LandscapeOptions& o, Landscape& L, std::vector<Diagnostic>& errors,
                 std::vector<Diagnostic>& warnings) {
    bool ok = true;
    auto elev = loadMatching(dir, "elevation.asc", &fuels, o, errors, ok);
    auto slope = loadMatching(dir, "slope.asc", &fuels, o, errors, ok);
    auto saz = loadMatching(dir, "saz.asc", &fuels, o, errors, ok);
    if (!ok) return false;
    std::vector<float> hornTan, hornAz;
    if (elev) {
        L.elevationM.resize(elev->values.size());
        for (std::size_t c = 0; c < elev->values.size(); ++c)
            L.elevationM[c] = elev->valid[c] ? static_cast<float>(elev->values[c]) : 0.0f;
        noFuelWhereNoData(*elev, L);
        hornSlopeAspect(elev->values, elev->valid, L.ncols, L.nrows, L.cellM, hornTan, hornAz);
    }
    if (slope) {
        if (!saz && !elev) {
            errors.push_back(Diagnostic{(dir / "slope.asc").string(),
                                        {},
                                        "",
                                        "slope.asc needs saz.asc or elevation.asc for the "
                                        "direction of its slopes"});
            return false;
        }
        if (!readSlope(*slope, dir / "slope.asc", o, L, errors)) return false;
        noFuelWhereNoData(*slope, L);
        L.slopeFromFile = true;
        if (elev) checkSlopeUnits(*slope, hornTan, dir / "slope.asc", o, warnings);
    } else if (elev) {
        L.slopeTan = hornTan;
    }
    if (saz) {
        if (!readAspect(*saz, dir / "saz.asc", o, L, errors)) return false;
        noFuelWhereNoData(*saz, L);
        L.aspectFromFile = true;
    } else if (elev) {
        L.aspectDeg = std::move(hornAz);
    }
    if (!L.slopeTan.empty() && L.aspectDeg.empty()) L.aspectDeg.assign(L.slopeTan.size(), 0.0f);
    if (L.slopeTan.empty() && !L.aspectDeg.empty()) L.slopeTan.assign(L.aspectDeg.size(), 0.0f);
    return true;
}

bool readCanopy(const std::filesystem::path& dir, const AsciiGrid& fuels, const LandscapeOptions& o,
                Landscape& L, std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
    bool ok = true;
    if (auto g = loadMatching(dir, "cbh.asc", &fuels, o, errors, ok)) L.canopyBaseM = canopy(*g, 1);
    if (auto g = loadMatching(dir, "cbd.asc", &fuels, o, errors, ok))
        L.canopyBulkKgM3 = canopy(*g, 1);
    if (auto g = loadMatching(dir, "hm.asc", &fuels, o, errors, ok)) L.canopyTopM = canopy(*g, 1);
    if (auto g = loadMatching(dir, "ccf.asc", &fuels, o, errors, ok)) {
        // fire2a documents ccf as a fraction [0, 1]; Vilopriu's upstream ccf.asc holds 0..100.
        double top = 0;
        for (std::size_t c = 0; c < g->values.size(); ++c)
            if (g->valid[c]) top = std::max(top, g->values[c]);
        const bool percent = top > 1;
        if (percent)
            warnings.push_back(
                Diagnostic{(dir / "ccf.asc").string(),
                           {},
                           "",
                           "canopy cover above 1 (up to " + numText(top) + "): read as percent"});
        L.canopyCover = canopy(*g, percent ? 0.01 : 1);
    }
    return ok;
}

}  // namespace

std::optional<Landscape> loadLandscape(const std::filesystem::path& dir,
                                       const LandscapeOptions& options,
                                       std::vector<Diagnostic>& errors,
                                       std::vector<Diagnostic>& warnings) try {
    Landscape L;
    auto lookup = readLookup(dir, options, errors);
    bool ok = true;
    auto fuels = loadMatching(dir, "fuels.asc", nullptr, options, errors, ok);
    if (!fuels) {
        if (ok)
            errors.push_back(Diagnostic{(dir / "fuels.asc").string(),
                                        {},
                                        "",
                                        "no fuels.asc: a landscape needs its fuel grid"});
        return std::nullopt;
    }
    if (!lookup) return std::nullopt;
    L.lookup = std::move(*lookup);
    L.ncols = fuels->ncols;
    L.nrows = fuels->nrows;
    L.xll = fuels->xll;
    L.yll = fuels->yll;
    L.cellM = fuels->cellM;
    if (!mapFuels(*fuels, dir / "fuels.asc", options, L, errors, warnings)) return std::nullopt;
    if (!readTerrain(dir, *fuels, options, L, errors, warnings)) return std::nullopt;
    if (!readCanopy(dir, *fuels, options, L, errors, warnings)) return std::nullopt;
    return L;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{dir.string(), {}, "", "not enough memory for the landscape"});
    return std::nullopt;
}

}  // namespace drillbase::sim::fire
