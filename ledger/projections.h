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

namespace drillbase::ledger {

// The shape of the derived tables. Bump it whenever a table gains or changes a column:
// createSchema() then drops the tables of an older database and the next catchUp() rebuilds
// them from the events. 2: organisations gained region, town, supervision_level, risk_colour.
// 3: training gained provider, instructor; certificates gained cancelled; certificate_events.
inline constexpr int kProjectionSchemaVersion = 3;

class Projections {
public:
    explicit Projections(SqliteDb& db) : db_(db) {}

    // Creates the tables; when ledger_meta's projection_schema is older than
    // kProjectionSchemaVersion (absent = 1), drops them first and resets projected_through,
    // so the caller's next catchUp() replays every event.
    void createSchema();
    int schemaVersion();
    // Applies every event after the last one projected (stored in ledger_meta), in one
    // transaction; rebuilds everything when the new events include a void.
    void catchUp(const EventStore& store);
    // Empties the derived tables and applies the whole log again.
    void rebuild(const EventStore& store);
    std::int64_t projectedThrough();

private:
    void apply(const StoredEvent& e);
    void addCertificateEvent(const StoredEvent& e, const std::string& certificateId,
                             const std::string& date, std::string_view change,
                             const nlohmann::json& payload);
    void clear();

    SqliteDb& db_;
};

}  // namespace drillbase::ledger
