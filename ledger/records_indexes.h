// records_indexes.h — indexes on the derived tables for the queries of records in and out:
// a person's archive (every record of one person) and certificates expiring soon.
// Why a separate migration: the derived tables (projections.h) are a rebuildable cache, so
// an index is only a speed matter and can be added to an existing database at any time.
#pragma once

#include "ledger/sqlite_db.h"

namespace drillbase::ledger {

// Idempotent (CREATE INDEX IF NOT EXISTS); the derived tables must exist.
void createRecordsIndexes(SqliteDb& db);

}  // namespace drillbase::ledger
