// fire_instance.cpp — see fire_instance.h.
#include "sim/fire/fire_instance.h"

#include "sim/scenario/gzip_file.h"

#include <new>
#include <system_error>

namespace drillbase::sim::fire {

using std::to_string;

namespace {

// The text of dir/name: nullopt without a diagnostic when the file does not exist.
std::optional<std::string> readText(const std::filesystem::path& file, std::size_t maxBytes,
                                    std::vector<Diagnostic>& errors, bool& ok) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    std::string text;
    if (auto why = readMaybeGzipFile(file, maxBytes, text)) {
        errors.push_back(Diagnostic{file.string(), {}, "", *why});
        ok = false;
        return std::nullopt;
    }
    return text;
}

}  // namespace

std::optional<FireInstance> loadFireInstance(const std::filesystem::path& dir,
                                             const FireInstanceOptions& options,
                                             std::vector<Diagnostic>& errors,
                                             std::vector<Diagnostic>& warnings) try {
    auto land = loadLandscape(dir, options.landscape, errors, warnings);
    bool ok = land.has_value();
    FireInstance out;
    const auto wfile = dir / "Weather.csv";
    if (auto text = readText(wfile, options.weather.csv.maxBytes, errors, ok)) {
        out.weather = parseHourlyWeather(*text, wfile.string(), errors, options.weather);
        ok = ok && out.weather.has_value();
    }
    const auto ifile = dir / "Ignitions.csv";
    if (auto text = readText(ifile, options.weather.csv.maxBytes, errors, ok)) {
        auto ig = parseIgnitions(*text, ifile.string(), errors, options.weather.csv);
        if (!ig) ok = false;
        if (ig && land) {
            for (const Ignition& g : *ig) {
                const auto cell = c2fCellIndex(g.ncell, land->ncols, land->nrows);
                if (!cell) {
                    errors.push_back(
                        Diagnostic{ifile.string(), g.pos, "",
                                   "Ncell " + to_string(g.ncell) + " is not a cell of the " +
                                       to_string(land->ncols) + " x " + to_string(land->nrows) +
                                       " landscape (1.." + to_string(land->cellCount()) + ")"});
                    ok = false;
                } else if (!land->burnable(*cell)) {
                    errors.push_back(Diagnostic{
                        ifile.string(), g.pos, "",
                        "Ncell " + to_string(g.ncell) + " does not burn (non-fuel or no data)"});
                    ok = false;
                } else {
                    out.ignitionCells.push_back(*cell);
                }
            }
            out.ignitions = std::move(*ig);
        }
    }
    if (!ok) return std::nullopt;
    out.landscape = std::move(*land);
    return out;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{dir.string(), {}, "", "not enough memory for the instance"});
    return std::nullopt;
}

}  // namespace drillbase::sim::fire
