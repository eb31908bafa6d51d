// esri_ascii.cpp — ESRI ASCII raster reader. Format: ESRI "ESRI ASCII raster format" (ArcGIS
// documentation) and the GDAL AAIGrid driver (header keywords case-insensitive, values separated
// by any white space, first row the northern one). Here: the limits on the file, the values after
// the header, and the flip to south-first rows; the header in esri_ascii_header.cpp, the token
// scanner and its diagnostics in esri_ascii_tokens.cpp; gzip-compressed files are inflated by
// gzip_file.cpp.
#include "sim/scenario/esri_ascii.h"

#include "sim/scenario/esri_ascii_internal.h"
#include "sim/scenario/gzip_file.h"

#include <algorithm>
#include <cstdint>
#include <new>
#include <system_error>

namespace drillbase::sim {

using namespace esri_detail;

namespace {

using std::to_string;

std::string overBytes(std::uintmax_t size, std::size_t limit) {
    return "file is " + to_string(size) + " bytes, over the limit of " + to_string(limit);
}

}  // namespace

std::optional<AsciiGrid> parseAsciiGrid(std::string_view text, const std::string& fileName,
                                        std::vector<Diagnostic>& out,
                                        const AsciiGridLimits& limits) try {
    if (text.size() > limits.maxBytes) {
        out.push_back(Diagnostic{fileName, {}, "", overBytes(text.size(), limits.maxBytes)});
        return std::nullopt;
    }
    Reader r(text, fileName, out, limits);
    AsciiGrid g;
    Token t;
    bool have = false;
    if (!readHeader(r, t, have, g, limits)) return std::nullopt;
    const std::int64_t cells = std::int64_t{g.ncols} * g.nrows;

    // Values, in file order (northern row first). Each needs at least one byte and a
    // separator, so a short file cannot make us reserve more than its own size.
    const auto n = static_cast<std::size_t>(cells);
    g.values.reserve(std::min(n, r.bytesLeft() / 2 + 1));
    while (have) {
        if (g.values.size() == n) {
            r.error(t, "more values than ncols x nrows = " + to_string(n) + " (" +
                           to_string(n + 1 + r.countRest()) +
                           " in all); the first extra one is here");
            break;
        }
        double v = 0;
        const NumStatus st = parseDouble(t.text, v);
        if (st != NumStatus::ok) {
            const std::size_t k = g.values.size();
            r.error(t, describe(st, t.text) + " (row " + to_string(k / g.ncols + 1) +
                           " from the north, column " + to_string(k % g.ncols + 1) + ")");
        }
        g.values.push_back(v);
        have = r.next(t);
    }
    if (r.stopped() || r.errors() > 0) return std::nullopt;
    if (g.values.size() < n) {
        r.error(r.endOfLastToken(), "expected " + to_string(n) + " values (ncols " +
                                        to_string(g.ncols) + " x nrows " + to_string(g.nrows) +
                                        "), found " + to_string(g.values.size()));
        return std::nullopt;
    }

    // Flip to row j = 0 in the south, as sim::FieldGrid stores fields.
    const auto w = static_cast<std::size_t>(g.ncols);
    double* v = g.values.data();
    for (std::size_t a = 0, b = static_cast<std::size_t>(g.nrows) - 1; a < b; ++a, --b)
        std::swap_ranges(v + a * w, v + (a + 1) * w, v + b * w);
    g.valid.assign(n, 1);
    if (g.nodata)
        for (std::size_t k = 0; k < n; ++k)
            if (g.values[k] == *g.nodata) g.valid[k] = 0;
    return g;
} catch (const std::bad_alloc&) {  // nothing escapes the reader, not even a failed allocation
    out.push_back(Diagnostic{fileName, {}, "", "not enough memory to read the grid"});
    return std::nullopt;
} catch (...) {
    out.push_back(Diagnostic{fileName, {}, "", "cannot read the grid"});
    return std::nullopt;
}

std::optional<AsciiGrid> loadAsciiGrid(const std::filesystem::path& file,
                                       std::vector<Diagnostic>& out,
                                       const AsciiGridLimits& limits) try {
    const std::string name = file.string();
    std::string text;
    if (auto why = readMaybeGzipFile(file, limits.maxBytes, text)) {
        out.push_back(Diagnostic{name, {}, "", *why});
        return std::nullopt;
    }
    return parseAsciiGrid(text, name, out, limits);
} catch (const std::bad_alloc&) {  // nothing escapes the reader, not even a failed allocation
    out.push_back(Diagnostic{file.string(), {}, "", "not enough memory to read the grid"});
    return std::nullopt;
} catch (...) {
    out.push_back(Diagnostic{file.string(), {}, "", "cannot read the grid"});
    return std::nullopt;
}

}  // namespace drillbase::sim
