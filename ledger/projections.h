// projections.h — the queryable tables derived from the events: organisations, people,
// roles, training, assessments, certificates, certificate_reviews, certificate_events (each
// certificate's status history: issued, reviewed, suspended, reinstated, revoked, cancelled).
// Why derived: the events are the only record that is tamper-evident; these tables are a
// cache for queries and can always be dropped and rebuilt from the log. They carry no
// append-only triggers for that reason. An EventVoided event removes the voided event's
// effect, which a full rebuild makes exact.
#pragma once

#include "ledger/event_store.h"
#include "ledger/sqlite_db.h"

#include <span>
#include <vector>

namespace drillbase::ledger {

// The shape of the derived tables. Bump it whenever a table gains or changes a column:
// createSchema() then drops the tables of an older database and the next catchUp() rebuilds
// them from the events. 2: organisations gained region, town, supervision_level, risk_colour.
// 3: training gained provider, instructor; certificates gained cancelled; certificate_events.
inline constexpr int kProjectionSchemaVersion = 3;

// The names of the derived tables, in the order they are created; their columns are whatever
// the schema declares (projection_audit.cpp reads them back from SQLite, so the schema text
// stays the one description of them).
std::span<const char* const> projectionTables();

// One writer at a time, by construction: every change to the derived tables happens inside a
// write transaction (BEGIN IMMEDIATE, or a savepoint inside the writer's own one), and the
// high-water mark (ledger_meta projected_through) is read inside it too. A catch-up can
// therefore never start from a mark another process has since moved, the mark never moves
// backwards (it is only ever raised, in one statement), and re-applying an event already
// projected changes nothing (every derived row is keyed by its event), so a database jammed by
// an older version (mark behind its rows) heals on the next catch-up.
class Projections {
public:
    explicit Projections(SqliteDb& db) : db_(db) {}

    // Creates the tables; when ledger_meta's projection_schema is older than
    // kProjectionSchemaVersion (absent = 1), drops them first and resets projected_through,
    // so the caller's next catchUp() replays every event.
    void createSchema();
    int schemaVersion();
    // Applies every event after the last one projected, in one write transaction (its own, or
    // a savepoint inside the caller's); rebuilds everything when the new events include a void.
    // Takes no lock when the tables are already up to date (a reader such as an export).
    // Events that break a uniqueness rule of the tables (a second registration of one document
    // written by an older version) stay in the log and are not projected.
    void catchUp(const EventStore& store);
    // Called by a writer inside its transaction, right after appending events firstNewSeq..head:
    // brings the tables up to date with them before the commit, so the events and what is
    // derived from them are durable together. Unlike catchUp(), a new event that breaks a
    // uniqueness rule (a document or certificate number already registered) throws DbError
    // (isUniqueViolation()), and the caller's transaction must roll back: the database, not a
    // read before the write, keeps identity numbers unique.
    void projectAppended(const EventStore& store, std::int64_t firstNewSeq);
    // Empties the derived tables and applies the whole log again.
    void rebuild(const EventStore& store);
    std::int64_t projectedThrough();
    // True when the mark has reached the last event (one read, one snapshot).
    bool upToDate();

private:
    // strictFrom: events with seq >= strictFrom are applied without tolerating duplicates.
    void catchUpFrom(const EventStore& store, std::int64_t strictFrom);
    void apply(const StoredEvent& e, bool strict);
    void addCertificateEvent(const StoredEvent& e, const std::string& certificateId,
                             const std::string& date, std::string_view change,
                             const nlohmann::json& payload);
    void clear();
    void rebuildInside(const EventStore& store, std::int64_t strictFrom);
    void keepSigned(const EventStore& store, std::vector<StoredEvent>& events,
                    std::int64_t strictFrom);
    void raiseMark(std::int64_t seq);

    SqliteDb& db_;
};

}  // namespace drillbase::ledger
