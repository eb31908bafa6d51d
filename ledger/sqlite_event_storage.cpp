#include "ledger/sqlite_event_storage.h"

#include "ledger/checkpoint.h"

namespace drillbase::ledger {

namespace {

// The event table is the ledger; every other table is derived from it and can be rebuilt.
// The triggers make the database itself refuse to rewrite history, so a clerk with a generic
// SQLite browser cannot "fix" a record in place: corrections are new compensating events.
// They do not stop someone who drops them; that is what the hash chain and verify() are for.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS ledger_meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events(
  seq       INTEGER PRIMARY KEY,
  event_id  TEXT NOT NULL UNIQUE,
  kind      TEXT NOT NULL,
  at        TEXT NOT NULL,
  payload   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'ledger events are append-only: UPDATE refused; record a correction event');
END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'ledger events are append-only: DELETE refused; record a correction event');
END;
-- Only the next sequence number may be inserted: this also stops INSERT OR REPLACE from
-- overwriting an old event, which would otherwise bypass the DELETE trigger.
CREATE TRIGGER IF NOT EXISTS events_append_only BEFORE INSERT ON events
WHEN NEW.seq <> (SELECT COALESCE(MAX(seq), 0) + 1 FROM events)
BEGIN
  SELECT RAISE(ABORT, 'ledger events are append-only: seq must follow the last event');
END;
)sql";

constexpr const char* kSignatureSchema = R"sql(
-- One row per committed write (batch_signature.h). Append-only like the events, and each batch
-- must start right after the one before, so the batches tile the log.
CREATE TABLE IF NOT EXISTS event_signatures(
  last_seq   INTEGER PRIMARY KEY,
  first_seq  INTEGER NOT NULL,
  head_hash  TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature  TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS event_signatures_no_update BEFORE UPDATE ON event_signatures
BEGIN
  SELECT RAISE(ABORT, 'ledger signatures are append-only: UPDATE refused');
END;
CREATE TRIGGER IF NOT EXISTS event_signatures_no_delete BEFORE DELETE ON event_signatures
BEGIN
  SELECT RAISE(ABORT, 'ledger signatures are append-only: DELETE refused');
END;
CREATE TRIGGER IF NOT EXISTS event_signatures_tile BEFORE INSERT ON event_signatures
WHEN NEW.first_seq <> (SELECT COALESCE(MAX(last_seq), 0) + 1 FROM event_signatures)
  OR NEW.last_seq < NEW.first_seq
BEGIN
  SELECT RAISE(ABORT, 'ledger signatures must cover the events right after the last signed one');
END;
)sql";

constexpr const char* kSignatureColumns =
    "SELECT first_seq, last_seq, head_hash, public_key, signature FROM event_signatures ";

BatchSignature readSignature(const Statement& st) {
    return BatchSignature{st.columnInt(0), st.columnInt(1), st.columnText(2), st.columnText(3),
                          st.columnText(4)};
}

StoredEvent readRow(const Statement& st) {
    return StoredEvent{st.columnInt(0),  st.columnText(1), st.columnText(2), st.columnText(3),
                       st.columnText(4), st.columnText(5), st.columnText(6)};
}

}  // namespace

void SqliteEventStorage::createSchema() {
    db_.exec(kSchema);
    db_.exec(kSignatureSchema);
}

bool SqliteEventStorage::hasSignatureTable() {
    auto st = db_.prepare(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_signatures'");
    return st.step();
}

// Made by the first signature of a ledger created before signatures existed. Only the
// signature table: re-creating the events' triggers here would hide from verify that someone
// dropped them.
void SqliteEventStorage::ensureSignatureTable() {
    if (!hasSignatureTable()) db_.exec(kSignatureSchema);
}

std::optional<BatchSignature> SqliteEventStorage::lastSignature() {
    if (!hasSignatureTable()) return std::nullopt;  // read paths never write
    auto st = db_.prepare(std::string(kSignatureColumns) + "ORDER BY last_seq DESC LIMIT 1");
    if (!st.step()) return std::nullopt;
    return readSignature(st);
}

void SqliteEventStorage::insertSignature(const BatchSignature& s) {
    ensureSignatureTable();
    auto st = db_.prepare(
        "INSERT INTO event_signatures(first_seq, last_seq, head_hash, public_key, signature) "
        "VALUES(?, ?, ?, ?, ?)");
    st.bind(1, s.firstSeq).bind(2, s.lastSeq).bind(3, s.headHash).bind(4, s.publicKey);
    st.bind(5, s.signature);
    st.step();
}

void SqliteEventStorage::scanSignatures(const std::function<bool(const BatchSignature&)>& visit) {
    if (!hasSignatureTable()) return;  // a ledger from before signatures
    auto st = db_.prepare(std::string(kSignatureColumns) + "ORDER BY last_seq");
    while (st.step())
        if (!visit(readSignature(st))) return;
}

void SqliteEventStorage::beforeCommit(std::function<void(EventStorage&)> seal) {
    db_.beforeCommit("ledger-seal", [seal = std::move(seal)](SqliteDb& db) {
        SqliteEventStorage storage(db);
        seal(storage);
    });
    // After the seal: a checkpoint signs a head that is itself signed.
    db_.beforeCommit("ledger-checkpoint", [](SqliteDb& db) { checkpointIfDue(db); });
    // A connection that wrote leaves a checkpoint of its last head when it closes.
    db_.onClose("ledger-close-checkpoint", [](SqliteDb& db) {
        // Short: another writer holding the lock means a close checkpoint of its own soon.
        sqlite3_busy_timeout(db.handle(), 250);
        checkpointAtClose(db);
    });
}

std::optional<SigningKey> SqliteEventStorage::signingKey() {
    return loadSigningKey(signingKeyFileFor(db_.file()));
}

SigningKey SqliteEventStorage::signingKeyOrCreate() {
    return loadOrCreateSigningKey(signingKeyFileFor(db_.file()));
}

std::string SqliteEventStorage::signingKeyLocation() {
    return signingKeyFileFor(db_.file()).string();
}

std::optional<std::string> SqliteEventStorage::meta(const std::string& key) {
    auto st = db_.prepare("SELECT value FROM ledger_meta WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.columnText(0);
}

void SqliteEventStorage::setMeta(const std::string& key, const std::string& value) {
    auto st = db_.prepare(
        "INSERT INTO ledger_meta(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    st.step();
}

void SqliteEventStorage::inTransaction(const std::function<void()>& body) {
    Transaction tx(db_);  // BEGIN IMMEDIATE: the read of the last hash and the insert are atomic
    body();
    tx.commit();
}

std::optional<StoredEvent> SqliteEventStorage::lastEvent() {
    auto st = db_.prepare(
        "SELECT seq, event_id, kind, at, payload, prev_hash, hash FROM events "
        "ORDER BY seq DESC LIMIT 1");
    if (!st.step()) return std::nullopt;
    return readRow(st);
}

void SqliteEventStorage::insert(const StoredEvent& e) {
    auto st = db_.prepare(
        "INSERT INTO events(seq, event_id, kind, at, payload, prev_hash, hash) "
        "VALUES(?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, e.seq).bind(2, e.eventId).bind(3, e.kind).bind(4, e.at);
    st.bind(5, e.payload).bind(6, e.prevHash).bind(7, e.hash);
    st.step();
}

void SqliteEventStorage::scan(std::int64_t fromSeq,
                              const std::function<bool(const StoredEvent&)>& visit) {
    auto st = db_.prepare(
        "SELECT seq, event_id, kind, at, payload, prev_hash, hash FROM events "
        "WHERE seq >= ? ORDER BY seq");
    st.bind(1, fromSeq);
    while (st.step())
        if (!visit(readRow(st))) return;
}

bool SqliteEventStorage::appendOnlyGuardsPresent() {
    auto st = db_.prepare(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' AND "
        "name IN ('events_no_update', 'events_no_delete', 'events_append_only')");
    return st.step() && st.columnInt(0) == 3;
}

}  // namespace drillbase::ledger
