// The derived tables checked against the event log (projection_audit.h): each kind of direct
// edit to a derived table (a revocation cleared, an issue date moved, a training row deleted or
// added, a name changed) is caught and named down to the table, row and column; an untouched
// ledger passes, a lagging one is "behind" rather than tampered with, and the audit writes
// nothing. The digests are stable and follow the content.
#include "ledger/projection_audit.h"
#include "ledger/projections.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "projection-audit";
const char* kOrg = "914403001922038216";
const char* kIdZhao = "11010519491231002X";

// A small but complete ledger: an organisation, a person in a role, two training records, both
// exam parts, a special-operations certificate and its revocation.
struct Recorded {
    std::string person, training, cert;
};

Recorded record(Ledger& ledger) {
    ledger.registerOrganisation(kOrg, "华为", "manufacturing", kAt);
    Recorded r;
    r.person = ledger.registerPerson("赵六", *parseResidentId(kIdZhao, kToday).document, kAt);
    ledger.assignRole(r.person, kOrg, Role::SafetyManager, {2023, 1, 1}, kAt);
    r.training = ledger.recordTraining(r.person, {2023, 10, 1}, 8, "annual", "fire drills", kAt);
    ledger.recordTraining(r.person, {2023, 10, 2}, 4, "annual", "first aid", kAt);
    ledger.recordExam(r.person, "special_operations", ExamPart::Theory, {2023, 11, 1}, 86, kAt);
    ledger.recordExam(r.person, "special_operations", ExamPart::Practical, {2023, 11, 10}, 92, kAt);
    r.cert = ledger.issueSpecialOpsCertificate(r.person, std::string("T") + kIdZhao, "低压电工作业",
                                               {2023, 11, 24}, kAt);
    ledger.revokeCertificate(r.cert, {2026, 11, 20}, "违章作业", kAt);
    return r;
}

// One look-up key for every ledger of this file, so that two ledgers recorded alike hold equal
// identity hashes and so equal tables.
const LookupKey& key() {
    static const auto k = LookupKey::generate();
    return k;
}

// A recorded ledger in its own file, with the ids its rows are keyed by.
struct Fixture {
    explicit Fixture(const std::string& name) : db(freshDb(kDbFolder, name)) {
        auto ledger = openLedger(db, key());
        ids = record(ledger);
    }
    SqliteDb db;
    Recorded ids;
};

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::int64_t rowsInProjections(SqliteDb& db) {
    std::int64_t n = 0;
    for (const char* t : projectionTables())
        n += count(db, std::string("SELECT count(*) FROM ") + t);
    return n;
}

}  // namespace

TEST_CASE("an untouched ledger audits ok, every table and row compared") {
    Fixture f("untouched");
    const auto a = auditProjections(f.db);
    CHECK(a.ok);
    CHECK_FALSE(a.behind);
    CHECK_FALSE(a.outdated);
    CHECK(a.difference == ProjectionDifference::None);
    CHECK(a.tablesChecked == static_cast<int>(projectionTables().size()));
    CHECK(a.rowsChecked == rowsInProjections(f.db));
    CHECK(a.rowsChecked >= 10);  // org, person, role, 2 training, 2 exams, cert, 2 cert events
    CHECK(a.head == 9);
    CHECK(a.projectedThrough == 9);
    CHECK(a.message() == "projections match the events: " + std::to_string(a.rowsChecked) +
                             " row(s) in 9 table(s)");
}

TEST_CASE("a revocation cleared in certificates is caught, naming row and column") {
    Fixture f("revocation");
    f.db.exec("UPDATE certificates SET revoked = NULL");
    const auto a = auditProjections(f.db);
    REQUIRE_FALSE(a.ok);
    CHECK(a.difference == ProjectionDifference::Value);
    CHECK(a.table == "certificates");
    CHECK(a.key == "certificate_id=" + f.ids.cert);
    CHECK(a.column == "revoked");
    CHECK(a.stored == "NULL");
    CHECK(a.derived == "\"2026-11-20\"");
    CHECK(a.message() == "projection certificates differs at certificate_id=" + f.ids.cert +
                             ": column revoked is NULL but the events give \"2026-11-20\"");
}

TEST_CASE("a certificate's issue date moved is caught") {
    Fixture f("issued");
    f.db.exec("UPDATE certificates SET issued = '2025-11-24'");
    const auto a = auditProjections(f.db);
    REQUIRE_FALSE(a.ok);
    CHECK(a.table == "certificates");
    CHECK(a.key == "certificate_id=" + f.ids.cert);
    CHECK(a.column == "issued");
    CHECK(a.stored == "\"2025-11-24\"");
    CHECK(a.derived == "\"2023-11-24\"");
}

TEST_CASE("a deleted training row is caught as a row missing") {
    Fixture f("deleted");
    f.db.exec("DELETE FROM training WHERE event_id = '" + f.ids.training + "'");
    const auto a = auditProjections(f.db);
    REQUIRE_FALSE(a.ok);
    CHECK(a.difference == ProjectionDifference::RowMissing);
    CHECK(a.table == "training");
    CHECK(a.key == "event_id=" + f.ids.training);
    CHECK(a.message() == "projection training differs at event_id=" + f.ids.training +
                             ": row missing (the events give it, the table lacks it)");
}

TEST_CASE("an inserted training row is caught as an extra row") {
    Fixture f("inserted");
    f.db.exec(
        "INSERT INTO training(event_id, person_id, on_date, hours, kind, topic) VALUES("
        "'base-test:90', '" +
        f.ids.person + "', '2023-10-03', 40, 'annual', 'never held')");
    const auto a = auditProjections(f.db);
    REQUIRE_FALSE(a.ok);
    CHECK(a.difference == ProjectionDifference::ExtraRow);
    CHECK(a.table == "training");
    CHECK(a.key == "event_id=base-test:90");
    CHECK(a.message() ==
          "projection training differs at event_id=base-test:90: extra row (no event gives it)");
}

TEST_CASE("a person's name edited is caught") {
    Fixture f("name");
    f.db.exec("UPDATE people SET name = '钱七'");
    const auto a = auditProjections(f.db);
    REQUIRE_FALSE(a.ok);
    CHECK(a.table == "people");
    CHECK(a.key == "person_id=" + f.ids.person);
    CHECK(a.column == "name");
    CHECK(a.stored == "\"钱七\"");
    CHECK(a.derived == "\"赵六\"");
}

TEST_CASE("an empty string where the events give NULL is a difference, in audit and digest") {
    Fixture f("null-empty");
    const auto before = projectionDigest(f.db);
    f.db.exec("UPDATE training SET provider = '' WHERE event_id = '" + f.ids.training + "'");
    const auto a = auditProjections(f.db);
    REQUIRE_FALSE(a.ok);
    CHECK(a.column == "provider");
    CHECK(a.stored == "\"\"");
    CHECK(a.derived == "NULL");
    CHECK(projectionDigest(f.db) != before);
}

TEST_CASE("a dropped table, a changed table and a mark past the log are caught") {
    SUBCASE("dropped") {
        Fixture f("dropped");
        f.db.exec("DROP TABLE certificate_reviews");
        const auto a = auditProjections(f.db);
        CHECK(a.difference == ProjectionDifference::TableMissing);
        CHECK(a.message() == "projection certificate_reviews differs: the table is missing");
    }
    SUBCASE("a column added") {
        Fixture f("column");
        f.db.exec("ALTER TABLE people ADD COLUMN note TEXT");
        const auto a = auditProjections(f.db);
        CHECK(a.difference == ProjectionDifference::Columns);
        CHECK(a.table == "people");
        CHECK(a.stored.ends_with(", note"));
    }
    SUBCASE("mark ahead") {
        Fixture f("ahead");
        f.db.exec("UPDATE ledger_meta SET value = '12' WHERE key = 'projected_through'");
        const auto a = auditProjections(f.db);
        CHECK(a.difference == ProjectionDifference::MarkAhead);
        CHECK(a.stored == "12");
        CHECK(a.derived == "9");
    }
}

TEST_CASE("projections behind the events are reported as behind, and still audited") {
    Fixture f("behind");
    // An event appended without its projection, as a crash between the two once could leave.
    SqliteEventStorage storage(f.db);
    EventStore store(storage);
    store.append({"TrainingRecorded",
                  kAt,
                  {{"person_id", f.ids.person},
                   {"date", "2023-10-05"},
                   {"hours", 2},
                   {"kind", "annual"},
                   {"topic", "evacuation"}}});
    auto a = auditProjections(f.db);
    CHECK(a.ok);
    CHECK(a.behind);
    CHECK(a.projectedThrough == 9);
    CHECK(a.head == 10);
    CHECK(a.message().find("behind: projected through event 9 of 10") != std::string::npos);

    // What has been projected is still held to the events.
    f.db.exec("UPDATE training SET hours = 80 WHERE event_id = '" + f.ids.training + "'");
    a = auditProjections(f.db);
    CHECK_FALSE(a.ok);
    CHECK(a.column == "hours");
    CHECK(a.stored == "80");
    CHECK(a.derived == "8");
}

TEST_CASE("tables of an older shape, or none yet, are outdated: the next opening rebuilds them") {
    SqliteDb empty(freshDb(kDbFolder, "empty"));  // `ledger init` only: no derived tables
    auto a = auditProjections(empty);
    CHECK(a.ok);
    CHECK(a.outdated);
    CHECK(a.message() == "projections: no events yet, nothing to compare");

    Fixture f("older");
    f.db.exec("UPDATE ledger_meta SET value = '2' WHERE key = 'projection_schema'");
    a = auditProjections(f.db);
    CHECK(a.ok);
    CHECK(a.outdated);
    CHECK(a.message().find("the next opening of the ledger rebuilds them") != std::string::npos);
}

TEST_CASE("a mark lowered under intact rows is a lag, and hides no edit") {
    Fixture f("lowered");
    f.db.exec("UPDATE ledger_meta SET value = '3' WHERE key = 'projected_through'");
    auto a = auditProjections(f.db);
    CHECK(a.ok);
    CHECK(a.behind);
    f.db.exec("UPDATE people SET name = '钱七'");
    a = auditProjections(f.db);
    CHECK_FALSE(a.ok);
    CHECK(a.table == "people");
}

TEST_CASE("a voided record audits ok once the tables are rebuilt without it") {
    Fixture f("voided");
    {
        auto ledger = openLedger(f.db, key());
        ledger.voidEvent(f.ids.training, "entered twice", kAt);
    }
    CHECK(count(f.db, "SELECT count(*) FROM training WHERE event_id = '" + f.ids.training + "'") ==
          0);
    CHECK(auditProjections(f.db).ok);
}

TEST_CASE("the digest is stable, follows the content and not the mark") {
    Fixture f("digest");
    const auto first = projectionDigest(f.db);
    CHECK(first.size() == 64);
    CHECK(projectionDigest(f.db) == first);
    const auto tables = projectionTableDigests(f.db);
    REQUIRE(tables.size() == projectionTables().size());
    CHECK(tables[0].table == "organisations");
    CHECK(tables[0].rows == 1);

    f.db.exec("UPDATE people SET name = '钱七'");
    CHECK(projectionDigest(f.db) != first);
    const auto edited = projectionTableDigests(f.db);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        CAPTURE(tables[i].table);
        CHECK((edited[i].sha256 != tables[i].sha256) == (tables[i].table == "people"));
    }
    f.db.exec("UPDATE people SET name = '赵六'");
    CHECK(projectionDigest(f.db) == first);
    f.db.exec("UPDATE ledger_meta SET value = '3' WHERE key = 'projected_through'");
    CHECK(projectionDigest(f.db) == first);

    // The same events in another file give the same digest: it is the content's, not the file's.
    SqliteDb copy(freshDb(kDbFolder, "digest-copy"));
    auto ledger = openLedger(copy, key());
    record(ledger);
    CHECK(projectionDigest(copy) == first);
}

TEST_CASE("the audit writes nothing to the database it checks") {
    Fixture f("read-only");
    f.db.exec("UPDATE certificates SET revoked = NULL");  // so the audit walks to a difference
    f.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const auto file = f.db.file();
    const auto bytes = slurp(file);
    const auto walBytes = slurp(file.string() + "-wal");
    const auto changes = sqlite3_total_changes64(f.db.handle());
    CHECK_FALSE(auditProjections(f.db).ok);
    projectionDigest(f.db);
    CHECK(sqlite3_total_changes64(f.db.handle()) == changes);
    CHECK(slurp(file) == bytes);
    CHECK(slurp(file.string() + "-wal") == walBytes);
    // The connection is left as it was given: writable, outside any transaction.
    CHECK(sqlite3_get_autocommit(f.db.handle()) != 0);
    f.db.exec("UPDATE people SET name = '钱七'");
    CHECK(count(f.db, "SELECT count(*) FROM people WHERE name = '钱七'") == 1);
}
