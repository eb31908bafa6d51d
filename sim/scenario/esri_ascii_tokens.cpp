// esri_ascii_tokens.cpp — the ESRI ASCII reader's token scanner and its diagnostics (see
// esri_ascii.cpp): the text is scanned once, token by token, with the line and line start tracked
// so that a bad token is reported at its exact line and column; plus number parsing and the
// quoting of tokens in messages.
#include "sim/scenario/esri_ascii_internal.h"

#include "common/utf8.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <system_error>

namespace drillbase::sim::esri_detail {

using std::to_string;

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

Reader::Reader(std::string_view text, const std::string& file, std::vector<Diagnostic>& out,
               const AsciiGridLimits& limits)
    : text_(text), file_(file), out_(out), limits_(limits) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = lineStart_ = 3;  // UTF-8 BOM
    checkLine();
}

SourcePos Reader::endOfLastToken() const {
    if (!hasLast_) return SourcePos{};
    return posOf(last_.offset + last_.text.size(), last_.line, last_.lineStart);
}

void Reader::error(SourcePos p, std::string message) {
    if (stopped_) return;
    out_.push_back(Diagnostic{file_, p, "", std::move(message)});
    ++errors_;
    if (errors_ >= std::max(1, limits_.maxErrors)) {
        out_.push_back(
            Diagnostic{file_, p, "", "stopping after " + to_string(errors_) + " errors"});
        stopped_ = true;
    }
}

std::size_t Reader::countRest() const {
    std::size_t n = 0;
    for (std::size_t i = pos_; i < text_.size(); ++i)
        n += !isSpace(text_[i]) && (i == pos_ || isSpace(text_[i - 1]));
    return n;
}

// Column in characters: count UTF-8 lead bytes from the start of the line.
SourcePos Reader::posOf(std::size_t offset, int line, std::size_t lineStart) const {
    int col = 1;
    for (std::size_t i = lineStart; i < offset && i < text_.size(); ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    return SourcePos{line, col};
}

// Refuses a line over maxLineChars when the scan enters it (a binary file, a broken writer).
void Reader::checkLine() {
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

}  // namespace drillbase::sim::esri_detail
