// lisflood_text.cpp — the LISFLOOD-FP readers' line scanner (see lisflood_text.h). LISFLOOD-FP
// itself reads its files with fscanf, word by word; drillbase reads them line by line, as they
// are written (LISFLOOD-FP User Manual 5.9.6, chapter "Input files": one keyword, boundary or
// sample per line), so that each message can name the line and column of the word at fault.
#include "sim/hydraulics/lisflood_text.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <locale>
#include <sstream>
#include <system_error>

namespace drillbase::sim::lisflood_detail {
namespace {

using std::to_string;

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

LineReader::LineReader(std::string_view text, const std::string& file,
                       std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings,
                       const LisfloodLimits& limits, bool hashComments)
    : text_(text),
      file_(file),
      errorsOut_(errors),
      warningsOut_(warnings),
      limits_(limits),
      hashComments_(hashComments) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte-order mark
    if (text_.size() > limits_.maxBytes) {
        error(SourcePos{}, "file is " + to_string(text_.size()) + " bytes, over the limit of " +
                               to_string(limits_.maxBytes));
        stopped_ = true;
    }
}

bool LineReader::nextRaw(Line& line) {
    if (stopped_ || pos_ >= text_.size()) return false;
    const std::size_t nl = text_.find('\n', pos_);
    const std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
    if (line_ < INT_MAX) ++line_;
    line.number = line_;
    line.words.clear();
    const auto maxChars =
        static_cast<std::size_t>(std::clamp(limits_.maxLineChars, 1, INT_MAX - 1));
    int col = 1;
    bool inWord = false, comment = false;
    std::size_t wordStart = 0;
    for (std::size_t i = pos_; i < end; ++i) {
        const char c = text_[i];
        if (!isContinuation(c)) {
            if (static_cast<std::size_t>(col) > maxChars) {
                error(SourcePos{line_, col}, "line " + to_string(line_) + " is longer than " +
                                                 to_string(maxChars) +
                                                 " characters; is this a LISFLOOD-FP text file?");
                stopped_ = true;
                return false;
            }
            ++col;
        }
        if (comment) continue;
        const bool blank = isBlank(c);
        if (hashComments_ && c == '#') {
            comment = true;
        } else if (!blank && !inWord) {
            inWord = true;
            wordStart = i;
            // A stray UTF-8 continuation byte did not advance the column.
            line.words.push_back(Word{{}, SourcePos{line_, isContinuation(c) ? col : col - 1}});
            continue;
        }
        if ((blank || comment) && inWord) {
            line.words.back().text = text_.substr(wordStart, i - wordStart);
            inWord = false;
        }
    }
    if (inWord) line.words.back().text = text_.substr(wordStart, end - wordStart);
    line.end = SourcePos{line_, col};
    // The end of the text: after its last character, on the next line after a final newline.
    endPos_ = end < text_.size() && line_ < INT_MAX ? SourcePos{line_ + 1, 1} : line.end;
    pos_ = end + 1;
    return true;
}

bool LineReader::next(Line& line) {
    while (nextRaw(line))
        if (!line.words.empty()) return true;
    return false;
}

void LineReader::error(SourcePos p, std::string message) {
    if (stopped_) return;
    errorsOut_.push_back(Diagnostic{file_, p, "", std::move(message)});
    ++errors_;
    if (errors_ >= std::max(1, limits_.maxErrors)) {
        errorsOut_.push_back(
            Diagnostic{file_, p, "", "stopping after " + to_string(errors_) + " errors"});
        stopped_ = true;
    }
}

void LineReader::warning(SourcePos p, std::string message) {
    // Bounded like the errors, so a file of nothing but unknown keywords stays a short report.
    const auto max = static_cast<std::size_t>(std::max(1, limits_.maxErrors));
    std::size_t mine = 0;
    for (const Diagnostic& d : warningsOut_) mine += d.file == file_;
    if (mine > max) return;
    if (mine == max) message = "(more warnings not shown)";
    warningsOut_.push_back(Diagnostic{file_, p, "", std::move(message)});
}

bool parseCount(std::string_view s, std::size_t max, std::size_t& n, std::string& why) {
    std::string_view d = s;
    if (d.size() > 1 && d[0] == '+' && d[1] != '+' && d[1] != '-') d.remove_prefix(1);
    unsigned long long v = 0;
    const auto [p, ec] = std::from_chars(d.data(), d.data() + d.size(), v);
    const bool whole =
        !d.empty() && d[0] != '-' && p == d.data() + d.size() && ec != std::errc::invalid_argument;
    if (!whole) {
        why = quote(s) + " is not a whole number";
        return false;
    }
    if (ec == std::errc::result_out_of_range || v > max) {
        why = quote(s) + " is over the limit of " + to_string(max);
        return false;
    }
    n = static_cast<std::size_t>(v);
    return true;
}

std::string quotedRest(const Line& line, std::size_t from) {
    std::string s;
    for (std::size_t k = from; k < line.words.size(); ++k) {
        if (k > from) s += ' ';
        s += line.words[k].text;
    }
    return quote(s);
}

std::string num(double v) {
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os.precision(12);
    os << v;
    return os.str();
}

}  // namespace drillbase::sim::lisflood_detail
