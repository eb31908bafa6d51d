// fire_csv.cpp — see fire_csv.h. One pass over the text, line by line; each line is split at
// commas outside double quotes. Columns are counted in characters (UTF-8 continuation bytes do
// not start a character), as editors show them.
#include "sim/fire/fire_csv.h"

#include "sim/scenario/esri_ascii_internal.h"

#include <cmath>
#include <locale>
#include <new>
#include <sstream>

namespace drillbase::sim::fire {

using std::to_string;

void CsvReport::error(SourcePos p, std::string message) {
    if (errors_ >= maxErrors_) return;
    ++errors_;
    if (errors_ == maxErrors_) message += " (too many errors; stopped here)";
    out_.push_back(Diagnostic{file_, p, "", std::move(message)});
}

namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

// Column of byte `off` of a line that begins at byte `start`, in characters.
int columnOf(std::string_view text, std::size_t start, std::size_t off) {
    int col = 1;
    for (std::size_t k = start; k < off; ++k)
        if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++col;
    return col;
}

// Splits one line (without its '\n') into fields; false after reporting a broken quote.
bool splitLine(std::string_view text, std::size_t start, std::size_t end, int line,
               CsvReport& report, const CsvLimits& limits, std::vector<CsvField>& out) {
    std::size_t k = start;
    while (true) {
        while (k < end && isBlank(text[k])) ++k;
        if (out.size() == limits.maxFields) {
            report.error({line, columnOf(text, start, k)},
                         "more than " + to_string(limits.maxFields) + " fields on one line");
            return false;
        }
        CsvField f;
        f.pos = {line, columnOf(text, start, k)};
        if (k < end && text[k] == '"') {
            ++k;
            bool closed = false;
            while (k < end) {
                if (text[k] == '"') {
                    if (k + 1 < end && text[k + 1] == '"') {
                        f.text += '"';
                        k += 2;
                        continue;
                    }
                    ++k;
                    closed = true;
                    break;
                }
                f.text += text[k++];
            }
            if (!closed) {
                report.error(f.pos, "a quoted field is not closed on its line");
                return false;
            }
            while (k < end && isBlank(text[k])) ++k;
            if (k < end && text[k] != ',') {
                report.error({line, columnOf(text, start, k)},
                             "unexpected text after a quoted field (a ',' was expected)");
                return false;
            }
        } else {
            const std::size_t b = k;
            while (k < end && text[k] != ',') ++k;
            std::size_t e = k;
            while (e > b && isBlank(text[e - 1])) --e;
            f.text.assign(text.substr(b, e - b));
        }
        out.push_back(std::move(f));
        if (k >= end) return true;
        ++k;  // the comma
    }
}

}  // namespace

std::optional<CsvTable> parseCsv(std::string_view text, CsvReport& report,
                                 const CsvLimits& limits) try {
    if (text.size() > limits.maxBytes) {
        report.error({}, "file is " + to_string(text.size()) + " bytes, over the limit of " +
                             to_string(limits.maxBytes));
        return std::nullopt;
    }
    CsvTable t;
    std::size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // UTF-8 byte order mark
    int line = 0;
    bool haveHeader = false;
    while (pos < text.size()) {
        ++line;
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::size_t next = end + 1;
        if (end - pos > static_cast<std::size_t>(limits.maxLineChars)) {
            report.error({line, 1}, "line is longer than " + to_string(limits.maxLineChars) +
                                        " bytes; is this a CSV file?");
            return std::nullopt;
        }
        std::size_t e = end;
        while (e > pos && isBlank(text[e - 1])) --e;
        std::size_t b = pos;
        while (b < e && isBlank(text[b])) ++b;
        if (b == e) {  // blank line
            pos = next;
            continue;
        }
        std::vector<CsvField> fields;
        if (!splitLine(text, pos, e, line, report, limits, fields)) return std::nullopt;
        if (!haveHeader) {
            t.header = std::move(fields);
            haveHeader = true;
        } else {
            if (t.rows.size() == limits.maxRows) {
                report.error({line, 1}, "more than " + to_string(limits.maxRows) +
                                            " records after the header");
                return std::nullopt;
            }
            t.rows.push_back(CsvRow{line, std::move(fields), {line, columnOf(text, pos, e)}});
        }
        pos = next;
    }
    if (!haveHeader) {
        report.error({}, "empty file: a header line was expected");
        return std::nullopt;
    }
    return t;
} catch (const std::bad_alloc&) {
    report.error({}, "not enough memory to read the file");
    return std::nullopt;
}

std::optional<std::size_t> findColumn(const CsvTable& t, std::string_view name) {
    for (std::size_t k = 0; k < t.header.size(); ++k) {
        const std::string& h = t.header[k].text;
        if (h.size() != name.size()) continue;
        bool same = true;
        for (std::size_t c = 0; c < h.size() && same; ++c) {
            auto lower = [](char x) { return x >= 'A' && x <= 'Z' ? char(x - 'A' + 'a') : x; };
            same = lower(h[c]) == lower(name[c]);
        }
        if (same) return k;
    }
    return std::nullopt;
}

bool parseNumber(const std::string& s, double& v, std::string& why) {
    if (s.empty()) {
        why = "is empty";
        return false;
    }
    const auto st = esri_detail::parseDouble(s, v);
    if (st == esri_detail::NumStatus::ok) return true;
    why = esri_detail::describe(st, s);
    return false;
}

bool parseWhole(const std::string& s, long long lo, long long hi, long long& v, std::string& why,
                bool allowZeroFraction) {
    std::string_view d = s;
    if (allowZeroFraction) {
        const std::size_t dot = d.find('.');
        if (dot != std::string_view::npos && dot + 1 < d.size() &&
            d.substr(dot + 1).find_first_not_of('0') == std::string_view::npos)
            d = d.substr(0, dot);
    }
    std::size_t k = 0;
    bool neg = false;
    if (k < d.size() && (d[k] == '+' || d[k] == '-')) neg = d[k++] == '-';
    if (k == d.size() || d.size() - k > 18 ||
        d.substr(k).find_first_not_of("0123456789") != std::string_view::npos) {
        why = s.empty() ? "is empty" : quote(s) + " is not a whole number";
        return false;
    }
    long long x = 0;
    for (; k < d.size(); ++k) x = x * 10 + (d[k] - '0');
    if (neg) x = -x;
    if (x < lo || x > hi) {
        why = quote(s) + " is outside " + to_string(lo) + ".." + to_string(hi);
        return false;
    }
    v = x;
    return true;
}

std::string numText(double v) {
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os.precision(12);
    os << v;
    return os.str();
}

std::string quote(std::string_view s) {
    return esri_detail::quoted(s);
}

}  // namespace drillbase::sim::fire
