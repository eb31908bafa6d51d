// projection_audit.h — checks the derived tables (projections.h) against the event log.
// Why: the events are hash-chained and verify() catches any edit to them, but queries and
// exports read the derived tables, which carry no triggers (they are a rebuildable cache). A
// revocation cleared or an issue date moved there would otherwise go unnoticed while every
// query showed the edited value. The audit rebuilds the tables from the events in a scratch
// in-memory database and compares them row by row with the stored ones, naming the first
// difference; the digests give a short fingerprint of what the tables hold.
#pragma once

#include "ledger/sqlite_db.h"

#include <cstdint>
#include <string>
#include <vector>

namespace drillbase::ledger {

// SHA-256 of one derived table: its name, its columns and every row in key order, each value
// with a type tag and a length (NULL, 4 and '4' all differ; so do 'ab','c' and 'a','bc').
struct TableDigest {
    std::string table;
    std::int64_t rows = 0;  // 0 when the table is missing (its digest then says "missing")
    std::string sha256;     // lower-case hex
};

// Every derived table's digest, in projectionTables() order. Reads only.
std::vector<TableDigest> projectionTableDigests(SqliteDb& db);
// One SHA-256 over the tables' names, row counts and digests: equal for two databases whose
// derived tables hold the same values, whatever their files' layout. The high-water mark and
// other ledger_meta bookkeeping are not part of it.
std::string projectionDigest(SqliteDb& db);

enum class ProjectionDifference {
    None,
    Value,         // a column of a row holds another value than the events give
    RowMissing,    // the events give a row the table lacks
    ExtraRow,      // the table holds a row no event gives
    TableMissing,  // a derived table is gone
    Columns,       // the table's columns are not the schema's
    MarkAhead,     // projected_through is past the last event: events were removed
};

struct ProjectionAudit {
    bool ok = true;  // no difference found (the tables may still be behind, see below)
    // The tables have not yet projected every event (projected_through < head): not tampering,
    // the next catch-up (any write, opening the ledger) applies the rest. The comparison was
    // made against the events up to projectedThrough.
    bool behind = false;
    // The tables are of an older shape, or were never created (projection_schema older than
    // kProjectionSchemaVersion): the next opening rebuilds them from the events, so there is
    // nothing to compare yet.
    bool outdated = false;
    std::int64_t projectedThrough = 0;  // ledger_meta projected_through
    std::int64_t head = 0;              // last event in the log
    int tablesChecked = 0;
    std::int64_t rowsChecked = 0;  // stored rows compared before the first difference

    // The first difference, when !ok.
    ProjectionDifference difference = ProjectionDifference::None;
    std::string table;    // "certificates"
    std::string key;      // the row's primary key: "certificate_id=base-1:7"
    std::string column;   // "revoked"
    std::string stored;   // the stored value as text: "2026-11-20" in quotes, NULL, 4
    std::string derived;  // the value the events give, in the same form

    // English, one line: `projection certificates differs at certificate_id=base-1:7: column
    // revoked is NULL but the events give "2026-11-20"`.
    std::string message() const;
};

// Rebuilds the derived tables from the events up to projected_through in an in-memory
// database and compares them with `db`'s, table by table, row by row in key order. Only reads
// `db` (its connection is query-only meanwhile), in one read transaction so that a writer in
// another process cannot move the events and the tables apart under it. The events' own chain
// is verify()'s business (event_store.h): run that first.
ProjectionAudit auditProjections(SqliteDb& db);

}  // namespace drillbase::ledger
