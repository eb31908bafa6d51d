// ledger_audit.h — everything `drillctl ledger verify` checks, in one place for drillctl, the
// GUI and tests: the hash chain and the base's signature of every write (event_store.h,
// batch_signature.h), the database's own chain of checkpoints, and the checkpoint log beside
// the database (checkpoint_log.h), which holds the database to every head it ever signed, and
// the derived tables rebuilt from the events (projection_audit.h).
#pragma once

#include "ledger/sqlite_db.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::ledger {

struct LedgerAudit {
    bool ok = false;
    std::vector<std::string> findings;  // one line per check, English, in the order run
    std::string failure;                // the first failed check's line; empty when ok
};

// `trustedPublicKey`: the base's key as an inspector noted it (hex); otherwise the key file
// beside the database, otherwise the key the ledger records (each finding says which).
LedgerAudit auditLedger(SqliteDb& db, const std::optional<std::string>& trustedPublicKey);

}  // namespace drillbase::ledger
