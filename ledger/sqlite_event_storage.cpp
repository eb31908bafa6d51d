#include "ledger/sqlite_event_storage.h"

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

StoredEvent readRow(const Statement& st) {
    return StoredEvent{st.columnInt(0),  st.columnText(1), st.columnText(2), st.columnText(3),
                       st.columnText(4), st.columnText(5), st.columnText(6)};
}

}  // namespace

void SqliteEventStorage::createSchema() {
    db_.exec(kSchema);
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
