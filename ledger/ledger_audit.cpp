#include "ledger/ledger_audit.h"

#include "ledger/checkpoint.h"
#include "ledger/checkpoint_log.h"
#include "ledger/event_store.h"
#include "ledger/projection_audit.h"
#include "ledger/projection_seal.h"
#include "ledger/sqlite_event_storage.h"

namespace drillbase::ledger {

LedgerAudit auditLedger(SqliteDb& db, const std::optional<std::string>& trustedPublicKey) {
    LedgerAudit a;
    auto fail = [&](std::string line) {
        a.findings.push_back(line);
        a.failure = std::move(line);
        return a;
    };
    SqliteEventStorage storage(db);
    const EventStore store(storage);
    const auto chain = store.verify(trustedPublicKey);
    if (!chain.ok()) return fail(chain.message());
    a.findings.push_back(chain.message());
    const std::string key = chain.publicKey;
    // A key only the database itself records proves nothing against whoever rewrote it.
    if (chain.keySource == "recorded in the ledger")
        return fail(
            "UNVERIFIED: the signatures were checked only against the key the database "
            "records, which whoever rewrote the file could have replaced; pass "
            "--public-key (the base's key as noted) or verify beside the key file");

    CheckpointBook book(db);
    const auto checkpoints = book.list();
    if (!checkpoints.empty() && !key.empty()) {
        const auto v = verifyCheckpointList(checkpoints, db, key, true);
        if (!v.ok) return fail("the ledger's checkpoints: " + v.message);
        a.findings.push_back("the ledger's checkpoints: " + std::to_string(v.checked) +
                             " checkpoint(s) signed, linked and held");
    }
    const auto log = checkpointLogFor(db.file());
    if (std::filesystem::exists(log)) {
        if (key.empty())
            return fail("the checkpoint log " + log.string() +
                        " exists, but the ledger has no signing key to check it");
        const auto v = verifyCheckpointLog(db, log, key);
        if (!v.ok) return fail("checkpoint log: " + v.message);
        a.findings.push_back("checkpoint log: " + v.message);
    } else if (!checkpoints.empty()) {
        // Deleting the log must not be a free way to hide a cut tail.
        return fail("the checkpoint log " + log.string() +
                    " is missing, though the ledger has checkpoints: it was removed (or the "
                    "database was copied without it); a cut tail can now only be found against "
                    "an exported checkpoint");
    }
    // The chain is as signed; now whether the tables queries and exports read still say what
    // the events say (an edit there leaves the chain untouched).
    const auto tables = auditProjections(db);
    if (!tables.ok) return fail(tables.message());
    a.findings.push_back(tables.message());
    const auto seal = checkProjectionSeal(db);
    if (!seal.ok) return fail(seal.message);
    if (seal.sealed) a.findings.push_back("the derived tables are as the base last sealed them");
    a.ok = true;
    return a;
}

}  // namespace drillbase::ledger
