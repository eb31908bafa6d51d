// Drill and quiz results recorded as assessments through common/assessment.h: checked,
// appended to the chain, projected into the person's archive, refused when incomplete.
#include "ledger/ledger.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

using namespace drillbase;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {
constexpr const char* kDbFolder = "assess";

AssessmentResult drillResult(const std::string& person) {
    AssessmentResult r;
    r.personId = person;
    r.kind = "drill";
    r.title = "自来水厂液氯泄漏事故应急处置（夜间静风）";
    r.reference = "chlorine-waterworks-night";
    r.date = "2026-11-23";
    r.scoreTenths = 789;
    r.passTenths = 600;
    r.grade = "良";
    r.sourceHash = "eba88880b6abb16c";
    r.complete = false;
    return r;
}
}  // namespace

TEST_CASE("a drill result lands in the person's archive and on the chain") {
    const auto file = freshDb(kDbFolder, "drill-result");
    SqliteDb db(file);
    auto ledger = openLedger(db, LookupKey::generate());
    const auto person = ledger.registerPerson(
        "张三", *parseResidentId("11010519491231002X", CivilDate{2026, 11, 23}).document, kAt);
    AssessmentSink* sink = nullptr;  // the drill code sees only the interface
    struct LedgerSink : AssessmentSink {
        Ledger& l;
        explicit LedgerSink(Ledger& x) : l(x) {}
        std::string record(const AssessmentResult& r) override {
            return l.recordAssessment(r, kAt);
        }
    } ledgerSink(ledger);
    sink = &ledgerSink;
    const auto id = sink->record(drillResult(person));
    CHECK_FALSE(id.empty());

    auto st = db.prepare(
        "SELECT kind, score_tenths, passed, grade, source_hash, complete FROM results WHERE "
        "person_id = ?");
    st.bind(1, person);
    REQUIRE(st.step());
    CHECK(st.columnText(0) == "drill");
    CHECK(st.columnInt(1) == 789);
    CHECK(st.columnInt(2) == 1);
    CHECK(st.columnText(3) == "良");
    CHECK(st.columnText(4) == "eba88880b6abb16c");
    CHECK(st.columnInt(5) == 0);
    CHECK(ledger.events().verify().ok());

    auto failing = drillResult(person);
    failing.scoreTenths = 526;
    failing.attempt = 2;
    ledger.recordAssessment(failing, kAt);
    auto passed = db.prepare("SELECT passed FROM results WHERE attempt = 2");
    REQUIRE(passed.step());
    CHECK(passed.columnInt(0) == 0);
}

TEST_CASE("incomplete or foreign results are refused and leave nothing behind") {
    const auto file = freshDb(kDbFolder, "refused");
    SqliteDb db(file);
    auto ledger = openLedger(db, LookupKey::generate());
    const auto person = ledger.registerPerson(
        "李四", *parseResidentId("440524188001010014", CivilDate{2026, 11, 23}).document, kAt);
    auto noHash = drillResult(person);
    noHash.sourceHash.clear();
    CHECK_THROWS_AS(ledger.recordAssessment(noHash, kAt), LedgerError);
    auto stranger = drillResult("base-test:999");
    CHECK_THROWS_AS(ledger.recordAssessment(stranger, kAt), LedgerError);
    auto badDate = drillResult(person);
    badDate.date = "2026-13-01";
    CHECK_THROWS_AS(ledger.recordAssessment(badDate, kAt), LedgerError);
    auto tooHigh = drillResult(person);
    tooHigh.scoreTenths = 1001;
    CHECK_THROWS_AS(ledger.recordAssessment(tooHigh, kAt), LedgerError);
    CHECK(count(db, "SELECT COUNT(*) FROM results") == 0);
    CHECK(ledger.events().verify().ok());
}
