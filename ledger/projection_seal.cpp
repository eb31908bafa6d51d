#include "ledger/projection_seal.h"

#include "ledger/canonical_json.h"
#include "ledger/projection_audit.h"
#include "ledger/sha256.h"
#include "ledger/signing_key.h"
#include "ledger/sqlite_event_storage.h"

#include <nlohmann/json.hpp>

#include <vector>

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
CREATE TRIGGER IF NOT EXISTS projection_seals_next BEFORE INSERT ON projection_seals
WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM projection_seals)
BEGIN
  SELECT RAISE(ABORT, 'projection seals are numbered in order');
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

std::string signedBytes(const std::string& baseId, std::int64_t number, const std::string& prev,
                        const nlohmann::json& tables, std::int64_t through) {
    return kPrefix + canonicalJson({{"base_id", baseId},
                                    {"number", number},
                                    {"prev", prev},
                                    {"tables", tables},
                                    {"through", through}});
}

struct Seal {
    std::int64_t number = 0, through = 0;
    std::string tables, publicKey, signature;
};

// The newest seal and the one before it (for the link).
std::vector<Seal> newestSeals(SqliteDb& db) {
    std::vector<Seal> out;
    if (!tableExists(db, "projection_seals")) return out;
    auto st = db.prepare(
        "SELECT number, through, tables, public_key, signature FROM projection_seals "
        "ORDER BY number DESC LIMIT 2");
    while (st.step())
        out.push_back({st.columnInt(0), st.columnInt(1), st.columnText(2), st.columnText(3),
                       st.columnText(4)});
    return out;
}

// Each seal links to the one before by the SHA-256 of its signature, so an old seal copied
// forward under a new number has a signature over the wrong number and link.
std::string linkOf(const std::vector<Seal>& seals, std::size_t olderIndex) {
    return olderIndex < seals.size() ? sha256Hex(seals[olderIndex].signature)
                                     : std::string(64, '0');
}

bool allEmpty(const nlohmann::json& tables) {
    for (const auto& [name, digest] : tables.items())
        if (digest != "empty") return false;
    return true;
}

void seal(SqliteDb& db) {
    if (db.file() == ":memory:") return;  // the audit's scratch copy
    SqliteEventStorage storage(db);
    const auto key = storage.signingKey();
    if (!key) return;
    db.exec(kSchema);
    const auto tables = currentTables(db);
    const auto through = mark(db);
    const auto seals = newestSeals(db);
    if (!seals.empty() && seals[0].tables == canonicalJson(tables) && seals[0].through == through)
        return;  // nothing changed since the newest seal
    const std::int64_t number = seals.empty() ? 1 : seals[0].number + 1;
    const std::string prev = linkOf(seals, 0);
    auto ins = db.prepare(
        "INSERT INTO projection_seals(number, through, tables, public_key, signature) "
        "VALUES(?, ?, ?, ?, ?)");
    ins.bind(1, number).bind(2, through).bind(3, canonicalJson(tables));
    ins.bind(4, key->publicKeyHex());
    ins.bind(5, key->signHex(signedBytes(storage.meta("base_id").value_or(""), number, prev, tables,
                                         through)));
    ins.step();
}

}  // namespace

void requestProjectionSeal(SqliteDb& db) {
    db.beforeCommit(kProjectionSealHook, [](SqliteDb& d) { seal(d); });
}

ProjectionSealCheck checkProjectionSeal(SqliteDb& db) {
    ProjectionSealCheck c;
    // One snapshot for the whole check: a writer committing between the digest and the seal
    // would otherwise look like an edit by hand.
    const ReadSnapshot snapshot(db);
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
    const auto now = currentTables(db);
    const auto through = mark(db);
    const auto seals = newestSeals(db);
    if (seals.empty()) {
        // Nothing sealed yet is fine only while nothing is projected either: the next catch-up
        // applies every event and seals the result.
        if (allEmpty(now) && through == 0) return c;
        if (storage.lastSignature())
            return fail(SealProblem::SealsRemoved, "",
                        "the derived tables carry no seal of the base, though its events are "
                        "signed: the seals were removed");
        return c;  // a ledger from before signatures
    }
    c.sealed = true;
    const auto& newest = seals[0];
    std::string trusted;
    if (const auto key = storage.signingKey())
        trusted = key->publicKeyHex();
    else if (const auto recorded = storage.meta("signing_public_key"))
        trusted = *recorded;
    nlohmann::json sealedTables;
    try {
        sealedTables = nlohmann::json::parse(newest.tables);
    } catch (const nlohmann::json::exception&) {
        return fail(SealProblem::SealNotSigned, "",
                    "the newest seal of the derived tables is damaged");
    }
    if (newest.publicKey != trusted ||
        !verifySignatureHex(signedBytes(storage.meta("base_id").value_or(""), newest.number,
                                        linkOf(seals, 1), sealedTables, newest.through),
                            newest.signature, newest.publicKey))
        return fail(SealProblem::SealNotSigned, "",
                    "the newest seal of the derived tables is not signed by the base's key");
    // A mark past the seal would leave the events in between unprojected for good. A mark
    // behind it is harmless (the catch-up applies those events again, keyed by event), and a
    // mark of 0 means the next catch-up rebuilds every table from the events.
    if (through > newest.through)
        return fail(SealProblem::TableChanged, "",
                    "the derived tables' mark says event " + std::to_string(through) +
                        ", but the base sealed them at event " + std::to_string(newest.through));
    if (through == 0) return c;
    for (const auto& [table, digest] : now.items())
        if (!sealedTables.contains(table) || sealedTables[table] != digest)
            return fail(SealProblem::TableChanged, table,
                        "the derived table " + table +
                            " was changed after the base last sealed it (outside the ledger)");
    return c;
}

UntrustedTablesError::UntrustedTablesError(const ProjectionSealCheck& c)
    : std::runtime_error(c.message), problem(c.problem), table(c.table) {}

void requireSealedTables(SqliteDb& db) {
    if (const auto c = checkProjectionSeal(db); !c.ok) throw UntrustedTablesError(c);
}

}  // namespace drillbase::ledger
