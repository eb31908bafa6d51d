// esri_ascii_internal.h — what the ESRI ASCII reader's files share: the token scanner with its
// diagnostics (esri_ascii_tokens.cpp), number parsing and quoting for messages, and the header
// step (esri_ascii_header.cpp) that esri_ascii.cpp runs before it reads the values.
// Not a public API.
#pragma once

#include "sim/scenario/esri_ascii.h"

#include <climits>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drillbase::sim::esri_detail {

// White space between tokens; a lone '\r' (CRLF files) is white space, only '\n' ends a line.
inline bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// A token as written, quoted for a message: at most 40 bytes, cut at a character boundary;
// invalid UTF-8 and control bytes shown as \xNN so that a message is always printable text.
std::string quoted(std::string_view s);

enum class NumStatus { ok, notNumber, outOfRange, notFinite };

// The whole token as a double, locale-independent, a leading '+' allowed as GDAL allows it.
NumStatus parseDouble(std::string_view s, double& v);
// Why `tok` is not a value, for a message (st != ok).
std::string describe(NumStatus st, std::string_view tok);

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
           const AsciiGridLimits& limits);

    // The next token; false at the end or once parsing has been stopped. Inline: it runs once
    // per grid value.
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
    SourcePos endOfLastToken() const;
    SourcePos posOf(const Token& t) const { return posOf(t.offset, t.line, t.lineStart); }

    void error(SourcePos p, std::string message);
    void error(const Token& t, std::string message) { error(posOf(t), std::move(message)); }

    // Tokens after the current one, counted without checks (for a message only).
    std::size_t countRest() const;
    int errors() const { return errors_; }
    bool stopped() const { return stopped_; }
    std::size_t bytesLeft() const { return text_.size() - pos_; }

private:
    SourcePos posOf(std::size_t offset, int line, std::size_t lineStart) const;
    void checkLine();

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

// Reads the header from the start of the text: `key value` lines up to the first token that
// does not begin with a letter, which is left in `t` (`have` is false when the text ends first).
// Fills the geometry of `g` (ncols, nrows, cellM, xll, yll, nodata) and returns true, or reports
// the problems to `r` and returns false: the values cannot be checked without a header. A grid
// over limits.maxCells is refused here, before anything is allocated for its values.
bool readHeader(Reader& r, Token& t, bool& have, AsciiGrid& g, const AsciiGridLimits& limits);

}  // namespace drillbase::sim::esri_detail
