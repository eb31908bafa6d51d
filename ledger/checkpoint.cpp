#include "ledger/checkpoint.h"

#include "ledger/batch_signature.h"
#include "ledger/canonical_json.h"
#include "ledger/checkpoint_log.h"
#include "ledger/event_store.h"
#include "ledger/sha256.h"
#include "ledger/sqlite_event_storage.h"

namespace drillbase::ledger {

namespace {

constexpr const char* kFormat = "drillbase-ledger-checkpoints";
constexpr int kExportVersion = 2;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS ledger_checkpoints(
  number      INTEGER PRIMARY KEY,
  seq         INTEGER NOT NULL,
  head_hash   TEXT NOT NULL,
  event_count INTEGER NOT NULL,
  at          TEXT NOT NULL,
  base_id     TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  signature   TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS checkpoints_no_update BEFORE UPDATE ON ledger_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'ledger checkpoints are append-only: UPDATE refused');
END;
CREATE TRIGGER IF NOT EXISTS checkpoints_no_delete BEFORE DELETE ON ledger_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'ledger checkpoints are append-only: DELETE refused');
END;
)sql";

// Version 2 added the chain of checkpoints; older tables gain the columns, their rows stay v1.
constexpr const char* kUpgrade = R"sql(
ALTER TABLE ledger_checkpoints ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE ledger_checkpoints ADD COLUMN prev TEXT NOT NULL DEFAULT '';
)sql";

constexpr const char* kZeros = "0000000000000000000000000000000000000000000000000000000000000000";

constexpr const char* kColumns =
    "SELECT number, seq, head_hash, event_count, at, base_id, public_key, signature, version, "
    "prev FROM ledger_checkpoints ";
// The same from a table written before version 2 (read paths never upgrade it).
constexpr const char* kColumnsV1 =
    "SELECT number, seq, head_hash, event_count, at, base_id, public_key, signature, 1, '' "
    "FROM ledger_checkpoints ";

std::string label(std::int64_t number) {
    return "checkpoint " + std::to_string(number);
}

// What a reader may select: nullptr when there is no table yet.
const char* readColumns(SqliteDb& db) {
    auto table = db.prepare(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger_checkpoints'");
    if (!table.step()) return nullptr;
    auto st = db.prepare("SELECT 1 FROM pragma_table_info('ledger_checkpoints') WHERE name='prev'");
    return st.step() ? kColumns : kColumnsV1;
}

void ensureSchema(SqliteDb& db) {
    db.exec(kSchema);
    auto st = db.prepare("SELECT 1 FROM pragma_table_info('ledger_checkpoints') WHERE name='prev'");
    if (!st.step()) db.exec(kUpgrade);
}

Checkpoint readRow(const Statement& st) {
    Checkpoint c;
    c.number = st.columnInt(0);
    c.seq = st.columnInt(1);
    c.headHash = st.columnText(2);
    c.eventCount = st.columnInt(3);
    c.at = st.columnText(4);
    c.baseId = st.columnText(5);
    c.publicKey = st.columnText(6);
    c.signature = st.columnText(7);
    c.version = static_cast<int>(st.columnInt(8));
    c.prev = st.columnText(9);
    return c;
}

std::optional<Checkpoint> lastRow(SqliteDb& db) {
    const char* columns = readColumns(db);
    if (!columns) return std::nullopt;
    auto st = db.prepare(std::string(columns) + "ORDER BY number DESC LIMIT 1");
    if (!st.step()) return std::nullopt;
    return readRow(st);
}

// Signs `head` as the next checkpoint and stores it, inside the caller's write transaction;
// after the commit it is appended to the checkpoint log beside the database.
Checkpoint storeSigned(SqliteDb& db, const SigningKey& key, const std::string& at,
                       const StoredEvent& head, const std::string& baseId) {
    const auto previous = lastRow(db);
    Checkpoint c;
    c.number = previous ? previous->number + 1 : 1;
    c.seq = head.seq;
    c.eventCount = head.seq;
    c.headHash = head.hash;
    c.at = at;
    c.baseId = baseId;
    c.publicKey = key.publicKeyHex();
    c.prev = previous ? previous->digest() : kZeros;
    c.signature = key.signHex(c.signedBytes());
    auto ins = db.prepare(
        "INSERT INTO ledger_checkpoints(number, seq, head_hash, event_count, at, base_id, "
        "public_key, signature, version, prev) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, c.number).bind(2, c.seq).bind(3, c.headHash).bind(4, c.eventCount);
    ins.bind(5, c.at).bind(6, c.baseId).bind(7, c.publicKey).bind(8, c.signature);
    ins.bind(9, std::int64_t{c.version}).bind(10, c.prev);
    ins.step();
    // One hook per transaction, after its commit: every checkpoint the log lacks, so a line
    // lost to a crash between an earlier commit and its append is filled in by the next one.
    db.afterCommit("checkpoint-log", [](SqliteDb& d) { catchUpCheckpointLog(d); });
    return c;
}

// The ledger's own key (batch_signature.h); a checkpoint signed with another would not verify
// against what inspectors noted.
void requireLedgerKey(EventStorage& storage, const SigningKey& key) {
    const auto recorded = storage.meta("signing_public_key");
    if (recorded && *recorded != key.publicKeyHex())
        throw CheckpointError("the key " + key.publicKeyHex() + " is not this ledger's key (" +
                              *recorded + ")");
}

}  // namespace

void catchUpCheckpointLog(SqliteDb& db) {
    const auto log = checkpointLogFor(db.file());
    const auto newest = lastCheckpointInLog(log);
    const char* columns = readColumns(db);
    if (!columns) return;
    auto st = db.prepare(std::string(columns) + "WHERE number > ? ORDER BY number");
    st.bind(1, newest);
    while (st.step()) appendToCheckpointLog(log, readRow(st));
}

std::string Checkpoint::signedBytes() const {
    nlohmann::json content = {{"at", at},
                              {"base_id", baseId},
                              {"event_count", eventCount},
                              {"head_hash", headHash},
                              {"number", number},
                              {"seq", seq}};
    if (version >= 2) content["prev"] = prev;
    return (version >= 2 ? "drillbase-ledger-checkpoint-v2\n"
                         : "drillbase-ledger-checkpoint-v1\n") +
           canonicalJson(content);
}

std::string Checkpoint::digest() const {
    return sha256Hex(signedBytes() + "\n" + signature);
}

nlohmann::json Checkpoint::toJson() const {
    nlohmann::json j = {
        {"version", version},    {"number", number},          {"seq", seq},
        {"head_hash", headHash}, {"event_count", eventCount}, {"at", at},
        {"base_id", baseId},     {"public_key", publicKey},   {"signature", signature}};
    if (version >= 2) j["prev"] = prev;
    return j;
}

std::optional<Checkpoint> Checkpoint::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) return std::nullopt;
    auto integer = [&](const char* k) { return j.contains(k) && j[k].is_number_integer(); };
    auto text = [&](const char* k) { return j.contains(k) && j[k].is_string(); };
    if (!integer("number") || !integer("seq") || !integer("event_count") || !text("head_hash") ||
        !text("at") || !text("base_id") || !text("public_key") || !text("signature"))
        return std::nullopt;
    Checkpoint c;
    c.version = 1;
    if (j.contains("version")) {
        if (!integer("version") || (j["version"] != 1 && j["version"] != 2)) return std::nullopt;
        c.version = j["version"].get<int>();
    }
    if (c.version >= 2) {
        if (!text("prev")) return std::nullopt;
        c.prev = j["prev"].get<std::string>();
    }
    c.number = j["number"].get<std::int64_t>();
    c.seq = j["seq"].get<std::int64_t>();
    c.eventCount = j["event_count"].get<std::int64_t>();
    c.headHash = j["head_hash"].get<std::string>();
    c.at = j["at"].get<std::string>();
    c.baseId = j["base_id"].get<std::string>();
    c.publicKey = j["public_key"].get<std::string>();
    c.signature = j["signature"].get<std::string>();
    return c;
}

// Reads only: the table is made (or upgraded) by the first checkpoint written, so verify never
// writes to the database it checks, nor re-creates triggers someone dropped.
CheckpointBook::CheckpointBook(SqliteDb& db) : db_(db) {
    SqliteEventStorage storage(db_);
    EventStore store(storage);  // throws EventStoreError when the ledger is not initialised
}

Checkpoint CheckpointBook::create(const SigningKey& key, const std::string& at) {
    if (!isValidUtcTimestamp(at))
        throw CheckpointError("checkpoint time \"" + at + "\" is not YYYY-MM-DDTHH:MM:SSZ");
    SqliteEventStorage storage(db_);
    const EventStore store(storage);
    Checkpoint c;
    // One write transaction: no event can be appended between reading the head and storing
    // the checkpoint, and two checkpoints cannot take the same number.
    Transaction tx(db_);
    ensureSchema(db_);
    requireLedgerKey(storage, key);
    const auto result = store.verify(key.publicKeyHex());
    if (!result.ok()) throw CheckpointError("not signing a broken chain: " + result.message());
    if (result.eventsChecked == 0) throw CheckpointError("the ledger has no events to sign");
    c = storeSigned(db_, key, at, *storage.lastEvent(), store.baseId());
    tx.commit();
    return c;
}

std::vector<Checkpoint> CheckpointBook::list() {
    std::vector<Checkpoint> out;
    const char* columns = readColumns(db_);
    if (!columns) return out;
    auto st = db_.prepare(std::string(columns) + "ORDER BY number");
    while (st.step()) out.push_back(readRow(st));
    return out;
}

std::optional<Checkpoint> CheckpointBook::last() {
    return lastRow(db_);
}

void checkpointIfDue(SqliteDb& db) {
    SqliteEventStorage storage(db);
    const auto head = storage.lastEvent();
    const auto signedBatch = storage.lastSignature();
    const auto key = storage.signingKey();
    // Only a head this very write has signed: the checkpoint relies on that signature.
    if (!head || !key || !signedBatch || signedBatch->lastSeq != head->seq) return;
    ensureSchema(db);
    const auto previous = lastRow(db);
    if (previous && head->seq - previous->seq < kCheckpointEveryEvents) return;
    if (!previous && head->seq < kCheckpointEveryEvents) return;
    storeSigned(db, *key, head->at, *head, storage.meta("base_id").value_or(""));
}

bool checkpointAtClose(SqliteDb& db) {
    SqliteEventStorage storage(db);
    const auto key = storage.signingKey();
    if (!key) return false;
    Transaction tx(db);
    ensureSchema(db);
    const auto head = storage.lastEvent();
    const auto signedBatch = storage.lastSignature();
    const auto previous = lastRow(db);
    // Nothing new, or a head the base has not signed (that is for verify to report).
    if (!head || !signedBatch || signedBatch->lastSeq != head->seq ||
        signedBatch->headHash != head->hash || (previous && previous->seq >= head->seq))
        return false;
    if (!verifySignatureHex(batchSignedBytes(storage.meta("base_id").value_or(""), *signedBatch),
                            signedBatch->signature, key->publicKeyHex()))
        return false;
    storeSigned(db, *key, head->at, *head, storage.meta("base_id").value_or(""));
    tx.commit(false);
    return true;
}

nlohmann::json exportCheckpoints(const std::vector<Checkpoint>& checkpoints,
                                 const std::string& baseId, const std::string& publicKey) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : checkpoints) list.push_back(c.toJson());
    return {{"format", kFormat},
            {"version", kExportVersion},
            {"algorithm", "Ed25519"},
            {"signed_bytes",
             std::string("version 2: \"drillbase-ledger-checkpoint-v2\\n\" + canonical JSON of "
                         "{at, base_id, event_count, head_hash, number, prev, seq}; prev = "
                         "SHA-256 hex of the previous checkpoint's signed bytes, \"\\n\" and its "
                         "signature (64 zeros for the first). version 1: \"...-v1\\n\" and the "
                         "object without prev")},
            {"base_id", baseId},
            {"public_key", publicKey},
            {"checkpoints", std::move(list)}};
}

CheckpointVerification verifyCheckpoints(const nlohmann::json& exported, SqliteDb& db,
                                         const std::optional<std::string>& trustedPublicKey) {
    CheckpointVerification v;
    auto fail = [&](const std::string& why) {
        v.message = why;
        return v;
    };
    // Typed look-ups: a field of the wrong type is a bad file (exit 1), not an exception.
    auto field = [&](const char* key) -> const nlohmann::json* {
        return exported.is_object() && exported.contains(key) ? &exported[key] : nullptr;
    };
    const auto* format = field("format");
    const auto* version = field("version");
    const auto* list = field("checkpoints");
    const auto* filePublicKey = field("public_key");
    if (!format || *format != kFormat || !list || !list->is_array())
        return fail("not a drillbase checkpoint export (format \"" + std::string(kFormat) +
                    "\" with a checkpoints list expected)");
    if (!version || (*version != 1 && *version != 2))
        return fail("checkpoint export version is not 1 or 2; this drillctl reads those only");
    if (list->empty()) return fail("the export holds no checkpoints");
    if (!trustedPublicKey && (!filePublicKey || !filePublicKey->is_string()))
        return fail("the export names no public key; pass the base's key explicitly");
    std::vector<Checkpoint> checkpoints;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto c = Checkpoint::fromJson((*list)[i]);
        if (!c) return fail("entry " + std::to_string(i + 1) + " of the export is malformed");
        checkpoints.push_back(*c);
    }
    return verifyCheckpointList(
        checkpoints, db, trustedPublicKey ? *trustedPublicKey : filePublicKey->get<std::string>(),
        false);
}

CheckpointVerification verifyCheckpointList(const std::vector<Checkpoint>& list, SqliteDb& db,
                                            const std::string& trusted, bool contiguous) {
    CheckpointVerification v;
    auto fail = [&](std::int64_t number, const std::string& why) {
        v.failedNumber = number;
        v.message = (number > 0 ? label(number) + " failed: " : std::string()) + why;
        return v;
    };
    SqliteEventStorage storage(db);
    const EventStore store(storage);
    const auto chain = store.verify(trusted);
    v.chainIntact = chain.ok();
    // The stored hash of an event, read only where the chain up to it is intact.
    auto hashAt = [&](std::int64_t seq) -> std::optional<std::string> {
        std::optional<std::string> hash;
        storage.scan(seq, [&](const StoredEvent& e) {
            if (e.seq == seq) hash = e.hash;
            return false;
        });
        return hash;
    };
    const Checkpoint* before = nullptr;
    for (const auto& cp : list) {
        const auto* c = &cp;
        if (contiguous && c->number != (before ? before->number + 1 : 1))
            return fail(c->number, "checkpoints are numbered " +
                                       (before ? std::to_string(before->number) : "0") + ", then " +
                                       std::to_string(c->number) + ": checkpoints were removed");
        if (c->publicKey != trusted)
            return fail(c->number,
                        "signed with key " + c->publicKey + ", not the trusted key " + trusted);
        if (!verifySignatureHex(c->signedBytes(), c->signature, c->publicKey))
            return fail(c->number,
                        "the signature does not match the checkpoint's content "
                        "(the export was edited, or signed by another key)");
        if (c->version >= 2 && before && before->number + 1 == c->number &&
            c->prev != before->digest())
            return fail(c->number, "its link to " + label(before->number) +
                                       " does not match: a checkpoint between them was replaced");
        if (c->version >= 2 && c->number == 1 && c->prev != kZeros)
            return fail(c->number, "the first checkpoint links to a checkpoint before it");
        if (c->baseId != store.baseId())
            return fail(c->number, "signed for base \"" + c->baseId +
                                       "\", but this ledger is base \"" + store.baseId() + "\"");
        if (c->eventCount != c->seq)
            return fail(c->number, "event count " + std::to_string(c->eventCount) +
                                       " does not match seq " + std::to_string(c->seq));
        // The signed head first: it is what the checkpoint is for, and says the most.
        const auto stored = hashAt(c->seq);
        if (!stored)
            return fail(c->number,
                        "the ledger has " +
                            std::to_string(storage.lastEvent() ? storage.lastEvent()->seq : 0) +
                            " event(s), but the checkpoint signed " + std::to_string(c->seq) +
                            ": events were removed");
        if (*stored != c->headHash)
            return fail(c->number, "event " + std::to_string(c->seq) + " has hash " + *stored +
                                       " but the signed head was " + c->headHash +
                                       ": history up to event " + std::to_string(c->seq) +
                                       " was rewritten");
        if (!chain.ok() && chain.brokenSeq <= c->seq) return fail(c->number, chain.message());
        ++v.checked;
        before = c;
    }
    v.ok = true;
    v.message = "all " + std::to_string(v.checked) + " checkpoint(s) verified against " +
                store.baseId() + "; chain " + (chain.ok() ? "intact" : "broken after them") + " (" +
                chain.message() + ")";
    return v;
}

}  // namespace drillbase::ledger
