// The derived tables' catch-up under concurrent writers (projections.h): its high-water mark
// never moves backwards, an event is never projected twice, a database jammed by an older
// version (mark behind its rows) heals when opened, and a document number is kept unique by
// the database, so a registration that raced past a stale check is rolled back, not kept.
#include "ledger/bulk_writer.h"
#include "ledger/ledger.h"
#include "ledger/projections.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "catchup";
const char* kOrg = "914403001922038216";

IdentityDocument resident(const char* number) {
    return *parseResidentId(number, kToday).document;
}

void setMark(SqliteDb& db, std::int64_t seq) {
    auto st = db.prepare("UPDATE ledger_meta SET value = ? WHERE key = 'projected_through'");
    st.bind(1, std::to_string(seq));
    st.step();
}

}  // namespace

TEST_CASE("catch-up never moves the mark backwards and never projects an event twice") {
    const auto file = freshDb(kDbFolder, "monotonic");
    const auto key = LookupKey::generate();
    SqliteDb db(file);
    auto ledger = openLedger(db, key);
    const auto person = ledger.registerPerson("张三", resident("11010519491231002X"), kAt);
    ledger.recordTraining(person, {2026, 11, 1}, 4, "annual", "fire drills", kAt);
    ledger.recordTraining(person, {2026, 11, 2}, 4, "annual", "first aid", kAt);

    // A second process whose view is older: it read the mark as 1 before the others wrote.
    SqliteDb other(file);
    Projections stale(other);
    SqliteEventStorage storage(other);
    const EventStore store(storage);
    CHECK(stale.projectedThrough() == 3);
    stale.catchUp(store);  // nothing to do: no lock, no change
    CHECK(stale.projectedThrough() == 3);
    CHECK(count(db, "SELECT count(*) FROM training") == 2);

    // Even called inside a writer's transaction, the mark is read under the lock and only
    // raised: projecting the same events again changes nothing.
    {
        Transaction tx(other);
        stale.catchUp(store);
        stale.projectAppended(store, 3);
        tx.commit();
    }
    CHECK(stale.projectedThrough() == 3);
    CHECK(count(db, "SELECT count(*) FROM training") == 2);
    CHECK(count(db, "SELECT count(*) FROM people") == 1);
    // A full rebuild gives the same tables and the same mark.
    stale.rebuild(store);
    CHECK(stale.projectedThrough() == 3);
    CHECK(count(db, "SELECT count(*) FROM training") == 2);
}

TEST_CASE("a ledger jammed by the old catch-up (mark behind its rows) is repaired when opened") {
    const auto file = freshDb(kDbFolder, "jammed");
    const auto key = LookupKey::generate();
    std::string person;
    {
        SqliteDb db(file);
        auto ledger = openLedger(db, key);
        ledger.registerOrganisation(kOrg, "华为", "manufacturing", kAt);
        person = ledger.registerPerson("张三", resident("11010519491231002X"), kAt);
        ledger.assignRole(person, kOrg, Role::SafetyManager, {2026, 1, 1}, kAt);
        ledger.recordTraining(person, {2026, 11, 1}, 4, "annual", "fire drills", kAt);
        ledger.recordTraining(person, {2026, 11, 2}, 4, "annual", "first aid", kAt);
        // What the race left behind: the rows of events 2..5 are there, the mark says 1, and
        // the old catch-up then failed for good with "UNIQUE constraint failed: training.event_id".
        setMark(db, 1);
    }
    SqliteDb db(file);
    auto ledger = openLedger(db, key);  // catches up: re-applies 2..5, changes nothing
    CHECK(Projections(db).projectedThrough() == 5);
    CHECK(count(db, "SELECT count(*) FROM training") == 2);
    CHECK(count(db, "SELECT count(*) FROM people") == 1);
    CHECK(count(db, "SELECT count(*) FROM roles") == 1);
    CHECK(count(db, "SELECT count(*) FROM organisations") == 1);
    // And it takes further writes.
    ledger.recordTraining(person, {2026, 11, 3}, 2, "annual", "evacuation", kAt);
    CHECK(count(db, "SELECT count(*) FROM training") == 3);
    CHECK(Projections(db).projectedThrough() == 6);
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("events and their derived rows commit together") {
    const auto file = freshDb(kDbFolder, "together");
    const auto key = LookupKey::generate();
    SqliteDb db(file);
    auto ledger = openLedger(db, key);
    const auto person = ledger.registerPerson("张三", resident("11010519491231002X"), kAt);
    ledger.recordTraining(person, {2026, 11, 1}, 4, "annual", "fire drills", kAt);
    // After each write the mark is the head: nothing is left for a later catch-up that could
    // fail after the command reported success.
    CHECK(Projections(db).upToDate());
    CHECK(Projections(db).projectedThrough() == 2);

    // A roster batch as well: its rows are there when batch() returns.
    BulkWriter writer(db, key, rules());
    writer.batch([&] {
        writer.registerPerson("李四", resident("370102198503121233"), kAt);
        writer.registerPerson("王五", resident("370202199207042469"), kAt);
    });
    CHECK(Projections(db).projectedThrough() == 4);
    CHECK(count(db, "SELECT count(*) FROM people") == 3);
}

TEST_CASE("a second registration of one document is refused by the database, not kept") {
    const auto file = freshDb(kDbFolder, "unique");
    const auto key = LookupKey::generate();
    const auto doc = resident("11010519491231002X");
    SqliteDb first(file);
    SqliteDb second(file);
    auto a = openLedger(first, key);
    auto b = openLedger(second, key);
    const auto person = a.registerPerson("张三", doc, kAt);
    // The second clerk's check runs under the write lock, so it sees the first one.
    CHECK_THROWS_WITH_AS(b.registerPerson("张三", doc, kAt),
                         doctest::Contains(("already registered as person " + person).c_str()),
                         LedgerError);

    // A writer that skipped the check (a stale read) is stopped by the UNIQUE index of
    // people.id_hash: the event is rolled back with the row it could not write.
    nlohmann::json payload = {{"name", "张三"},
                              {"document_type", "resident_id"},
                              {"country", "CHN"},
                              {"id_hash", lookupHash(doc, key)},
                              {"id_masked", maskDocument(doc)}};
    SqliteEventStorage storage(second);
    EventStore store(storage);
    Projections projections(second);
    bool refused = false;
    try {
        Transaction tx(second);
        const auto e = store.append({"PersonRegistered", kAt, payload});
        projections.projectAppended(store, e.seq);
        tx.commit();
    } catch (const DbError& e) {
        refused = e.isUniqueViolation();
    }
    CHECK(refused);
    CHECK(count(first, "SELECT count(*) FROM events") == 1);
    CHECK(count(first, "SELECT count(*) FROM people") == 1);

    // The same through a roster batch: all or nothing, with a clear message.
    BulkWriter writer(second, key, rules());
    CHECK_THROWS_WITH_AS(writer.batch([&] {
        writer.registerPerson("李四", resident("370102198503121233"), kAt);
        writer.registerPerson("张三", doc, kAt);
    }),
                         doctest::Contains("nothing was saved"), LedgerError);
    CHECK(count(first, "SELECT count(*) FROM events") == 1);
    CHECK(count(first, "SELECT count(*) FROM people") == 1);
}

TEST_CASE("a busy ledger: the writer waits a bounded time, then saves nothing and says so") {
    const auto file = freshDb(kDbFolder, "busy");
    const auto key = LookupKey::generate();
    SqliteDb holder(file);
    SqliteDb db(file);
    auto ledger = openLedger(db, key);
    sqlite3_busy_timeout(db.handle(), 0);  // the test must not wait the real timeout
    {
        Transaction lock(holder);  // another program is writing
        CHECK_THROWS_WITH_AS(ledger.registerPerson("张三", resident("11010519491231002X"), kAt),
                             doctest::Contains("nothing was saved"), DbBusy);
        // A reader is not held up: the tables are up to date, so catch-up takes no lock.
        SqliteEventStorage storage(db);
        const EventStore store(storage);
        CHECK_NOTHROW(Projections(db).catchUp(store));
    }
    CHECK(count(db, "SELECT count(*) FROM events") == 0);
    CHECK(!ledger.registerPerson("张三", resident("11010519491231002X"), kAt).empty());
    CHECK(count(db, "SELECT count(*) FROM people") == 1);
}
