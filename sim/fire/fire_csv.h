// fire_csv.h — the small comma-separated reader behind the Cell2Fire / C2F-W text inputs of a
// fire landscape (the fuel lookup table, Weather.csv, Ignitions.csv): a header line, then one
// record a line. What C2F-W's own reader (ReadCSV.cpp, DataGenerator.cpp Dictionary) accepts is
// accepted here too — spaces around fields (`grid_value, r, g`), CRLF line ends, a UTF-8 byte
// order mark, blank lines — and RFC 4180 double quotes, which a table saved by a spreadsheet may
// carry around a descriptive name with commas. A quoted field ends on its own line.
//
// Every field keeps its line and column (1-based, column in characters) so that a later check
// can say "Weather.csv:5:17: WS ...". The reader never throws and never holds more than the
// limits allow: the text, rows and fields are counted before they are stored.
#pragma once

#include "common/json_source.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::sim::fire {

struct CsvLimits {
    std::size_t maxBytes = 8u << 20;  // a whole file (Vilopriu's lookup table: 4 kB)
    int maxLineChars = 64 << 10;      // one line, in bytes
    std::size_t maxRows = 200'000;    // records after the header (a year of hours is 8 784)
    std::size_t maxFields = 64;       // fields in one record (FBP weather: 13)
    int maxErrors = 20;               // diagnostics before giving up on a hopeless file
};

struct CsvField {
    std::string text;  // quotes removed, surrounding blanks trimmed
    SourcePos pos;     // where the field begins
};

struct CsvRow {
    int line = 0;
    std::vector<CsvField> fields;
    SourcePos end;  // just after the last character of the line, for "missing field" errors
};

struct CsvTable {
    std::vector<CsvField> header;
    std::vector<CsvRow> rows;
};

// Collects the diagnostics of one file up to a limit; the readers' checks go through it.
class CsvReport {
public:
    CsvReport(const std::string& file, std::vector<Diagnostic>& out, int maxErrors)
        : file_(file), out_(out), maxErrors_(maxErrors) {}
    void error(SourcePos p, std::string message);
    int errors() const { return errors_; }
    bool full() const { return errors_ >= maxErrors_; }
    const std::string& file() const { return file_; }

private:
    const std::string& file_;
    std::vector<Diagnostic>& out_;
    int maxErrors_;
    int errors_ = 0;
};

// Splits `text` into a header and records. Returns nullopt when the text cannot be read as
// CSV (an unterminated quote, a line or file over the limits, no header); the diagnostics are
// appended to `errors` through `report`.
std::optional<CsvTable> parseCsv(std::string_view text, CsvReport& report, const CsvLimits& limits);

// The index of the header column called `name` (ASCII case-insensitive), if any.
std::optional<std::size_t> findColumn(const CsvTable& t, std::string_view name);

// Number parsing for the readers, locale-independent. On failure `why` says what is wrong
// with the text (quoted), ready for a message.
bool parseNumber(const std::string& s, double& v, std::string& why);
// A whole number in [lo, hi], written as digits (a '.0' fraction allowed, as C2F-W writes
// `321.0`, only where `allowZeroFraction`).
bool parseWhole(const std::string& s, long long lo, long long hi, long long& v, std::string& why,
                bool allowZeroFraction = false);
// A number for a message, locale-independent, up to 12 significant digits.
std::string numText(double v);
// A field as written, for a message (at most 40 bytes, control bytes escaped).
std::string quote(std::string_view s);

}  // namespace drillbase::sim::fire
