// libFuzzer harness for the ESRI ASCII raster reader (sim/scenario/esri_ascii.h). Besides the
// sanitizers' checks it asserts the reader's contract: a grid comes back complete and
// consistent, a refusal always says why, and every diagnostic points inside the input.
//
// Build and run from the source root (one command line):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I.
//   tests/fuzz/fuzz_esri_ascii.cpp
//       sim/scenario/esri_ascii*.cpp common/json_source.cpp common/utf8.cpp -o fuzz_esri_ascii
//   ./fuzz_esri_ascii -max_len=6000 -max_total_time=60 CORPUS_DIR
#include "sim/scenario/esri_ascii.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void require(bool ok) {
    if (!ok) std::abort();  // reported by libFuzzer as a crash, with the input saved
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase;
    // Small limits so that the fuzzer reaches the limit checks and never allocates much.
    sim::AsciiGridLimits limits;
    limits.maxCells = 4096;
    limits.maxBytes = 4 << 10;  // run with -max_len above it
    limits.maxLineChars = 256;
    limits.maxErrors = 8;

    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<Diagnostic> out;
    const auto grid = sim::parseAsciiGrid(text, "fuzz.asc", out, limits);

    int lines = 1;
    for (char c : text) lines += c == '\n';
    for (const Diagnostic& d : out) {
        require(d.file == "fuzz.asc" && d.pointer.empty() && !d.message.empty());
        require(d.pos.line >= 1 && d.pos.line <= lines && d.pos.col >= 1);
        require(d.pos.col <= limits.maxLineChars + 1);
    }
    if (!grid) {
        require(!out.empty());
        return 0;
    }
    require(out.empty());
    const sim::AsciiGrid& g = *grid;
    require(g.ncols > 0 && g.nrows > 0);
    const auto n = static_cast<std::size_t>(g.ncols) * static_cast<std::size_t>(g.nrows);
    require(static_cast<std::int64_t>(n) <= limits.maxCells);
    require(g.values.size() == n && g.valid.size() == n);
    require(std::isfinite(g.xll) && std::isfinite(g.yll) && std::isfinite(g.cellM) && g.cellM > 0);
    require(!g.nodata || std::isfinite(*g.nodata));
    for (std::size_t k = 0; k < n; ++k) {
        require(std::isfinite(g.values[k]));
        require(g.valid[k] == (g.nodata && g.values[k] == *g.nodata ? 0 : 1));
    }
    require(g.at(g.ncols - 1, g.nrows - 1) == g.values[n - 1]);
    return 0;
}
