// lisflood_text.h — what the LISFLOOD-FP text readers share (not a public API): a scanner that
// splits a file into lines of white-space separated words, each with its line and column, and
// owns the diagnostics of one parse (limits on line length and on the number of errors); plus
// whole-number parsing. Numbers go through sim/scenario's locale-independent parseDouble.
#pragma once

#include "sim/hydraulics/lisflood_inputs.h"
#include "sim/scenario/esri_ascii_internal.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::sim::lisflood_detail {

using esri_detail::describe;
using esri_detail::NumStatus;
using esri_detail::parseDouble;
// A word as written, for a message (at most 40 bytes, control bytes escaped: see esri_detail).
inline std::string quote(std::string_view s) {
    return esri_detail::quoted(s);
}

struct Word {
    std::string_view text;
    SourcePos pos;
};

struct Line {
    int number = 0;
    std::vector<Word> words;  // empty for a blank (or comment-only) line
    SourcePos end;            // just after the last character of the line (for "missing" errors)
};

class LineReader {
public:
    // `hashComments`: '#' starts a comment that runs to the end of the line (.par, .bci).
    LineReader(std::string_view text, const std::string& file, std::vector<Diagnostic>& errors,
               std::vector<Diagnostic>& warnings, const LisfloodLimits& limits, bool hashComments);

    // The next line, blank ones included; false at the end of the text or once stopped.
    bool nextRaw(Line& line);
    // The next line that has words.
    bool next(Line& line);

    void error(SourcePos p, std::string message);
    void warning(SourcePos p, std::string message);
    int errors() const { return errors_; }
    bool stopped() const { return stopped_; }
    // Where the text ends (after its last character).
    SourcePos endOfText() const { return endPos_; }
    const std::string& file() const { return file_; }

private:
    std::string_view text_;
    const std::string& file_;
    std::vector<Diagnostic>& errorsOut_;
    std::vector<Diagnostic>& warningsOut_;
    const LisfloodLimits& limits_;
    bool hashComments_;
    std::size_t pos_ = 0;
    int line_ = 0;
    int errors_ = 0;
    bool stopped_ = false;
    SourcePos endPos_{1, 1};
};

// A whole number 0..max written as digits (a leading '+' allowed); false with `why` filled.
bool parseCount(std::string_view s, std::size_t max, std::size_t& n, std::string& why);

// "'w1 w2 ...'" of the words from index `from` on, for "unexpected ..." messages.
std::string quotedRest(const Line& line, std::size_t from);

// A number for a message, locale-independent, up to 12 significant digits.
std::string num(double v);

}  // namespace drillbase::sim::lisflood_detail
