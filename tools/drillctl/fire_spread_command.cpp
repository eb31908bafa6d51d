// fire_spread_command.cpp — `drillctl fire spread` (see the header). The --json form is one
// object; scripts rely on burned_area_ha, cells_burned, perimeter_m, extent (x_min, x_max,
// y_min, y_max: the outer edges of the burned cells, map metres), until_s, neighbourhood,
// wall_s (the whole command: reading, spreading, writing), spread_wall_s (the spread alone),
// peak_memory_mb (resident high-water mark, MiB) and spread_memory_mb (FireSpread's own arrays).
#include "tools/drillctl/fire_spread_command.h"

#include "common/data_dir.h"
#include "sim/fire/c2f_weather.h"
#include "sim/fire/fire_spread.h"
#include "sim/fire/fire_units.h"
#include "sim/fire/fuel_models.h"
#include "sim/fire/landscape_rates.h"
#include "tools/drillctl/fire_spread_inputs.h"
#include "tools/drillctl/peak_memory.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

namespace drillbase::tools {

namespace {

namespace fire = sim::fire;

struct SpreadOptions {
    std::string landscape, moisture, weather, ignition, arrivalOut;
    std::optional<double> wind20ftMph, windFromDeg, untilS;
    int threads = 1;
    bool json = false;
};

// What the arguments resolve to before anything burns.
struct Plan {
    fire::FuelMoisture moisture;
    std::vector<fire::WindPeriod> wind;
    std::string windSource;  // "FILE (N hourly rows)" or "constant"
    double untilS = 3600;
    std::optional<std::pair<double, double>> point;  // --ignition, map metres
};

struct Outcome {
    std::size_t cells = 0;
    double areaM2 = 0, perimeterM = 0, spreadWallS = 0, spreadMemoryMB = 0;
    double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
    double lastArrivalS = 0;
    std::size_t ignitionCell = 0;
};

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void printAll(const std::vector<Diagnostic>& d, const char* suffix = "") {
    for (const Diagnostic& x : d) std::cerr << x.format() << suffix << '\n';
}

// The arguments alone (no file read but the weather): "" when they make a plan.
std::string makePlan(const SpreadOptions& o, Plan& plan, std::vector<Diagnostic>& errors) {
    std::string problem;
    const auto m = parseMoisturePercent(o.moisture, problem);
    if (!m) return problem;
    plan.moisture = *m;
    const bool anyWind = o.wind20ftMph || o.windFromDeg;
    if (!o.weather.empty() && anyWind)
        return "--weather conflicts with --wind-20ft-mph/--wind-from-deg: give the wind one way";
    if (!o.weather.empty()) {
        std::size_t rows = 0;
        auto schedule = readWeatherSchedule(o.weather, rows, errors);
        if (!schedule) return "";  // located errors
        plan.wind = std::move(*schedule);
        plan.windSource = o.weather + " (" + std::to_string(rows) + " hourly rows)";
        plan.untilS = static_cast<double>(rows) * fire::HourlyWeather::kPeriodS;
    } else {
        if (!o.wind20ftMph || !o.windFromDeg)
            return "give the wind: --weather FILE.csv, or --wind-20ft-mph U and --wind-from-deg D "
                   "together";
        if (!(*o.wind20ftMph >= 0 && *o.wind20ftMph <= 100))
            return "--wind-20ft-mph must be in [0, 100] mi/h";
        if (!std::isfinite(*o.windFromDeg)) return "--wind-from-deg must be a number";
        const double from = std::fmod(std::fmod(*o.windFromDeg, 360.0) + 360.0, 360.0);
        // The 10 m open wind LandscapeRates takes: 1.15 × the 20 ft wind (Lawson & Armitage 2008).
        const double u10 = *o.wind20ftMph * fire::units::kMSPerMph * fire::kWind10mOver20ft;
        plan.wind = {fire::WindPeriod{0, u10, from}};
        plan.windSource = "constant";
    }
    if (o.untilS) plan.untilS = *o.untilS;
    if (!o.ignition.empty()) {
        const auto xy = parseNumberList(o.ignition, 2, "--ignition", problem);
        if (!xy) return problem + " (X,Y in the landscape's map metres)";
        plan.point = std::make_pair((*xy)[0], (*xy)[1]);
    }
    return "";
}

std::optional<fire::FuelModelTable> loadTable() {
    std::vector<Diagnostic> errors;
    auto table = fire::FuelModelTable::load(contentDir() / "fuels.json", errors);
    if (!table) printAll(errors);
    return table;
}

void burn(const fire::Landscape& land, const fire::LandscapeRates& rates, const Plan& plan,
          const SpreadOptions& o, Outcome& out, std::vector<double>& arrivals) {
    fire::FireSpreadOptions so;
    so.threads = o.threads;
    const auto t0 = std::chrono::steady_clock::now();
    fire::FireSpread spread(land.ncols, land.nrows, land.cellM, rates, so);
    spread.ignite(out.ignitionCell, 0);
    spread.advanceTo(plan.untilS);
    out.spreadWallS = secondsSince(t0);
    out.spreadMemoryMB = static_cast<double>(spread.memoryBytes()) / (1 << 20);
    out.cells = spread.burnedCells();
    out.areaM2 = spread.burnedAreaM2();
    out.perimeterM = spread.perimeterM();
    arrivals.assign(spread.arrivals().begin(), spread.arrivals().end());
    int iMin = land.ncols, iMax = -1, jMin = land.nrows, jMax = -1;
    for (int j = 0; j < land.nrows; ++j)
        for (int i = 0; i < land.ncols; ++i) {
            const double t = arrivals[static_cast<std::size_t>(j) * land.ncols + i];
            if (!std::isfinite(t)) continue;
            iMin = std::min(iMin, i), iMax = std::max(iMax, i);
            jMin = std::min(jMin, j), jMax = std::max(jMax, j);
            out.lastArrivalS = std::max(out.lastArrivalS, t);
        }
    out.xMin = land.xll + iMin * land.cellM;
    out.xMax = land.xll + (iMax + 1) * land.cellM;
    out.yMin = land.yll + jMin * land.cellM;
    out.yMax = land.yll + (jMax + 1) * land.cellM;
}

void appendNumber(std::string& s, double v, int decimals) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    s.append(buf, r.ptr);
}

// An ESRI ASCII grid with fuels.asc's header (shortest round-trip numbers), the northern row
// first, arrival seconds to 0.1 s, NODATA -9999 where the fire has not arrived. "" or why not.
std::string writeArrivalGrid(const std::string& file, const fire::Landscape& land,
                             const std::vector<double>& arrivals) {
    std::string s = "ncols " + std::to_string(land.ncols) + "\nnrows " +
                    std::to_string(land.nrows) + "\nxllcorner ";
    char buf[32];
    auto shortest = [&](double v) { s.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr); };
    shortest(land.xll);
    s += "\nyllcorner ";
    shortest(land.yll);
    s += "\ncellsize ";
    shortest(land.cellM);
    s += "\nNODATA_value -9999\n";
    s.reserve(s.size() + arrivals.size() * 8);
    for (int j = land.nrows - 1; j >= 0; --j) {
        for (int i = 0; i < land.ncols; ++i) {
            if (i > 0) s += ' ';
            const double t = arrivals[static_cast<std::size_t>(j) * land.ncols + i];
            if (std::isfinite(t))
                appendNumber(s, t, 1);
            else
                s += "-9999";
        }
        s += '\n';
    }
    std::ofstream f(file, std::ios::binary | std::ios::trunc);
    f.write(s.data(), static_cast<std::streamsize>(s.size()));
    f.close();
    if (!f) return "cannot write the arrival grid " + file;
    return "";
}

nlohmann::json toJson(const fire::Landscape& land, const Plan& plan, const Outcome& r,
                      const SpreadOptions& o, double wallS) {
    nlohmann::json j;
    j["burned_area_ha"] = r.areaM2 / 1e4;
    j["cells_burned"] = r.cells;
    j["perimeter_m"] = r.perimeterM;
    j["extent"] = {{"x_min", r.xMin}, {"x_max", r.xMax}, {"y_min", r.yMin}, {"y_max", r.yMax}};
    j["until_s"] = plan.untilS;
    j["last_arrival_s"] = r.lastArrivalS;
    j["neighbourhood"] = static_cast<int>(fire::FireSpreadOptions{}.neighbourhood);
    j["threads"] = o.threads;
    j["wall_s"] = wallS;
    j["spread_wall_s"] = r.spreadWallS;
    j["peak_memory_mb"] = peakMemoryMB();
    j["spread_memory_mb"] = r.spreadMemoryMB;
    const std::size_t c = r.ignitionCell;
    j["ignition"] = {{"x", land.xll + (static_cast<double>(c % land.ncols) + 0.5) * land.cellM},
                     {"y", land.yll + (static_cast<double>(c / land.ncols) + 0.5) * land.cellM},
                     {"c2f_ncell", fire::c2fCellNumber(c, land.ncols, land.nrows)},
                     {"fuel", land.code(c)}};
    j["wind"] = plan.windSource;
    const fire::FuelMoisture& m = plan.moisture;
    j["moisture_pct"] = {m.m1 * 100, m.m10 * 100, m.m100 * 100, m.mHerb * 100, m.mWoody * 100};
    return j;
}

void printText(const fire::Landscape& land, const nlohmann::json& j) {
    auto d = [&](const char* k) { return j[k].get<double>(); };
    const auto& e = j["extent"];
    const auto& g = j["ignition"];
    std::printf("fire spread: %d x %d cells of %g m, wind %s\n", land.ncols, land.nrows, land.cellM,
                j["wind"].get<std::string>().c_str());
    std::printf("  ignition       (%.1f, %.1f), C2F-W cell %lld, fuel %s\n", g["x"].get<double>(),
                g["y"].get<double>(), g["c2f_ncell"].get<long long>(),
                g["fuel"].get<std::string>().c_str());
    std::printf("  burned         %.2f ha (%zu cells) in %.0f s; last arrival %.0f s\n",
                d("burned_area_ha"), j["cells_burned"].get<std::size_t>(), d("until_s"),
                d("last_arrival_s"));
    std::printf("  perimeter      %.0f m\n", d("perimeter_m"));
    std::printf("  extent         x %.1f .. %.1f m, y %.1f .. %.1f m\n", e["x_min"].get<double>(),
                e["x_max"].get<double>(), e["y_min"].get<double>(), e["y_max"].get<double>());
    std::printf(
        "  run            %.3f s wall (spread %.3f s), peak memory %.1f MB, %d "
        "neighbours\n",
        d("wall_s"), d("spread_wall_s"), d("peak_memory_mb"), j["neighbourhood"].get<int>());
}

int runSpread(const SpreadOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    Plan plan;
    std::vector<Diagnostic> errors, warnings;
    if (const std::string problem = makePlan(o, plan, errors); !problem.empty()) {
        std::cerr << "fire spread: " << problem << '\n';
        return 2;
    }
    if (!errors.empty()) {
        printAll(errors);
        return 1;
    }
    if (std::error_code ec; !std::filesystem::is_directory(o.landscape, ec)) {
        std::cerr << o.landscape << ": no such landscape folder\n";
        return 1;
    }
    const auto table = loadTable();
    if (!table) return 1;
    fire::LandscapeOptions lo;
    for (const fire::FuelModel& m : table->models()) lo.knownCodes.insert(m.code);
    const auto land = fire::loadLandscape(o.landscape, lo, errors, warnings);
    printAll(warnings, " (warning)");
    if (!land) {
        printAll(errors);
        return 1;
    }
    Outcome r;
    if (plan.point) {
        std::string problem;
        const auto cell = cellAtPoint(*land, plan.point->first, plan.point->second, problem);
        if (!cell) {
            std::cerr << "fire spread: " << problem << '\n';
            return 2;
        }
        r.ignitionCell = *cell;
    } else {
        const auto cell =
            ignitionFromFile(std::filesystem::path(o.landscape) / "Ignitions.csv", *land, errors);
        if (!cell) {
            printAll(errors);
            return 1;
        }
        r.ignitionCell = *cell;
    }
    fire::LandscapeRates rates(*land, *table, plan.moisture);
    rates.setWind(plan.wind);
    if (!(rates.at(r.ignitionCell, 0).headMS > 0)) {
        std::cerr << "fire spread: the ignition cell's fuel " << land->code(r.ignitionCell)
                  << " does not spread at these moistures (above its moisture of extinction)\n";
        return 2;
    }
    std::vector<double> arrivals;
    burn(*land, rates, plan, o, r, arrivals);
    if (!o.arrivalOut.empty()) {
        if (const std::string why = writeArrivalGrid(o.arrivalOut, *land, arrivals); !why.empty()) {
            std::cerr << "fire spread: " << why << '\n';
            return 3;
        }
    }
    const nlohmann::json j = toJson(*land, plan, r, o, secondsSince(t0));
    if (o.json)
        std::cout << j.dump() << '\n';
    else
        printText(*land, j);
    return 0;
}

}  // namespace

void addFireSpread(CLI::App& fireCmd, int& exitCode) {
    static SpreadOptions o;
    auto* s = fireCmd.add_subcommand(
        "spread",
        "Grow a fire over a C2F-W landscape folder: Rothermel rates per cell, minimum travel "
        "time spread (Finney 2002)");
    s->add_option("--landscape", o.landscape,
                  "Landscape folder (fuels.asc, *_lookup_table.csv, optional elevation, slope, "
                  "saz and canopy grids; NAME.asc.gz accepted)")
        ->required();
    s->add_option("--moisture", o.moisture,
                  "Fuel moistures m1,m10,m100,mherb,mwoody in percent, e.g. 6,7,8,60,90")
        ->required();
    s->add_option("--weather", o.weather,
                  "C2F-W Weather.csv: hourly rows, WS 10 m wind km/h, WD from-degrees");
    s->add_option("--wind-20ft-mph", o.wind20ftMph,
                  "Constant 20 ft wind, mi/h (the 10 m wind is 1.15 times it)");
    s->add_option("--wind-from-deg", o.windFromDeg,
                  "Where the constant wind comes from, degrees clockwise from north");
    s->add_option("--ignition", o.ignition,
                  "X,Y in the landscape's map metres (default: the first row of "
                  "DIR/Ignitions.csv)");
    s->add_option("--until", o.untilS,
                  "Simulated seconds (default: the weather's rows x 3600, or 3600)")
        ->check(CLI::PositiveNumber);
    s->add_option("--threads", o.threads, "Threads (results are identical for any count)")
        ->check(CLI::Range(1, 64));
    s->add_option("--arrival-out", o.arrivalOut,
                  "Write the arrival times (s) as an ESRI ASCII grid, NODATA -9999 unburned");
    s->add_flag("--json", o.json, "Print one JSON object instead of the summary");
    s->callback([&exitCode] {
        try {
            exitCode = runSpread(o);
        } catch (const std::exception& e) {  // memory for a huge grid; the loaders never throw
            std::cerr << "fire spread: " << o.landscape << ": " << e.what() << '\n';
            exitCode = 1;
        }
    });
}

}  // namespace drillbase::tools
