// records_csv.h — CSV as RFC 4180 defines it, for exports and roster imports: fields
// separated by commas, records by CRLF; a field holding a comma, quote, CR or LF is quoted and
// its quotes doubled. Files are UTF-8; a leading byte order mark is written on export because
// Excel on Chinese Windows otherwise reads the file as GBK and garbles every name.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The field as RFC 4180 requires (quoted only when it must be).
std::string csvField(std::string_view value);

// CSV injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that begins with '=', '+',
// '-' or '@' as a formula (=HYPERLINK(...) sends data away, DDE runs programs), and one that
// begins with a tab or carriage return after it strips them. OWASP's rule: prefix such a
// cell with a single quote, which the spreadsheet shows as text and does not display.
// Every file drillbase writes for people to open (exports, reject files) goes through this.
bool csvCellNeedsNeutralising(std::string_view value);
std::string neutraliseCsvCell(std::string_view value);

// One record, terminated by CRLF; every field neutralised, then quoted as RFC 4180 requires.
void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields);

struct CsvRecord {
    std::size_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

struct CsvSyntaxError {
    std::size_t line = 0;    // where the bad record starts
    std::size_t column = 0;  // 1-based field number
    std::string reason;
};

struct CsvDocument {
    std::vector<CsvRecord> records;       // every record read before any error
    std::optional<CsvSyntaxError> error;  // reading stops at the first syntax error
};

// Reads a whole document; accepts CRLF or LF, drops a leading BOM, skips blank lines.
// A quote that is never closed is an error (the rest of the file cannot be split safely),
// and so is text after a closing quote in the same field.
CsvDocument parseCsv(std::string_view text);

}  // namespace drillbase::ledger
