// c2f_weather.cpp — see c2f_weather.h.
#include "sim/fire/c2f_weather.h"

#include <cmath>
#include <limits>
#include <new>

namespace drillbase::sim::fire {

using std::to_string;

std::size_t HourlyWeather::hourAt(double timeS) const {
    if (hours.empty() || !(timeS > 0)) return 0;
    const double k = std::floor(timeS / kPeriodS);
    if (k >= static_cast<double>(hours.size() - 1)) return hours.size() - 1;
    return static_cast<std::size_t>(k);
}

double HourlyWeather::nextChangeS(double timeS) const {
    const std::size_t k = hourAt(timeS);
    if (hours.empty() || k + 1 >= hours.size()) return std::numeric_limits<double>::infinity();
    return static_cast<double>(k + 1) * kPeriodS;
}

namespace {

bool rowShape(const CsvTable& t, const CsvRow& row, CsvReport& rep) {
    if (row.fields.size() == t.header.size()) return true;
    const SourcePos p =
        row.fields.size() < t.header.size() ? row.end : row.fields[t.header.size()].pos;
    rep.error(p, "row has " + to_string(row.fields.size()) + " fields, the header " +
                     to_string(t.header.size()));
    return false;
}

std::optional<std::size_t> required(const CsvTable& t, const char* name, CsvReport& rep,
                                    const char* expected) {
    auto c = findColumn(t, name);
    if (!c)
        rep.error(
            t.header.empty() ? SourcePos{} : t.header[0].pos,
            std::string("the header has no '") + name + "' column (expected " + expected + ")");
    return c;
}

}  // namespace

std::optional<HourlyWeather> parseHourlyWeather(std::string_view text, const std::string& fileName,
                                                std::vector<Diagnostic>& errors,
                                                const WeatherLimits& limits) try {
    CsvReport rep(fileName, errors, limits.csv.maxErrors);
    auto t = parseCsv(text, rep, limits.csv);
    if (!t) return std::nullopt;
    const char* cols = "Instance,datetime,WS,WD,FireScenario";
    const auto ws = required(*t, "WS", rep, cols);
    const auto wd = required(*t, "WD", rep, cols);
    if (!ws || !wd) return std::nullopt;
    auto inst = findColumn(*t, "Instance");
    if (!inst) inst = findColumn(*t, "Scenario");
    const auto dt = findColumn(*t, "datetime");
    const auto fs = findColumn(*t, "FireScenario");
    HourlyWeather out;
    out.hours.reserve(t->rows.size());
    for (const CsvRow& row : t->rows) {
        if (rep.full()) break;
        if (!rowShape(*t, row, rep)) continue;
        WeatherHour h;
        h.pos = row.fields[0].pos;
        if (inst) h.instance = row.fields[*inst].text;
        if (dt) h.datetime = row.fields[*dt].text;
        std::string why;
        const CsvField& s = row.fields[*ws];
        if (!parseNumber(s.text, h.windKmh, why))
            rep.error(s.pos, "WS (wind speed, km/h): " + why);
        else if (h.windKmh < 0 || h.windKmh > limits.maxWindKmh)
            rep.error(s.pos, "WS (wind speed, km/h) " + numText(h.windKmh) + " is outside 0.." +
                                 numText(limits.maxWindKmh));
        const CsvField& d = row.fields[*wd];
        if (!parseNumber(d.text, h.windFromDeg, why))
            rep.error(d.pos, "WD (wind from, degrees): " + why);
        else if (h.windFromDeg < 0 || h.windFromDeg > 360)
            rep.error(d.pos, "WD (wind from, degrees clockwise from north) " +
                                 numText(h.windFromDeg) + " is outside 0..360");
        else if (h.windFromDeg == 360)
            h.windFromDeg = 0;
        if (fs && !row.fields[*fs].text.empty()) {
            long long v = 0;
            if (!parseWhole(row.fields[*fs].text, 1, 4, v, why, true))
                rep.error(row.fields[*fs].pos, "FireScenario (moisture scenario 1..4): " + why);
            else
                h.fireScenario = static_cast<int>(v);
        }
        out.hours.push_back(std::move(h));
    }
    if (rep.errors() > 0) return std::nullopt;
    if (out.hours.empty()) {
        rep.error({}, "no weather rows after the header");
        return std::nullopt;
    }
    return out;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{fileName, {}, "", "not enough memory to read the weather"});
    return std::nullopt;
}

std::optional<std::vector<Ignition>> parseIgnitions(std::string_view text,
                                                    const std::string& fileName,
                                                    std::vector<Diagnostic>& errors,
                                                    const CsvLimits& limits) try {
    CsvReport rep(fileName, errors, limits.maxErrors);
    auto t = parseCsv(text, rep, limits);
    if (!t) return std::nullopt;
    const auto year = required(*t, "Year", rep, "Year,Ncell");
    const auto ncell = required(*t, "Ncell", rep, "Year,Ncell");
    if (!year || !ncell) return std::nullopt;
    std::vector<Ignition> out;
    out.reserve(t->rows.size());
    for (const CsvRow& row : t->rows) {
        if (rep.full()) break;
        if (!rowShape(*t, row, rep)) continue;
        Ignition ig;
        std::string why;
        const CsvField& y = row.fields[*year];
        if (!parseWhole(y.text, 1, 1'000'000, ig.year, why))
            rep.error(y.pos, "Year (the simulation the ignition belongs to): " + why);
        const CsvField& n = row.fields[*ncell];
        ig.pos = n.pos;
        if (!parseWhole(n.text, 1, std::numeric_limits<int>::max(), ig.ncell, why))
            rep.error(n.pos, "Ncell (1-based cell number, northern row first): " + why);
        out.push_back(ig);
    }
    if (rep.errors() > 0) return std::nullopt;
    if (out.empty()) {
        rep.error({}, "no ignitions after the header");
        return std::nullopt;
    }
    return out;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{fileName, {}, "", "not enough memory to read the ignitions"});
    return std::nullopt;
}

std::optional<std::size_t> c2fCellIndex(long long ncell, int ncols, int nrows) {
    if (ncols <= 0 || nrows <= 0 || ncell < 1 ||
        ncell > static_cast<long long>(ncols) * static_cast<long long>(nrows))
        return std::nullopt;
    const long long k = ncell - 1;
    const long long rowFromTop = k / ncols;
    const long long col = k % ncols;
    const long long j = nrows - 1 - rowFromTop;
    return static_cast<std::size_t>(j * ncols + col);
}

long long c2fCellNumber(std::size_t index, int ncols, int nrows) {
    const auto w = static_cast<long long>(ncols);
    const long long j = static_cast<long long>(index) / w;
    const long long i = static_cast<long long>(index) % w;
    return (nrows - 1 - j) * w + i + 1;
}

}  // namespace drillbase::sim::fire
