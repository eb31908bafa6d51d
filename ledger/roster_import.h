// roster_import.h — a roster of people from a CSV file (an employer's staff list, a class
// list from a training centre) into the ledger.
//
// The file: UTF-8 (a BOM is accepted), RFC 4180, one header row naming the columns, in any
// order (tests/ledger/fixtures/roster_good.csv is an example):
//   name             full name as on the identity card or passport required; the text rules
//                    of text_rules.h (length, no control characters, NFC) apply
//   id_number        the document's number: a resident identity number (GB 11643, 18 or
//                    legacy 15 characters) or a passport number (identity_document.h)
//   org_credit_code  employer's unified social credit code (GB 32100), already registered
//   role             principal_person | safety_manager | new_worker | special_operations_worker
//   since            role start date YYYY-MM-DD                     optional (default: today)
//   document_type    resident_id | passport                         optional (default resident_id)
//   country          passport issuing state, ISO 3166-1 alpha-3     required for passports
// Each row registers one person and assigns the role. Foreign staff are identified by passport
// number and issuing state together: the same number from two states is two people.
//
// Every row is checked before anything is written, and every problem is reported as
// (row, column, reason), row being the file's line number (the header is line 1). By default
// the import is all or nothing: one bad row and nothing is recorded, because a half-imported
// roster is harder for a clerk to repair than a rejected one. Partial mode imports the good
// rows and returns the bad ones for a reject file the clerk can fix and import again.
// The good rows are written in one transaction (bulk_writer.h): a crash or a kill during the
// import leaves the ledger as it was before.
#pragma once

#include "ledger/bulk_writer.h"
#include "ledger/records_csv.h"

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger {

struct RosterIssue {
    std::size_t row = 0;  // line number in the file
    std::string column;   // header name ("" when the whole row is wrong)
    std::string reason;   // English
};

enum class RosterMode { AllOrNothing, Partial };

struct RosterImportOptions {
    RosterMode mode = RosterMode::AllOrNothing;
    CivilDate today;  // bounds birth and start dates; the default start date
    std::string at;   // when recorded, UTC "YYYY-MM-DDTHH:MM:SSZ"
    // Called after each row is written inside the transaction (progress; tests use it to
    // interrupt an import half-way).
    std::function<void(std::size_t row)> afterRow;
};

struct RosterImportResult {
    std::size_t rowsRead = 0;  // data rows read (the header not counted)
    std::size_t imported = 0;  // people recorded
    std::vector<RosterIssue> issues;
    std::vector<std::string> header;         // as read, for the reject file
    std::vector<CsvRecord> rejectedRecords;  // bad rows as read (partial mode)
    bool ok() const { return issues.empty(); }
};

// Checks and (unless all-or-nothing with issues) records the roster in `csv`.
RosterImportResult importRoster(BulkWriter& writer, SqliteDb& db, std::string_view csv,
                                const RosterImportOptions& options);

// The rejected rows with two more columns, reject_row and reject_reason (UTF-8 with BOM);
// the id_number column masked (maskDocumentText), like every report of the import: its issues
// name documents only in their masked form too.
void writeRosterRejects(std::ostream& out, const RosterImportResult& result);

}  // namespace drillbase::ledger
