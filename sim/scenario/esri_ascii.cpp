// esri_ascii.cpp — ESRI ASCII raster reader. Format: ESRI "ESRI ASCII raster format" (ArcGIS
// documentation) and the GDAL AAIGrid driver (header keywords case-insensitive, values separated
// by any white space, first row the northern one). The text is scanned once, token by token, with
// the line and line start tracked so that a bad token is reported at its exact line and column.
#include "sim/scenario/esri_ascii.h"

#include "common/utf8.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <fstream>
#include <new>
#include <system_error>

namespace drillbase::sim {
namespace {

using std::to_string;

// White space between tokens; a lone '\r' (CRLF files) is white space, only '\n' ends a line.
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

// A token as written, quoted for a message: at most 40 bytes, cut at a character boundary;
// invalid UTF-8 and control bytes shown as \xNN so that a message is always printable text.
std::string quoted(std::string_view s) {
    std::size_t n = std::min<std::size_t>(s.size(), 40);
    while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    const std::string_view head = s.substr(0, n);
    const bool utf8 = isValidUtf8(head);
    std::string r = "'";
    for (char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && !utf8)) {
            static const char* hex = "0123456789abcdef";
            r += "\\x";
            r += hex[c >> 4];
            r += hex[c & 15];
        } else {
            r += ch;
        }
    }
    return r + (n < s.size() ? "...'" : "'");
}

enum class NumStatus { ok, notNumber, outOfRange, notFinite };

// std::from_chars: locale-independent, no allocation. It refuses a leading '+', which C's strtod
// (and therefore GDAL) accepts, so one is skipped here.
NumStatus parseDouble(std::string_view s, double& v) {
    const char* b = s.data();
    const char* e = b + s.size();
    if (b != e && *b == '+') {
        ++b;
        if (b == e || *b == '+' || *b == '-') return NumStatus::notNumber;  // "+", "+-1"
    }
    const auto [p, ec] = std::from_chars(b, e, v);
    if (ec == std::errc::result_out_of_range && p == e) return NumStatus::outOfRange;
    if (ec != std::errc() || p != e) return NumStatus::notNumber;
    return std::isfinite(v) ? NumStatus::ok : NumStatus::notFinite;
}

std::string describe(NumStatus st, std::string_view tok) {
    if (st == NumStatus::outOfRange) return quoted(tok) + " is out of the range of a double";
    if (st == NumStatus::notFinite) return quoted(tok) + " is not a finite number";
    const bool comma = tok.find(',') != std::string_view::npos;
    return quoted(tok) + " is not a number" + (comma ? " (the decimal separator is '.')" : "");
}

// "nan", "inf", "infinity" begin with a letter but are (bad) values, not header keywords.
bool isNonFiniteWord(std::string_view t) {
    const std::string l = lower(t);
    return l == "nan" || l == "inf" || l == "infinity";
}

struct Token {
    std::string_view text;
    std::size_t offset = 0;     // byte offset in the file
    int line = 1;               // 1-based
    std::size_t lineStart = 0;  // byte offset where its line begins
};

// Splits the text into white-space separated tokens and owns the diagnostics of one parse.
class Reader {
public:
    Reader(std::string_view text, const std::string& file, std::vector<Diagnostic>& out,
           const AsciiGridLimits& limits)
        : text_(text), file_(file), out_(out), limits_(limits) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = lineStart_ = 3;  // UTF-8 BOM
        checkLine();
    }

    // The next token; false at the end or once parsing has been stopped.
    bool next(Token& t) {
        while (!stopped_ && pos_ < text_.size() && isSpace(text_[pos_])) {
            if (text_[pos_++] == '\n') {
                if (line_ < INT_MAX) ++line_;
                lineStart_ = pos_;
                checkLine();
            }
        }
        if (stopped_ || pos_ >= text_.size()) return false;
        const std::size_t b = pos_;
        while (pos_ < text_.size() && !isSpace(text_[pos_])) ++pos_;
        t = Token{text_.substr(b, pos_ - b), b, line_, lineStart_};
        last_ = t;
        hasLast_ = true;
        return true;
    }

    // Where the last token ends (the start of the file if there was none).
    SourcePos endOfLastToken() const {
        if (!hasLast_) return SourcePos{};
        return posOf(last_.offset + last_.text.size(), last_.line, last_.lineStart);
    }
    SourcePos posOf(const Token& t) const { return posOf(t.offset, t.line, t.lineStart); }

    void error(SourcePos p, std::string message) {
        if (stopped_) return;
        out_.push_back(Diagnostic{file_, p, "", std::move(message)});
        ++errors_;
        if (errors_ >= std::max(1, limits_.maxErrors)) {
            out_.push_back(
                Diagnostic{file_, p, "", "stopping after " + to_string(errors_) + " errors"});
            stopped_ = true;
        }
    }
    void error(const Token& t, std::string message) { error(posOf(t), std::move(message)); }

    // Tokens after the current one, counted without checks (for a message only).
    std::size_t countRest() const {
        std::size_t n = 0;
        for (std::size_t i = pos_; i < text_.size(); ++i)
            n += !isSpace(text_[i]) && (i == pos_ || isSpace(text_[i - 1]));
        return n;
    }
    int errors() const { return errors_; }
    bool stopped() const { return stopped_; }
    std::size_t bytesLeft() const { return text_.size() - pos_; }

private:
    // Column in characters: count UTF-8 lead bytes from the start of the line.
    SourcePos posOf(std::size_t offset, int line, std::size_t lineStart) const {
        int col = 1;
        for (std::size_t i = lineStart; i < offset && i < text_.size(); ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
        return SourcePos{line, col};
    }

    // Refuses a line over maxLineChars when the scan enters it (a binary file, a broken writer).
    void checkLine() {
        const std::size_t nl = text_.find('\n', lineStart_);
        const std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
        const auto maxChars =
            static_cast<std::size_t>(std::clamp(limits_.maxLineChars, 1, INT_MAX - 1));
        if (end - lineStart_ <= maxChars) return;  // bytes bound characters from above
        std::size_t chars = 0, at = lineStart_;
        for (std::size_t i = lineStart_; i < end; ++i) {
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) continue;
            if (++chars == maxChars + 1) at = i;
        }
        if (chars <= maxChars) return;
        error(posOf(at, line_, lineStart_), "line " + to_string(line_) + " is longer than " +
                                                to_string(maxChars) +
                                                " characters; is this an ESRI ASCII grid?");
        stopped_ = true;
    }

    std::string_view text_;
    const std::string& file_;
    std::vector<Diagnostic>& out_;
    const AsciiGridLimits& limits_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t lineStart_ = 0;
    Token last_;
    bool hasLast_ = false;
    int errors_ = 0;
    bool stopped_ = false;
};

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
    Header h;
    const Field* f = h.f;

    // Header: `key value` lines until the first token that does not begin with a letter.
    Token t;
    bool have = r.next(t);
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
    if (r.errors() > 0) return std::nullopt;  // the values cannot be checked without a header

    AsciiGrid g;
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
        return std::nullopt;
    }

    const std::int64_t cells = std::int64_t{g.ncols} * g.nrows;
    if (cells > limits.maxCells) {
        const Token& later = f[kNcols].valueTok.offset > f[kNrows].valueTok.offset
                                 ? f[kNcols].valueTok
                                 : f[kNrows].valueTok;
        r.error(later, "ncols x nrows = " + to_string(cells) + " cells is over the limit of " +
                           to_string(limits.maxCells));
        return std::nullopt;
    }

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
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) {
        out.push_back(Diagnostic{name, {}, "", "cannot read file: " + ec.message()});
        return std::nullopt;
    }
    if (size > limits.maxBytes) {
        out.push_back(Diagnostic{name, {}, "", overBytes(size, limits.maxBytes)});
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) {
        out.push_back(Diagnostic{name, {}, "", "cannot read file"});
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
