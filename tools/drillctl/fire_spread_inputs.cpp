// fire_spread_inputs.cpp — see fire_spread_inputs.h.
#include "tools/drillctl/fire_spread_inputs.h"

#include "sim/fire/c2f_weather.h"
#include "sim/scenario/gzip_file.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace drillbase::tools {

namespace fire = sim::fire;
using std::to_string;

namespace {

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

// Shortest form of a number for messages ("0.5", "494272.38261041").
std::string num(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

}  // namespace

std::optional<std::vector<double>> parseNumberList(std::string_view text, std::size_t count,
                                                   const std::string& option,
                                                   std::string& problem) {
    std::vector<double> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        const std::string_view raw = text.substr(
            start, comma == std::string_view::npos ? text.size() - start : comma - start);
        const std::string item = trimmed(raw);
        double v = 0;
        const auto r = std::from_chars(item.data(), item.data() + item.size(), v);
        if (item.empty() || r.ec != std::errc() || r.ptr != item.data() + item.size() ||
            !std::isfinite(v)) {
            problem = option + " " + std::string(text) + ": column " + to_string(start + 1) +
                      ": item " + to_string(out.size() + 1) + " \"" + item + "\" is not a number";
            return std::nullopt;
        }
        out.push_back(v);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (out.size() != count) {
        problem = option + " " + std::string(text) + ": " + to_string(out.size()) +
                  " number(s); expected " + to_string(count) + ", comma-separated";
        return std::nullopt;
    }
    return out;
}

std::optional<fire::FuelMoisture> parseMoisturePercent(std::string_view text,
                                                       std::string& problem) {
    static const std::string kOption = "--moisture";
    auto v = parseNumberList(text, 5, kOption, problem);
    if (!v) {
        if (problem.find("expected 5") != std::string::npos)
            problem += " (m1,m10,m100,mherb,mwoody in percent, e.g. 6,7,8,60,90)";
        return std::nullopt;
    }
    static const char* const kNames[] = {"m1", "m10", "m100", "mherb", "mwoody"};
    for (int k = 0; k < 5; ++k) {
        const bool dead = k < 3;
        const double lo = dead ? 1 : 30, hi = dead ? 100 : 300;
        if (!((*v)[k] >= lo && (*v)[k] <= hi)) {
            problem = kOption + " " + std::string(text) + ": " + kNames[k] + " = " + num((*v)[k]) +
                      " %; a " + (dead ? "dead" : "live") + " fuel moisture must be in [" +
                      num(lo) + ", " + num(hi) + "] %";
            return std::nullopt;
        }
    }
    return fire::FuelMoisture{(*v)[0] / 100, (*v)[1] / 100, (*v)[2] / 100, (*v)[3] / 100,
                              (*v)[4] / 100};
}

std::optional<std::vector<fire::WindPeriod>> readWeatherSchedule(const std::filesystem::path& file,
                                                                 std::size_t& rows,
                                                                 std::vector<Diagnostic>& errors) {
    const fire::WeatherLimits limits;
    std::string text;
    if (auto why = sim::readMaybeGzipFile(file, limits.csv.maxBytes, text)) {
        errors.push_back(Diagnostic{file.string(), {}, "", *why});
        return std::nullopt;
    }
    const auto weather = fire::parseHourlyWeather(text, file.string(), errors, limits);
    if (!weather) return std::nullopt;
    if (weather->hours.empty()) {
        errors.push_back(Diagnostic{file.string(), {}, "", "no weather rows after the header"});
        return std::nullopt;
    }
    rows = weather->hours.size();
    std::vector<fire::WindPeriod> schedule;
    for (std::size_t k = 0; k < rows; ++k) {
        const fire::WeatherHour& h = weather->hours[k];
        schedule.push_back(fire::WindPeriod{static_cast<double>(k) * fire::HourlyWeather::kPeriodS,
                                            h.windKmh / 3.6, h.windFromDeg});
    }
    return schedule;
}

std::optional<std::size_t> cellAtPoint(const fire::Landscape& land, double x, double y,
                                       std::string& problem) {
    const double fx = (x - land.xll) / land.cellM, fy = (y - land.yll) / land.cellM;
    const double xMax = land.xll + land.ncols * land.cellM,
                 yMax = land.yll + land.nrows * land.cellM;
    if (!(fx >= 0 && fx < land.ncols && fy >= 0 && fy < land.nrows)) {
        problem = "--ignition " + num(x) + "," + num(y) +
                  " is outside the landscape: x must be in [" + num(land.xll) + ", " + num(xMax) +
                  "), y in [" + num(land.yll) + ", " + num(yMax) +
                  ") (map metres, as the .asc headers)";
        return std::nullopt;
    }
    const int i = static_cast<int>(fx), j = static_cast<int>(fy);
    const std::size_t cell = static_cast<std::size_t>(j) * land.ncols + i;
    if (!land.burnable(cell)) {
        const std::uint16_t e = land.entry[cell];
        const std::string what = e == fire::Landscape::kNone
                                     ? "NODATA in fuels.asc"
                                     : "grid value " + to_string(land.lookup.entries[e].gridValue) +
                                           " (" + land.lookup.entries[e].descriptiveName + ")";
        problem = "--ignition " + num(x) + "," + num(y) + ": cell column " + to_string(i + 1) +
                  ", row " + to_string(land.nrows - j) + " (from the north) does not burn: " + what;
        return std::nullopt;
    }
    return cell;
}

std::optional<std::size_t> ignitionFromFile(const std::filesystem::path& file,
                                            const fire::Landscape& land,
                                            std::vector<Diagnostic>& errors) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        errors.push_back(Diagnostic{
            file.string(), {}, "", "no --ignition given and the landscape has no Ignitions.csv"});
        return std::nullopt;
    }
    const fire::CsvLimits limits;
    std::string text;
    if (auto why = sim::readMaybeGzipFile(file, limits.maxBytes, text)) {
        errors.push_back(Diagnostic{file.string(), {}, "", *why});
        return std::nullopt;
    }
    const auto rows = fire::parseIgnitions(text, file.string(), errors, limits);
    if (!rows) return std::nullopt;
    if (rows->empty()) {
        errors.push_back(Diagnostic{file.string(), {}, "", "no ignition rows after the header"});
        return std::nullopt;
    }
    const fire::Ignition& g = rows->front();
    const auto cell = fire::c2fCellIndex(g.ncell, land.ncols, land.nrows);
    if (!cell) {
        errors.push_back(Diagnostic{file.string(), g.pos, "",
                                    "Ncell " + to_string(g.ncell) + " is not a cell of the " +
                                        to_string(land.ncols) + " x " + to_string(land.nrows) +
                                        " landscape (1.." + to_string(land.cellCount()) + ")"});
        return std::nullopt;
    }
    if (!land.burnable(*cell)) {
        errors.push_back(
            Diagnostic{file.string(), g.pos, "",
                       "Ncell " + to_string(g.ncell) + " does not burn (non-fuel or no data)"});
        return std::nullopt;
    }
    return cell;
}

}  // namespace drillbase::tools
