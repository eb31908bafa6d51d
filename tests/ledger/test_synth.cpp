// The synthetic province: deterministic, valid by the real Ledger's own checks, and written
// by BulkWriter as exactly the events the Ledger would write.
#include "ledger/bulk_writer.h"
#include "ledger/credit_code.h"
#include "ledger/id_number.h"
#include "ledger/records_archive.h"
#include "ledger/synth.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "synth";
constexpr const char* kBaseId = "base-synth";

// A key from fixed bytes, so two databases hash identity numbers alike.
LookupKey fixedKey() {
    return *LookupKey::fromHex(std::string(64, 'a'));
}

struct Built {
    SynthSummary summary;
    std::string head;
    std::int64_t events = 0;
};

Built bulkProvince(const std::string& name, std::int64_t people, std::uint64_t seed,
                   std::vector<std::string>* ids = nullptr) {
    SqliteDb db(freshDb(kDbFolder, name, kBaseId));
    BulkWriter writer(db, fixedKey(), rules());
    SynthOptions o;
    o.people = people;
    o.seed = seed;
    o.today = kToday;
    o.peoplePerBatch = 37;  // several batches, and a size that does not divide the total
    o.registeredIdNumbers = ids;
    Built b;
    b.summary = synthesizeProvince(writer, industries(), regions(), o);
    const auto v = writer.events().verify();
    REQUIRE(v.ok());
    b.head = v.headHash;
    b.events = v.eventsChecked;
    return b;
}

}  // namespace

TEST_CASE("synth: the same seed gives the same province, another seed another one") {
    const auto a = bulkProvince("seed-a", 120, 7);
    const auto b = bulkProvince("seed-b", 120, 7);
    const auto c = bulkProvince("seed-c", 120, 8);
    CHECK(a.head == b.head);
    CHECK(a.events == b.events);
    CHECK(a.head != c.head);
    CHECK(a.summary.people == 120);
    CHECK(a.summary.records == a.events);  // every record is one event
}

TEST_CASE(
    "synth: the validating Ledger accepts every record, and BulkWriter writes the same chain") {
    const auto bulk = bulkProvince("equal-bulk", 150, 42);

    SqliteDb db(freshDb(kDbFolder, "equal-ledger", kBaseId));
    Ledger ledger(db, fixedKey(), industries(), rules(), trainingKinds());
    LedgerSink sink(ledger);
    SynthOptions o;
    o.people = 150;
    o.seed = 42;
    o.today = kToday;
    // Any LedgerError here (a record the rules refuse) fails the test.
    const auto s = synthesizeProvince(sink, industries(), regions(), o,
                                      [](const std::function<void()>& body) { body(); });
    const auto v = ledger.events().verify();
    REQUIRE(v.ok());
    CHECK(s.records == v.eventsChecked);
    // Byte-identical events: the same head hash after the same number of events.
    CHECK(v.eventsChecked == bulk.events);
    CHECK(v.headHash == bulk.head);
    CHECK(s.certificates > 10);
}

TEST_CASE("synth: valid identity numbers and credit codes, and a spread of certificate states") {
    std::vector<std::string> ids;
    const auto b = bulkProvince("spread", 3000, 3, &ids);
    REQUIRE(ids.size() == 3000);
    for (const auto& id : ids) {
        const auto r = parseIdNumber(id, kToday);
        REQUIRE_MESSAGE(r.ok(), id << ": " << r.message());
        CHECK(r.birthDate.addYears(20) <= kToday);
        CHECK(id.substr(0, 2) == "37");  // one province: Shandong
    }
    SqliteDb db(fs::temp_directory_path() / ("drillbase-test-" + std::to_string(::getpid())) /
                "synth" / "spread.sqlite");
    CHECK(count(db, "SELECT count(*) FROM people") == 3000);
    CHECK(count(db, "SELECT count(DISTINCT id_hash) FROM people") == 3000);
    auto orgs = db.prepare("SELECT credit_code FROM organisations");
    int orgCount = 0;
    while (orgs.step()) {
        CHECK(parseCreditCode(orgs.columnText(0)).ok());
        ++orgCount;
    }
    CHECK(orgCount == 20);
    CHECK(count(db, "SELECT count(DISTINCT industry) FROM organisations") >= 6);
    // Some certificates expired, some expiring within 30 days, most still valid.
    const auto expiring = certificatesExpiring(db, kToday.iso(), 30, 6);
    CHECK(!expiring.empty());
    CHECK(count(db, "SELECT count(*) FROM certificates WHERE issued <= '2020-11-23'") > 0);
    CHECK(count(db, "SELECT count(*) FROM certificates WHERE issued > '2023-11-23'") > 0);
    CHECK(count(db, "SELECT count(*) FROM certificate_reviews") > 0);
    CHECK(count(db, "SELECT count(*) FROM assessments WHERE passed = 0") > 0);
    for (const auto& e : expiring) {
        CHECK(e.expires >= kToday.iso());
        CHECK(e.expires < kToday.addDays(30).iso());
    }
}

TEST_CASE("BulkWriter: a batch that throws half-way leaves no event and the chain intact") {
    SqliteDb db(freshDb(kDbFolder, "rollback", kBaseId));
    BulkWriter writer(db, fixedKey(), rules());
    writer.registerOrganisation("914403001922038216", "华为", "manufacturing",
                                "2026-11-23T09:00:00Z");
    const auto before = writer.events().verify();
    CHECK_THROWS_AS(writer.batch([&] {
        const auto doc = *parseResidentId("11010519491231002X", kToday).document;
        writer.registerPerson("张三", doc, "2026-11-23T09:00:00Z");
        throw std::runtime_error("power cut");
    }),
                    std::runtime_error);
    const auto after = writer.events().verify();
    CHECK(after.ok());
    CHECK(after.eventsChecked == before.eventsChecked);
    CHECK(after.headHash == before.headHash);
    CHECK(count(db, "SELECT count(*) FROM people") == 0);
    // The writer still works after the failed batch.
    const auto doc = *parseResidentId("11010519491231002X", kToday).document;
    CHECK(writer.registerPerson("张三", doc, "2026-11-23T09:00:00Z") == "base-synth:2");
    CHECK(count(db, "SELECT count(*) FROM people") == 1);
}
