#include "ledger/projection_seal.h"

#include "ledger/canonical_json.h"
#include "ledger/projection_audit.h"
#include "ledger/signing_key.h"
#include "ledger/sqlite_event_storage.h"

#include <nlohmann/json.hpp>

namespace drillbase::ledger {

namespace {

constexpr const char* kPrefix = "drillbase-ledger-projections-v1\n";

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS projection_seals(
  number     INTEGER PRIMARY KEY,
  through    INTEGER NOT NULL,
  tables     TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature  TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS projection_seals_no_update BEFORE UPDATE ON projection_seals
BEGIN
  SELECT RAISE(ABORT, 'projection seals are append-only: UPDATE refused');
END;
CREATE TRIGGER IF NOT EXISTS projection_seals_no_delete BEFORE DELETE ON projection_seals
BEGIN
  SELECT RAISE(ABORT, 'projection seals are append-only: DELETE refused');
END;
)sql";

bool tableExists(SqliteDb& db, const char* name) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, std::string_view(name));
    return st.step();
}

nlohmann::json currentTables(SqliteDb& db) {
    nlohmann::json tables = nlohmann::json::object();
    for (const auto& d : projectionTableDigests(db))
        tables[d.table] = d.rows == 0 ? std::string("empty") : d.sha256;
    return tables;
}

std::int64_t mark(SqliteDb& db) {
    auto st = db.prepare("SELECT value FROM ledger_meta WHERE key = 'projected_through'");
    return st.step() ? std::stoll(st.columnText(0)) : 0;
}

std::string signedBytes(const std::string& baseId, const nlohmann::json& tables,
                        std::int64_t through) {
    return kPrefix +
           canonicalJson({{"base_id", baseId}, {"tables", tables}, {"through", through}});
}

void seal(SqliteDb& db) {
    SqliteEventStorage storage(db);
    const auto key = storage.signingKey();
    if (!key) return;
    db.exec(kSchema);
    const auto tables = currentTables(db);
    const auto through = mark(db);
    const auto baseId = storage.meta("base_id").value_or("");
    auto last = db.prepare(
        "SELECT tables, through FROM projection_seals ORDER BY number DESC LIMIT 1");
    if (last.step() && last.columnText(0) == canonicalJson(tables) && last.columnInt(1) == through)
        return;  // nothing changed since the newest seal
    auto ins = db.prepare(
        "INSERT INTO projection_seals(through, tables, public_key, signature) VALUES(?, ?, ?, ?)");
    ins.bind(1, through).bind(2, canonicalJson(tables)).bind(3, key->publicKeyHex());
    ins.bind(4, key->signHex(signedBytes(baseId, tables, through)));
    ins.step();
}

}  // namespace

void requestProjectionSeal(SqliteDb& db) {
    db.beforeCommit("projection-seal", [](SqliteDb& d) { seal(d); });
}

ProjectionSealCheck checkProjectionSeal(SqliteDb& db) {
    ProjectionSealCheck c;
    SqliteEventStorage storage(db);
    auto fail = [&](SealProblem problem, std::string table, std::string message) {
        c.ok = false;
        c.problem = problem;
        c.table = std::move(table);
        c.message = std::move(message) +
                    "; the records are not served. Run `drillctl ledger verify` to see the "
                    "difference and `drillctl ledger rebuild` to restore the tables from the "
                    "events.";
        return c;
    };
    if (!tableExists(db, "projection_seals") ||
        !db.prepare("SELECT 1 FROM projection_seals LIMIT 1").step()) {
        // Seals began with signatures: a signed ledger without one has had them removed.
        if (storage.lastSignature())
            return fail(SealProblem::SealsRemoved, "", "the derived tables carry no seal of the base, though its events "
                            "are signed: the seals were removed");
        return c;
    }
    c.sealed = true;
    auto st = db.prepare(
        "SELECT through, tables, public_key, signature FROM projection_seals "
        "ORDER BY number DESC LIMIT 1");
    st.step();
    const auto through = st.columnInt(0);
    const std::string tablesText = st.columnText(1);
    const std::string publicKey = st.columnText(2);
    const std::string signature = st.columnText(3);
    std::string trusted;
    if (const auto key = storage.signingKey())
        trusted = key->publicKeyHex();
    else if (const auto recorded = storage.meta("signing_public_key"))
        trusted = *recorded;
    nlohmann::json sealedTables;
    try {
        sealedTables = nlohmann::json::parse(tablesText);
    } catch (const nlohmann::json::exception&) {
        return fail(SealProblem::SealNotSigned, "", "the newest seal of the derived tables is damaged");
    }
    if (publicKey != trusted ||
        !verifySignatureHex(signedBytes(storage.meta("base_id").value_or(""), sealedTables, through),
                            signature, publicKey))
        return fail(SealProblem::SealNotSigned, "", "the newest seal of the derived tables is not signed by the base's key");
    const auto now = currentTables(db);
    for (const auto& [table, digest] : now.items())
        if (!sealedTables.contains(table) || sealedTables[table] != digest)
            return fail(SealProblem::TableChanged, table, "the derived table " + table +
                                   " was changed after the base last sealed it (by hand, "
                                   "outside the ledger)");
    return c;
}

}  // namespace drillbase::ledger
