// projections.h — the queryable tables derived from the events: organisations, people,
// roles, training, assessments, certificates, certificate_reviews.
// Why derived: the events are the only record that is tamper-evident; these tables are a
// cache for queries and can always be dropped and rebuilt from the log. They carry no
// append-only triggers for that reason. An EventVoided event removes the voided event's
// effect, which a full rebuild makes exact.
#pragma once

#include "ledger/event_store.h"
#include "ledger/sqlite_db.h"

namespace drillbase::ledger {

class Projections {
public:
    explicit Projections(SqliteDb& db) : db_(db) {}

    void createSchema();
    // Applies every event after the last one projected (stored in ledger_meta), in one
    // transaction; rebuilds everything when the new events include a void.
    void catchUp(const EventStore& store);
    // Empties the derived tables and applies the whole log again.
    void rebuild(const EventStore& store);
    std::int64_t projectedThrough();

private:
    void apply(const StoredEvent& e);
    void clear();

    SqliteDb& db_;
};

}  // namespace drillbase::ledger
