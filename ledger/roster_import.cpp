#include "ledger/roster_import.h"

#include "ledger/credit_code.h"
#include "ledger/id_number.h"
#include "ledger/identity_document.h"
#include "ledger/text_rules.h"

#include <map>
#include <optional>
#include <set>

namespace drillbase::ledger {

namespace {

constexpr const char* kRequired[] = {"name", "id_number", "org_credit_code", "role"};
constexpr const char* kOptional[] = {"since", "document_type", "country"};

struct Columns {
    std::map<std::string, std::size_t> index;  // header name -> field position
    std::string get(const CsvRecord& r, const char* name) const {
        const auto it = index.find(name);
        if (it == index.end() || it->second >= r.fields.size()) return {};
        return r.fields[it->second];
    }
};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

struct GoodRow {
    std::size_t line = 0;
    std::string name;
    IdentityDocument doc;
    std::string org;
    Role role = Role::NewWorker;
    CivilDate since;
};

class RowChecker {
public:
    RowChecker(SqliteDb& db, const LookupKey& key, const Columns& cols, const CivilDate& today)
        : cols_(cols),
          today_(today),
          key_(key),
          person_(db.prepare("SELECT person_id FROM people WHERE id_hash = ?")),
          org_(db.prepare("SELECT 1 FROM organisations WHERE credit_code = ?")) {}

    // The row's problems, or none and `out` filled.
    std::vector<RosterIssue> check(const CsvRecord& r, GoodRow& out) {
        std::vector<RosterIssue> issues;
        auto issue = [&](const char* col, std::string reason) {
            issues.push_back({r.line, col, std::move(reason)});
        };
        if (r.fields.size() != cols_.index.size()) {
            issue("", "expected " + std::to_string(cols_.index.size()) + " fields, found " +
                          std::to_string(r.fields.size()));
            return issues;
        }
        out.line = r.line;
        out.name = trim(cols_.get(r, "name"));
        // The text rules (length, control characters, NFC) are checked here, with the row and
        // column, rather than left to the payload builder, which would refuse the same name
        // only while writing and without saying where it is in the file.
        if (out.name.empty())
            issue("name", "name is empty");
        else if (const auto problem = textProblem(out.name, TextField::PersonName))
            issue("name",
                  *problem + " (column " + std::to_string(cols_.index.at("name") + 1) + ")");
        const auto doc = document(r, issue);
        if (doc) {
            out.doc = *doc;
            const auto hash = lookupHash(out.doc, key_);
            person_.reset();
            person_.bind(1, hash);
            if (person_.step())
                issue("id_number", maskDocument(out.doc) + " is already registered as person " +
                                       person_.columnText(0));
            else if (const auto seen = seen_.find(hash); seen != seen_.end())
                issue("id_number", maskDocument(out.doc) + " is the same person as row " +
                                       std::to_string(seen->second));
        }
        const auto code = parseCreditCode(cols_.get(r, "org_credit_code"));
        if (!code.ok()) {
            issue("org_credit_code", code.message());
        } else {
            out.org = code.normalized;
            org_.reset();
            org_.bind(1, out.org);
            if (!org_.step())
                issue("org_credit_code", "organisation " + out.org + " is not registered");
        }
        const auto role = roleFromName(trim(cols_.get(r, "role")));
        if (!role)
            issue("role", "unknown role \"" + cols_.get(r, "role") + "\" (" + allRoleNames() + ")");
        else
            out.role = *role;
        out.since = today_;
        if (const auto since = trim(cols_.get(r, "since")); !since.empty()) {
            const auto d = parseIsoDate(since);
            if (!d)
                issue("since", "\"" + since + "\" is not a date written YYYY-MM-DD");
            else if (today_ < *d)
                issue("since", "start date " + since + " is in the future");
            else
                out.since = *d;
        }
        // Counted only when the row is good, so a bad row does not make its fixed copy in
        // the same file look like a duplicate.
        if (issues.empty() && doc) seen_[lookupHash(out.doc, key_)] = r.line;
        return issues;
    }

private:
    // The row's identity document from id_number, document_type and country; each problem is
    // reported against the column it comes from.
    template <class Issue>
    std::optional<IdentityDocument> document(const CsvRecord& r, Issue& issue) {
        const auto number = trim(cols_.get(r, "id_number"));
        // Case-free: spreadsheets capitalise the first letter of a cell on their own.
        auto typeName = trim(cols_.get(r, "document_type"));
        for (auto& c : typeName)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const auto country = trim(cols_.get(r, "country"));
        const auto type = typeName.empty() ? std::optional(DocumentType::ResidentId)
                                           : documentTypeFromName(typeName);
        if (!type) {
            issue("document_type",
                  "unknown document type \"" + typeName + "\" (resident_id, passport)");
            return std::nullopt;
        }
        if (*type == DocumentType::ResidentId) {
            // A resident identity number is issued by China alone: another country here is a
            // passport row whose document_type was forgotten.
            if (!country.empty() && country != "CHN" && country != "chn")
                issue("country", "a resident_id is issued by CHN; for a passport of " + country +
                                     " set document_type to passport");
            const auto id = parseResidentId(number, today_);
            if (!id.document) issue("id_number", id.error);
            return id.document;
        }
        std::string error;
        std::optional<std::string> cc;
        if (country.empty())
            issue("country",
                  "required for a passport: the issuing state's 3-letter code (ISO 3166-1 "
                  "alpha-3, as printed in the passport)");
        else if (cc = normalisePassportCountry(country, error); !cc)
            issue("country", error);
        const auto n = normalisePassportNumber(number, error);
        if (!n) issue("id_number", error);
        if (!n || !cc) return std::nullopt;
        return IdentityDocument{DocumentType::Passport, *n, *cc, std::nullopt};
    }

    const Columns& cols_;
    CivilDate today_;
    const LookupKey& key_;
    Statement person_;
    Statement org_;
    std::map<std::string, std::size_t> seen_;
};

std::optional<Columns> readHeader(const CsvRecord& header, std::vector<RosterIssue>& issues) {
    Columns cols;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const auto name = trim(header.fields[i]);
        bool known = false;
        for (const char* c : kRequired) known = known || name == c;
        for (const char* c : kOptional) known = known || name == c;
        if (!known)
            issues.push_back({header.line, name,
                              "unknown column \"" + name +
                                  "\" (name, id_number, org_credit_code, "
                                  "role, since, document_type, country)"});
        else if (!cols.index.emplace(name, i).second)
            issues.push_back({header.line, name, "column \"" + name + "\" appears twice"});
    }
    for (const char* c : kRequired)
        if (!cols.index.count(c))
            issues.push_back(
                {header.line, c, std::string("required column \"") + c + "\" missing"});
    if (!issues.empty()) return std::nullopt;
    return cols;
}

}  // namespace

RosterImportResult importRoster(BulkWriter& writer, SqliteDb& db, std::string_view csv,
                                const RosterImportOptions& o) {
    RosterImportResult res;
    const auto doc = parseCsv(csv);
    if (doc.records.empty() && !doc.error) {
        res.issues.push_back({1, "", "the file is empty: a header row is required"});
        return res;
    }
    std::optional<Columns> cols;
    if (!doc.records.empty()) {
        res.header = doc.records.front().fields;
        cols = readHeader(doc.records.front(), res.issues);
    }
    if (!cols) {
        if (doc.error) res.issues.push_back({doc.error->line, "", doc.error->reason});
        return res;  // without a header no row can be read
    }
    // The rows are checked under the write lock (the batch's BEGIN IMMEDIATE): "not yet
    // registered" then still holds when they are written, even with another clerk importing.
    std::size_t imported = 0;
    writer.batch([&] {
        RowChecker checker(db, writer.key(), *cols, o.today);
        std::vector<GoodRow> good;
        for (std::size_t i = 1; i < doc.records.size(); ++i) {
            ++res.rowsRead;
            GoodRow row;
            auto issues = checker.check(doc.records[i], row);
            if (issues.empty()) {
                good.push_back(std::move(row));
            } else {
                res.rejectedRecords.push_back(doc.records[i]);
                res.issues.insert(res.issues.end(), issues.begin(), issues.end());
            }
        }
        if (doc.error) {
            // The rest of the file cannot be split into rows: report where, by column name.
            std::string col;
            for (const auto& [name, pos] : cols->index)
                if (pos + 1 == doc.error->column) col = name;
            res.issues.push_back({doc.error->line, col,
                                  doc.error->reason + "; nothing after line " +
                                      std::to_string(doc.error->line) + " was read"});
        }
        if (o.mode == RosterMode::AllOrNothing && !res.issues.empty()) return;
        for (const auto& g : good) {
            const auto person = writer.registerPerson(g.name, g.doc, o.at);
            writer.assignRole(person, g.org, g.role, g.since, o.at);
            if (o.afterRow) o.afterRow(g.line);
        }
        imported = good.size();
    });
    res.imported = imported;
    return res;
}

// The reject file is a copy of personal data that is mailed back and forth to be fixed: its
// identity numbers are masked as in an export (identity_document.h), so that no file this
// import produces holds a number in the clear. The clerk fixes a row from the original roster.
void writeRosterRejects(std::ostream& out, const RosterImportResult& result) {
    std::size_t idColumn = result.header.size();
    for (std::size_t i = 0; i < result.header.size(); ++i)
        if (trim(result.header[i]) == "id_number") idColumn = i;
    out << kUtf8Bom;
    auto header = result.header;
    header.push_back("reject_row");
    header.push_back("reject_reason");
    writeCsvRow(out, header);
    for (const auto& r : result.rejectedRecords) {
        std::string reasons;
        for (const auto& i : result.issues) {
            if (i.row != r.line) continue;
            if (!reasons.empty()) reasons += "; ";
            reasons += (i.column.empty() ? "" : i.column + ": ") + i.reason;
        }
        auto fields = r.fields;
        if (idColumn < fields.size()) fields[idColumn] = maskDocumentText(trim(fields[idColumn]));
        fields.resize(std::max(fields.size(), result.header.size()));
        fields.push_back(std::to_string(r.line));
        fields.push_back(reasons);
        writeCsvRow(out, fields);
    }
}

}  // namespace drillbase::ledger
