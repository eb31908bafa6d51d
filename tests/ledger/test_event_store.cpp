#include "ledger/db_path.h"
#include "ledger/event_store.h"
#include "ledger/sha256.h"
#include "ledger/sqlite_event_storage.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;
using nlohmann::json;

namespace {

constexpr const char* kDbFolder = "events";

// A ledger with five events, closed again so tests can reopen it.
void writeFiveEvents(const fs::path& file) {
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    EventStore::initialize(storage, "base-test");
    EventStore store(storage);
    for (int i = 1; i <= 5; ++i) {
        const std::string n = std::to_string(i);
        std::string at = "2026-11-23T08:00:0";
        at += n;
        at += 'Z';
        store.append({"PersonRegistered", at, json{{"person", "p" + n}, {"name", "张" + n}}});
    }
}

// Rewrites history the way an attacker with file access would: drop the guard, then UPDATE.
void tamper(const fs::path& file, const std::string& sql) {
    SqliteDb db(file);
    db.exec("DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;");
    db.exec(sql);
}

VerifyResult verifyFile(const fs::path& file) {
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    return EventStore(storage).verify();
}

}  // namespace

TEST_CASE("appended events are chained, numbered per base and verify as intact") {
    const auto file = scratchDb(kDbFolder, "chain");
    writeFiveEvents(file);
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    EventStore store(storage);
    const auto all = store.readAll();
    REQUIRE(all.size() == 5);
    CHECK(all[0].eventId == "base-test:1");
    CHECK(all[4].eventId == "base-test:5");
    CHECK(all[0].prevHash == kGenesisPrevHash);
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i].prevHash == all[i - 1].hash);
    CHECK(all[0].payload == R"({"name":"张1","person":"p1"})");

    const auto v = store.verify();
    CHECK(v.ok());
    CHECK(v.eventsChecked == 5);
    CHECK(v.headHash == all[4].hash);
    CHECK(v.guardsPresent);
}

TEST_CASE("the hash is SHA-256 of the documented canonical form (the cross-system contract)") {
    const std::string expected =
        sha256Hex(R"({"at":"2026-11-23T08:00:00Z","event_id":"b1:1","kind":"HoursRecorded",)"
                  R"("payload":{"hours":8},"prev_hash":")" +
                  std::string(kGenesisPrevHash) + R"(","seq":1})");
    CHECK(EventStore::computeHash(1, "b1:1", "HoursRecorded", "2026-11-23T08:00:00Z",
                                  json{{"hours", 8}}, kGenesisPrevHash) == expected);
}

TEST_CASE("the database refuses UPDATE, DELETE and overwriting inserts on events") {
    const auto file = scratchDb(kDbFolder, "guards");
    writeFiveEvents(file);
    SqliteDb db(file);
    CHECK_THROWS_WITH_AS(db.exec("UPDATE events SET kind = 'X' WHERE seq = 2"),
                         doctest::Contains("append-only"), DbError);
    CHECK_THROWS_WITH_AS(db.exec("DELETE FROM events WHERE seq = 5"),
                         doctest::Contains("append-only"), DbError);
    CHECK_THROWS_AS(
        db.exec("INSERT OR REPLACE INTO events VALUES(2, 'x:2', 'K', 'a', '{}', '', '')"), DbError);
    CHECK_THROWS_AS(db.exec("INSERT INTO events VALUES(9, 'x:9', 'K', 'a', '{}', '', '')"),
                    DbError);
    SqliteEventStorage storage(db);
    CHECK(EventStore(storage).verify().ok());
}

TEST_CASE("verify names the first event whose stored bytes were changed") {
    struct Case {
        const char* name;
        const char* sql;
        VerifyProblem problem;
        std::int64_t seq;
    };
    const Case cases[] = {
        {"payload byte", "UPDATE events SET payload = replace(payload, 'p3', 'p9') WHERE seq = 3",
         VerifyProblem::HashMismatch, 3},
        {"payload spelling", "UPDATE events SET payload = ' ' || payload WHERE seq = 2",
         VerifyProblem::BadPayload, 2},
        {"kind", "UPDATE events SET kind = 'PersonRemoved' WHERE seq = 4",
         VerifyProblem::HashMismatch, 4},
        {"time", "UPDATE events SET at = '2026-11-23T08:00:09Z' WHERE seq = 1",
         VerifyProblem::HashMismatch, 1},
        {"stored hash", "UPDATE events SET hash = 'f' || substr(hash, 2) WHERE seq = 5",
         VerifyProblem::HashMismatch, 5},
        {"prev hash", "UPDATE events SET prev_hash = 'f' || substr(prev_hash, 2) WHERE seq = 2",
         VerifyProblem::PrevLinkMismatch, 2},
        {"event id", "UPDATE events SET event_id = 'other:3' WHERE seq = 3",
         VerifyProblem::HashMismatch, 3},
        {"deleted event", "DELETE FROM events WHERE seq = 2", VerifyProblem::SeqGap, 2},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const auto file = scratchDb(kDbFolder, std::string("tamper-") + std::to_string(c.seq));
        writeFiveEvents(file);
        tamper(file, c.sql);
        const auto v = verifyFile(file);
        CHECK(v.problem == c.problem);
        CHECK(v.brokenSeq == c.seq);
        CHECK(v.eventsChecked == c.seq - 1);
        CHECK_FALSE(v.guardsPresent);
        CHECK(v.message().find("broken at event " + std::to_string(c.seq)) != std::string::npos);
    }
}

TEST_CASE("an anchor (a head hash written down earlier) is found only in the original chain") {
    const auto file = scratchDb(kDbFolder, "anchor");
    writeFiveEvents(file);
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    EventStore store(storage);
    const auto all = store.readAll();
    CHECK(store.seqOfHash(all[2].hash) == 3);
    CHECK_FALSE(store.seqOfHash(std::string(64, 'a')));
    CHECK(store.readFrom(4).size() == 2);
}

TEST_CASE("a rewritten event with a recomputed hash still breaks the next link") {
    const auto file = scratchDb(kDbFolder, "recomputed");
    writeFiveEvents(file);
    {
        SqliteDb db(file);
        SqliteEventStorage storage(db);
        auto e = EventStore(storage).readAll()[2];
        const json forged = {{"name", "李四"}, {"person", "p3"}};
        const auto hash =
            EventStore::computeHash(e.seq, e.eventId, e.kind, e.at, forged, e.prevHash);
        db.exec("DROP TRIGGER events_no_update");
        auto st = db.prepare("UPDATE events SET payload = ?, hash = ? WHERE seq = 3");
        st.bind(1, std::string(R"({"name":"李四","person":"p3"})")).bind(2, hash);
        st.step();
    }
    const auto v = verifyFile(file);
    CHECK(v.problem == VerifyProblem::PrevLinkMismatch);
    CHECK(v.brokenSeq == 4);
}

TEST_CASE("appendAll is all or nothing, and bad events are refused with a reason") {
    const auto file = scratchDb(kDbFolder, "atomic");
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    EventStore::initialize(storage, "base-a");
    EventStore store(storage);
    store.append({"BaseOpened", "2026-11-23T08:00:00Z", json::object()});
    CHECK_THROWS_WITH_AS(store.appendAll({{"HoursRecorded", "2026-11-23T09:00:00Z", {{"h", 8}}},
                                          {"HoursRecorded", "2026-11-23T09:00:00Z", {{"h", 7.5}}}}),
                         doctest::Contains("/h"), EventStoreError);
    CHECK_THROWS_AS(store.append({"hours recorded", "2026-11-23T09:00:00Z", {}}), EventStoreError);
    CHECK_THROWS_AS(store.append({"HoursRecorded", "2026-11-23 09:00", {}}), EventStoreError);
    CHECK_THROWS_AS(store.append({"HoursRecorded", "2026-02-30T09:00:00Z", {}}), EventStoreError);
    CHECK(store.readAll().size() == 1);
    const auto two = store.appendAll({{"HoursRecorded", "2026-11-23T09:00:00Z", {{"h", 8}}},
                                      {"HoursRecorded", "2026-11-23T10:00:00Z", {{"h", 4}}}});
    CHECK(two[1].eventId == "base-a:3");
    CHECK(store.verify().ok());
}

TEST_CASE("a ledger keeps its base id; an uninitialised database is refused") {
    const auto file = scratchDb(kDbFolder, "baseid");
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    CHECK_THROWS_WITH_AS(EventStore{storage}, doctest::Contains("not initialised"),
                         EventStoreError);
    CHECK_THROWS_AS(EventStore::initialize(storage, "a b"), EventStoreError);
    EventStore::initialize(storage, "base-1");
    EventStore::initialize(storage, "base-1");  // idempotent
    CHECK_THROWS_WITH_AS(EventStore::initialize(storage, "base-2"), doctest::Contains("base-1"),
                         EventStoreError);
    CHECK(EventStore(storage).baseId() == "base-1");
    CHECK(EventStore(storage).verify().ok());  // empty ledger is intact
}
