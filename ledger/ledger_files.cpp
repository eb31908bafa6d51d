#include "ledger/ledger_files.h"

#include "ledger/identity_document.h"
#include "ledger/sqlite_event_storage.h"

namespace drillbase::ledger {

namespace fs = std::filesystem;

fs::path lookupKeyFileFor(const fs::path& dbFile) {
    return fs::path(dbFile.string() + ".key");
}

std::string randomBaseId() {
    return "base-" + LookupKey::generate().hex().substr(0, 16);
}

std::string initializeLedgerIfNeeded(SqliteDb& db, const fs::path& dbFile) {
    SqliteEventStorage storage(db);
    std::optional<std::string> existing;
    try {
        existing = storage.meta("base_id");
    } catch (const DbError&) {
        // No ledger tables yet: a new database.
    }
    const std::string baseId = existing.value_or(randomBaseId());
    if (!existing) EventStore::initialize(storage, baseId);
    loadOrCreateLookupKey(lookupKeyFileFor(dbFile));
    return baseId;
}

std::unique_ptr<Ledger> openLedgerFiles(SqliteDb& db, const fs::path& dbFile,
                                        const fs::path& contentDir) {
    const auto keyFile = lookupKeyFileFor(dbFile);
    if (!fs::exists(keyFile))
        throw std::runtime_error("the look-up key " + keyFile.string() +
                                 " is missing; without it people already recorded cannot be "
                                 "found again");
    return std::make_unique<Ledger>(
        db, loadOrCreateLookupKey(keyFile), loadIndustriesFile(contentDir / "industries.json"),
        loadCertificationRulesFile(contentDir / "certification-rules.json"),
        loadTrainingKindsFile(contentDir / "training-kinds.json"));
}

}  // namespace drillbase::ledger
