// ledger_files.h — the files that make up one ledger and opening them: the SQLite database,
// the look-up key beside it (identity_document.h says why it is not inside), and the rules,
// industries and training kinds from content/. Shared by drillctl and the GUI, so both open a
// ledger the same way and the GUI's embedded database is a ledger drillctl can read.
#pragma once

#include "ledger/ledger.h"
#include "ledger/sqlite_db.h"

#include <filesystem>
#include <memory>
#include <string>

namespace drillbase::ledger {

// "<database>.key"
std::filesystem::path lookupKeyFileFor(const std::filesystem::path& dbFile);

// 64 random bits, "base-<16 hex>": plenty to keep independently installed bases apart; a
// province that assigns its own ids passes one to `drillctl ledger init --base-id`.
std::string randomBaseId();

// First start of the embedded database: initialises the event store with a random base id
// and creates the look-up key when the database holds no ledger yet; leaves an initialised
// ledger as it is. Returns the base id.
std::string initializeLedgerIfNeeded(SqliteDb& db, const std::filesystem::path& dbFile);

// The ledger over `db` with the key beside `dbFile` and the content of `contentDir`. Throws
// EventStoreError (not initialised), ContentError (broken rules, industries or training
// kinds) or std::runtime_error.
std::unique_ptr<Ledger> openLedgerFiles(SqliteDb& db, const std::filesystem::path& dbFile,
                                        const std::filesystem::path& contentDir);

}  // namespace drillbase::ledger
