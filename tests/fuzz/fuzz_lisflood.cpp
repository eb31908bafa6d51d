// libFuzzer harness for the LISFLOOD-FP text readers (sim/hydraulics/lisflood_inputs.h). The
// first byte chooses the reader (its value mod 5: 0 .par, 1 .bci, 2 .bdy, 3 .stage, 4 .rain), the
// rest is the file. Besides the sanitizers' checks it asserts the readers' contract: a refusal
// always says why, every diagnostic names the file and a line and column inside the input, and what
// is accepted is consistent (finite numbers, series strictly increasing, counts within the limits).
//
// Build and run from the source root (one command line):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. tests/fuzz/fuzz_lisflood.cpp
//       sim/hydraulics/lisflood_{text,par,bci,bdy,stage}.cpp sim/hydraulics/flood_model.cpp
//       sim/scenario/esri_ascii_tokens.cpp common/json_source.cpp common/utf8.cpp -o fuzz_lisflood
//   ./fuzz_lisflood -max_len=4096 -max_total_time=60 tests/fuzz/corpus/lisflood
#include "sim/hydraulics/lisflood_inputs.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool ok) {
    if (!ok) std::abort();  // reported by libFuzzer as a crash, with the input saved
}

void requireLocated(const std::vector<drillbase::Diagnostic>& d, const std::string& file, int lines,
                    int maxCol) {
    for (const auto& x : d) {
        require(x.file == file && x.pointer.empty() && !x.message.empty());
        require(x.pos.line >= 1 && x.pos.line <= lines && x.pos.col >= 1 && x.pos.col <= maxCol);
    }
}

bool isFinite(double v) {
    return std::isfinite(v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase;
    using namespace drillbase::sim;
    if (size == 0) return 0;
    // Small limits so that the fuzzer reaches the limit checks and never allocates much.
    LisfloodLimits limits;
    limits.maxBytes = 4 << 10;
    limits.maxLineChars = 256;
    limits.maxErrors = 8;
    limits.maxBoundaries = 64;
    limits.maxSamples = 256;
    limits.maxGauges = 64;

    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    int lines = 1;
    for (char c : text) lines += c == '\n';
    const int maxCol = limits.maxLineChars + 1;
    std::vector<Diagnostic> errors, warnings;

    switch (data[0] % 5) {
        case 0: {
            const auto p = parseLisfloodPar(text, "f.par", errors, warnings, limits);
            requireLocated(errors, "f.par", lines, maxCol);
            requireLocated(warnings, "f.par", lines, maxCol);
            require(p.has_value() == errors.empty());
            if (p) {
                require(p->demFile && !p->demFile->text.empty());
                require(p->simTimeS && *p->simTimeS > 0 && isFinite(*p->simTimeS));
                require(p->fpfric || p->manningFile);
                for (const auto* v : {&p->fpfric, &p->initialStepS, &p->massIntervalS,
                                      &p->saveIntervalS, &p->depthThresholdM})
                    require(!*v || (**v > 0 && isFinite(**v)));
                require(!p->cfl || (*p->cfl > 0 && *p->cfl <= 1));
            }
            break;
        }
        case 1: {
            const auto b = parseLisfloodBci(text, "f.bci", errors, warnings, limits);
            requireLocated(errors, "f.bci", lines, maxCol);
            requireLocated(warnings, "f.bci", lines, maxCol);
            require(b.has_value() == errors.empty());
            if (b) {
                require(b->size() <= limits.maxBoundaries);
                for (const BoundaryCondition& c : *b) {
                    require(isFinite(c.x) && isFinite(c.y) && isFinite(c.value));
                    require(isFinite(c.from) && isFinite(c.to) && c.from <= c.to);
                    const bool named = c.kind == BoundaryKind::QVar || c.kind == BoundaryKind::HVar;
                    require(named == !c.series.empty());
                    require(c.file == "f.bci" && c.pos.line >= 1 && c.pos.line <= lines);
                }
            }
            break;
        }
        case 2: {
            const auto s = parseLisfloodBdy(text, "f.bdy", errors, warnings, limits);
            requireLocated(errors, "f.bdy", lines, maxCol);
            requireLocated(warnings, "f.bdy", lines, maxCol);
            require(s.has_value() == errors.empty());
            if (s) {
                std::size_t samples = 0;
                for (const LisfloodSeries& x : *s) {
                    const TimeSeries& t = x.series;
                    require(!t.name.empty() && !t.tS.empty() && t.tS.size() == t.value.size());
                    for (std::size_t k = 0; k < t.tS.size(); ++k) {
                        require(isFinite(t.tS[k]) && isFinite(t.value[k]));
                        require(k == 0 || t.tS[k] > t.tS[k - 1]);
                    }
                    samples += t.tS.size();
                }
                require(samples <= limits.maxSamples);
            }
            break;
        }
        case 4: {
            const auto t = parseLisfloodRain(text, "f.rain", errors, warnings, limits);
            requireLocated(errors, "f.rain", lines, maxCol);
            requireLocated(warnings, "f.rain", lines, maxCol);
            require(t.has_value() == errors.empty());
            if (t) {
                require(!t->tS.empty() && t->tS.size() == t->value.size());
                require(t->tS.size() <= limits.maxSamples);
                for (std::size_t k = 0; k < t->tS.size(); ++k) {
                    require(isFinite(t->tS[k]) && isFinite(t->value[k]) && t->value[k] >= 0);
                    require(k == 0 || t->tS[k] > t->tS[k - 1]);
                }
            }
            break;
        }
        default: {
            const auto g = parseLisfloodStage(text, "f.stage", errors, limits);
            requireLocated(errors, "f.stage", lines, maxCol);
            require(g.has_value() == errors.empty());
            if (g) {
                require(g->size() <= limits.maxGauges);
                for (const LisfloodGauge& x : *g)
                    require(isFinite(x.gauge.x) && isFinite(x.gauge.y));
            }
            break;
        }
    }
    return 0;
}
