// esri_ascii_header.cpp — the header of an ESRI ASCII grid (see esri_ascii.cpp): `key value`
// lines, keywords case-insensitive, each at most once; ncols and nrows whole numbers, the corner
// given as xllcorner|xllcenter and yllcorner|yllcenter, cellsize positive, NODATA_value optional,
// GDAL's dx/dy (non-square cells) refused.
#include "sim/scenario/esri_ascii_internal.h"

#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <system_error>

namespace drillbase::sim::esri_detail {
namespace {

using std::to_string;

bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

// "nan", "inf", "infinity" begin with a letter but are (bad) values, not header keywords.
bool isNonFiniteWord(std::string_view t) {
    const std::string l = lower(t);
    return l == "nan" || l == "inf" || l == "infinity";
}

enum Key { kNcols, kNrows, kX, kY, kCell, kNodata, kKeyCount };
constexpr const char* kKeyNames[kKeyCount] = {"ncols",     "nrows",    "xllcorner",
                                              "yllcorner", "cellsize", "NODATA_value"};

struct Field {
    bool seen = false;
    Token keyTok;
    Token valueTok;
    double value = 0;
};

// Reads `ncols`/`nrows`: a whole number 1..INT_MAX.
bool parseCount(Reader& r, std::string_view key, const Token& v, double& out) {
    std::string_view s = v.text;
    if (s.size() > 1 && s[0] == '+' && s[1] != '+' && s[1] != '-') s.remove_prefix(1);
    long long n = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    const bool whole = ec != std::errc::invalid_argument && p == s.data() + s.size();
    if (whole && ec == std::errc() && n > 0 && n <= INT_MAX) {
        out = static_cast<double>(n);
        return true;
    }
    if (whole && s[0] != '-' && (ec == std::errc::result_out_of_range || n > INT_MAX))
        r.error(v, std::string(key) + ": " + quoted(v.text) + " is too large (at most " +
                       to_string(INT_MAX) + ")");
    else
        r.error(v, std::string(key) + " must be a positive whole number, not " + quoted(v.text));
    return false;
}

struct Header {
    Field f[kKeyCount];
    bool xCentre = false, yCentre = false, nonSquare = false;

    // One `key value` line of the header.
    void take(Reader& r, const Token& keyTok, const Token& v) {
        const std::string key = lower(keyTok.text);
        if (key == "dx" || key == "dy") {
            nonSquare = true;
            r.error(keyTok, quoted(keyTok.text) +
                                " gives non-square cells (a GDAL extension); drillbase "
                                "needs square cells: resample the grid to one cellsize");
            return;
        }
        int k = -1;
        if (key == "ncols") k = kNcols;
        if (key == "nrows") k = kNrows;
        if (key == "xllcorner" || key == "xllcenter") k = kX;
        if (key == "yllcorner" || key == "yllcenter") k = kY;
        if (key == "cellsize") k = kCell;
        if (key == "nodata_value") k = kNodata;
        if (k < 0) {
            std::string m = "unknown header key " + quoted(keyTok.text);
            if (key.back() == ':') m += " (a GRASS ASCII grid? drillbase reads ESRI ASCII)";
            r.error(keyTok, m + " (expected ncols, nrows, xllcorner|xllcenter, "
                                "yllcorner|yllcenter, cellsize, NODATA_value)");
            return;
        }
        if (f[k].seen) {
            r.error(keyTok, "header gives " + quoted(keyTok.text) + " after " +
                                quoted(f[k].keyTok.text) + " at line " +
                                to_string(f[k].keyTok.line) +
                                "; each header key may appear only once");
            return;
        }
        f[k].seen = true;
        f[k].keyTok = keyTok;
        f[k].valueTok = v;
        if (key == "xllcenter") xCentre = true;
        if (key == "yllcenter") yCentre = true;
        if (k == kNcols || k == kNrows) {
            parseCount(r, keyTok.text, v, f[k].value);
            return;
        }
        const NumStatus st = parseDouble(v.text, f[k].value);
        if (st != NumStatus::ok)
            r.error(v, std::string(keyTok.text) + ": " + describe(st, v.text));
        else if (k == kCell && !(f[k].value > 0))
            r.error(v, "cellsize must be positive, not " + quoted(v.text));
    }
};

}  // namespace

bool readHeader(Reader& r, Token& t, bool& have, AsciiGrid& g, const AsciiGridLimits& limits) {
    Header h;
    const Field* f = h.f;

    // Header: `key value` lines until the first token that does not begin with a letter.
    have = r.next(t);
    while (have && isLetter(t.text[0]) && !isNonFiniteWord(t.text)) {
        const Token keyTok = t;
        Token v;
        const bool haveV = r.next(v);
        if (!haveV || v.line != keyTok.line) {
            r.error(keyTok, "header key " + quoted(keyTok.text) + " has no value on its line");
            have = haveV;
            t = v;
            continue;
        }
        h.take(r, keyTok, v);
        // Anything after the value on the same line is a mistake, reported once.
        have = r.next(t);
        if (have && t.line == v.line) {
            r.error(t,
                    "unexpected " + quoted(t.text) + " after the value of " + quoted(keyTok.text));
            while (have && t.line == v.line) have = r.next(t);
        }
    }

    std::string missing;
    for (int k = kNcols; k <= kCell; ++k)
        if (!f[k].seen && !(k == kCell && h.nonSquare))
            missing += (missing.empty() ? "" : ", ") + std::string(kKeyNames[k]);
    if (!missing.empty())
        r.error(have ? r.posOf(t) : r.endOfLastToken(),
                "header lacks " + missing +
                    " (an ESRI ASCII grid begins with ncols, nrows, xllcorner, yllcorner, "
                    "cellsize and optionally NODATA_value)");
    if (r.errors() > 0) return false;  // the values cannot be checked without a header

    g.ncols = static_cast<int>(f[kNcols].value);
    g.nrows = static_cast<int>(f[kNrows].value);
    g.cellM = f[kCell].value;
    // ESRI: xllcenter/yllcenter give the centre of the south-west cell.
    g.xll = f[kX].value - (h.xCentre ? 0.5 * g.cellM : 0.0);
    g.yll = f[kY].value - (h.yCentre ? 0.5 * g.cellM : 0.0);
    if (f[kNodata].seen) g.nodata = f[kNodata].value;
    if (!std::isfinite(g.xll) || !std::isfinite(g.yll)) {  // xllcenter -1.7e308 and so on
        r.error(f[std::isfinite(g.xll) ? kY : kX].valueTok,
                "the grid corner is out of the range of a double");
        return false;
    }

    const std::int64_t cells = std::int64_t{g.ncols} * g.nrows;
    if (cells > limits.maxCells) {
        const Token& later = f[kNcols].valueTok.offset > f[kNrows].valueTok.offset
                                 ? f[kNcols].valueTok
                                 : f[kNrows].valueTok;
        r.error(later, "ncols x nrows = " + to_string(cells) + " cells is over the limit of " +
                           to_string(limits.maxCells));
        return false;
    }
    return true;
}

}  // namespace drillbase::sim::esri_detail
