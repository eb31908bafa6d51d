// libFuzzer harness for the CSV readers of a C2F-W fire landscape (sim/fire/fuel_lookup.h,
// sim/fire/c2f_weather.h, over sim/fire/fire_csv.h). The first byte chooses the reader (its value
// mod 3: 0 the fuel lookup table, 1 Weather.csv, 2 Ignitions.csv), the rest is the file. Besides
// the sanitizers' checks it asserts the readers' contract: a refusal always says why, every
// diagnostic names the file and a line and column inside the input, and what is accepted is
// consistent (unique grid values, codes or non-fuel, finite wind in range, cells that convert to
// a grid index and back).
//
// Build and run from the source root (one command line):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. tests/fuzz/fuzz_landscape.cpp
//       sim/fire/{fire_csv,fuel_lookup,c2f_weather}.cpp sim/scenario/esri_ascii_tokens.cpp
//       common/json_source.cpp common/utf8.cpp -o fuzz_landscape
//   ./fuzz_landscape -max_len=4096 -max_total_time=60 tests/fuzz/corpus/landscape
#include "sim/fire/c2f_weather.h"
#include "sim/fire/fuel_lookup.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace {

void require(bool ok) {
    if (!ok) std::abort();  // reported by libFuzzer as a crash, with the input saved
}

void requireLocated(const std::vector<drillbase::Diagnostic>& d, const std::string& file,
                    int lines, int maxCol, bool accepted) {
    require(accepted || !d.empty());
    for (const auto& x : d) {
        require(x.file == file && x.pointer.empty() && !x.message.empty());
        require(x.pos.line >= 1 && x.pos.line <= lines && x.pos.col >= 1 && x.pos.col <= maxCol);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase;
    using namespace drillbase::sim::fire;
    if (size == 0) return 0;
    // Small limits so that the fuzzer reaches the limit checks and never allocates much.
    CsvLimits limits;
    limits.maxBytes = 4 << 10;
    limits.maxLineChars = 512;
    limits.maxRows = 64;
    limits.maxFields = 16;
    limits.maxErrors = 8;

    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    int lines = 1;
    for (char c : text) lines += c == '\n';
    const int maxCol = limits.maxLineChars + 2;
    std::vector<Diagnostic> errors;

    switch (data[0] % 3) {
        case 0: {
            const auto t = parseFuelLookup(text, "t.csv", errors, limits);
            requireLocated(errors, "t.csv", lines, maxCol, t.has_value());
            require(t.has_value() == errors.empty());
            if (t) {
                require(!t->entries.empty() && t->entries.size() <= limits.maxRows);
                std::set<long long> values;
                for (const FuelLookupEntry& e : t->entries) {
                    require(values.insert(e.gridValue).second);
                    require(e.nonFuel == e.code.empty());
                    require(t->find(e.gridValue) == &e);
                    for (const auto* v : {&e.h, &e.s, &e.l}) require(!*v || std::isfinite(**v));
                }
            }
            break;
        }
        case 1: {
            const auto w = parseHourlyWeather(text, "w.csv", errors, WeatherLimits{limits, 250});
            requireLocated(errors, "w.csv", lines, maxCol, w.has_value());
            require(w.has_value() == errors.empty());
            if (w) {
                require(!w->hours.empty() && w->hours.size() <= limits.maxRows);
                for (const WeatherHour& h : w->hours) {
                    require(std::isfinite(h.windKmh) && h.windKmh >= 0 && h.windKmh <= 250);
                    require(h.windFromDeg >= 0 && h.windFromDeg < 360);
                    require(!h.fireScenario || (*h.fireScenario >= 1 && *h.fireScenario <= 4));
                }
                require(w->hourAt(1e12) == w->hours.size() - 1);
            }
            break;
        }
        default: {
            const auto g = parseIgnitions(text, "i.csv", errors, limits);
            requireLocated(errors, "i.csv", lines, maxCol, g.has_value());
            require(g.has_value() == errors.empty());
            if (g) {
                require(!g->empty() && g->size() <= limits.maxRows);
                for (const Ignition& x : *g) {
                    require(x.year >= 1 && x.ncell >= 1);
                    if (const auto cell = c2fCellIndex(x.ncell, 97, 89))
                        require(c2fCellNumber(*cell, 97, 89) == x.ncell);
                    else
                        require(x.ncell > 97 * 89);
                }
            }
            break;
        }
    }
    return 0;
}
