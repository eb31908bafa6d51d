#include "ledger/records_csv.h"

namespace drillbase::ledger {

std::string csvField(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

bool csvCellNeedsNeutralising(std::string_view value) {
    return !value.empty() &&
           std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

std::string neutraliseCsvCell(std::string_view value) {
    if (!csvCellNeedsNeutralising(value)) return std::string(value);
    std::string out = "'";
    out += value;
    return out;
}

void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out << ',';
        out << csvField(neutraliseCsvCell(fields[i]));
    }
    out << "\r\n";
}

CsvDocument parseCsv(std::string_view text) {
    CsvDocument doc;
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
    std::size_t i = 0;
    std::size_t line = 1;
    while (i < text.size()) {
        CsvRecord rec;
        rec.line = line;
        std::string field;
        bool endOfRecord = false;
        while (!endOfRecord) {
            field.clear();
            if (i < text.size() && text[i] == '"') {  // quoted field
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    const char c = text[i++];
                    if (c == '"') {
                        if (i < text.size() && text[i] == '"') {
                            field += '"';
                            ++i;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        if (c == '\n') ++line;
                        field += c;
                    }
                }
                if (!closed) {
                    doc.error = CsvSyntaxError{rec.line, rec.fields.size() + 1,
                                               "unbalanced quotes: the quoted field never ends"};
                    return doc;
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                    doc.error = CsvSyntaxError{rec.line, rec.fields.size() + 1,
                                               "text after the closing quote"};
                    return doc;
                }
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                    if (text[i] == '"') {
                        doc.error = CsvSyntaxError{rec.line, rec.fields.size() + 1,
                                                   "a quote inside an unquoted field"};
                        return doc;
                    }
                    field += text[i++];
                }
            }
            rec.fields.push_back(field);
            if (i >= text.size()) {
                endOfRecord = true;
            } else if (text[i] == ',') {
                ++i;
            } else {  // CRLF or LF
                if (text[i] == '\r') ++i;
                if (i < text.size() && text[i] == '\n') ++i;
                ++line;
                endOfRecord = true;
            }
        }
        const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
        if (!blank) doc.records.push_back(std::move(rec));
    }
    return doc;
}

}  // namespace drillbase::ledger
