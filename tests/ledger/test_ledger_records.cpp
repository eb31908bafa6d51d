#include "ledger/credit_code.h"
#include "ledger/ledger.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

const char* kOrg = "914403001922038216";

constexpr const char* kDbFolder = "records";

}  // namespace

TEST_CASE("organisations, people and roles are recorded as events and projected") {
    const auto file = freshDb(kDbFolder, "people");
    const auto key = LookupKey::generate();
    SqliteDb db(file);
    auto ledger = openLedger(db, key);

    CHECK_THROWS_WITH_AS(ledger.registerOrganisation("914403001922038217", "华为", "other", kAt),
                         doctest::Contains("expected 6, got 7"), LedgerError);
    CHECK_THROWS_WITH_AS(ledger.registerOrganisation(kOrg, "华为", "space", kAt),
                         doctest::Contains("unknown industry"), LedgerError);
    ledger.registerOrganisation(kOrg, "华为技术有限公司", "manufacturing", kAt);
    CHECK_THROWS_AS(ledger.registerOrganisation(kOrg, "again", "manufacturing", kAt), LedgerError);

    const auto doc = *parseResidentId("11010519491231002X", kToday).document;
    const auto person = ledger.registerPerson("张三", doc, kAt);
    CHECK(person == "base-test:2");
    // The same person typed with the legacy 15-digit number is found, not registered twice.
    const auto legacy = *parseResidentId("110105491231002", kToday).document;
    CHECK_THROWS_WITH_AS(ledger.registerPerson("张三", legacy, kAt),
                         doctest::Contains("already registered as person base-test:2"),
                         LedgerError);
    CHECK(ledger.findPerson(legacy) == person);

    ledger.assignRole(person, kOrg, Role::SafetyManager, {2026, 1, 1}, kAt);
    CHECK_THROWS_AS(ledger.assignRole("base-test:99", kOrg, Role::NewWorker, kToday, kAt),
                    LedgerError);

    // Neither the event log nor the tables hold the identity number in the clear.
    CHECK(count(db, "SELECT count(*) FROM events WHERE payload LIKE '%19491231002X%'") == 0);
    CHECK(count(db, "SELECT count(*) FROM events WHERE payload LIKE '%110105********002X%'") == 1);
    CHECK(count(db, "SELECT count(*) FROM people WHERE birth_date = '1949-12-31'") == 1);
    CHECK(count(db, "SELECT count(*) FROM roles WHERE role = 'safety_manager'") == 1);
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("exams follow the rule: theory before practical, one make-up, then retraining") {
    const auto file = freshDb(kDbFolder, "exams");
    SqliteDb db(file);
    auto ledger = openLedger(db, LookupKey::generate());
    const auto p =
        ledger.registerPerson("李四", *parseResidentId("440524188001010014", kToday).document, kAt);
    const std::string ops = "special_operations";

    CHECK_THROWS_WITH_AS(ledger.recordExam(p, ops, ExamPart::Practical, {2026, 3, 1}, 90, kAt),
                         doctest::Contains("theory part must be passed before"), LedgerError);
    CHECK_THROWS_AS(ledger.recordExam(p, ops, ExamPart::Theory, {2026, 3, 1}, 101, kAt),
                    LedgerError);
    ledger.recordExam(p, ops, ExamPart::Theory, {2026, 3, 1}, 79, kAt);  // fail: pass is 80
    ledger.recordExam(p, ops, ExamPart::Theory, {2026, 3, 8}, 70, kAt);  // the make-up, failed
    CHECK_THROWS_WITH_AS(ledger.recordExam(p, ops, ExamPart::Theory, {2026, 3, 15}, 85, kAt),
                         doctest::Contains("retraining"), LedgerError);
    ledger.recordTraining(p, {2026, 4, 1}, 8, "initial", "electrical safety", kAt);
    ledger.recordExam(p, ops, ExamPart::Theory, {2026, 4, 10}, 80, kAt);  // exactly the pass mark
    CHECK_THROWS_WITH_AS(ledger.recordExam(p, ops, ExamPart::Theory, {2026, 4, 11}, 90, kAt),
                         doctest::Contains("already passed"), LedgerError);
    // A practical 12 months or more after the theory pass is refused.
    CHECK_THROWS_WITH_AS(ledger.recordExam(p, ops, ExamPart::Practical, {2027, 4, 10}, 90, kAt),
                         doctest::Contains("a pass counts for 12 months"), LedgerError);
    // Training recorded between the theory pass and the practical does not undo the pass.
    ledger.recordTraining(p, {2026, 4, 15}, 4, "initial", "practical drills", kAt);
    ledger.recordExam(p, ops, ExamPart::Practical, {2026, 4, 20}, 88, kAt);
    CHECK(count(db, "SELECT count(*) FROM assessments WHERE passed = 1") == 2);
    CHECK(count(db, "SELECT count(*) FROM assessments WHERE passed = 0") == 2);
}

TEST_CASE("a voided record stops counting, stays in the log, and the chain stays intact") {
    const auto file = freshDb(kDbFolder, "void");
    const auto key = LookupKey::generate();
    std::string training;
    {
        SqliteDb db(file);
        auto ledger = openLedger(db, key);
        const auto p =
            ledger.registerPerson("王五", *parsePassport("E12345678", "DEU").document, kAt);
        training = ledger.recordTraining(p, {2026, 5, 1}, 16, "initial", "induction", kAt);
        ledger.recordTraining(p, {2026, 5, 2}, 8, "initial", "induction", kAt);
        CHECK(count(db, "SELECT SUM(hours) FROM training") == 24);
        ledger.voidEvent(training, "entered 16 instead of 6", "2026-11-23T10:00:00Z");
        CHECK(count(db, "SELECT SUM(hours) FROM training") == 8);
        ledger.recordTraining(p, {2026, 5, 1}, 6, "initial", "induction", kAt);
        CHECK(count(db, "SELECT SUM(hours) FROM training") == 14);
        CHECK_THROWS_WITH_AS(ledger.voidEvent(training, "again", kAt),
                             doctest::Contains("already voided"), LedgerError);
        CHECK_THROWS_AS(ledger.voidEvent("base-test:404", "x", kAt), LedgerError);
        CHECK_THROWS_AS(ledger.voidEvent(training, "", kAt), LedgerError);
        // The reason is free text under the same rules as every other (text_rules.h).
        CHECK_THROWS_WITH_AS(ledger.voidEvent(training, "typo\x1b[2J", kAt),
                             doctest::Contains("reason"), LedgerError);
    }
    // Reopened, with the derived tables thrown away: rebuilt from the events alone.
    SqliteDb db(file);
    db.exec("DROP TABLE training; DELETE FROM ledger_meta WHERE key = 'projected_through'");
    auto ledger = openLedger(db, key);
    CHECK(count(db, "SELECT SUM(hours) FROM training") == 14);
    CHECK(count(db, "SELECT count(*) FROM events") == 5);
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("special-operations certificate: issued after both exams, reviewed in its window") {
    const auto file = freshDb(kDbFolder, "certificate");
    SqliteDb db(file);
    auto ledger = openLedger(db, LookupKey::generate());
    const auto p =
        ledger.registerPerson("赵六", *parseResidentId("11010519491231002X", kToday).document, kAt);
    const auto other =
        ledger.registerPerson("钱七", *parseResidentId("440524188001010014", kToday).document, kAt);
    const std::string ops = "special_operations";
    const std::string number = "T11010519491231002X";

    CHECK_THROWS_WITH_AS(
        ledger.issueSpecialOpsCertificate(p, number, "低压电工作业", {2023, 11, 24}, kAt),
        doctest::Contains("no passed theory exam"), LedgerError);
    ledger.recordExam(p, ops, ExamPart::Theory, {2023, 11, 1}, 86, kAt);
    ledger.recordExam(p, ops, ExamPart::Practical, {2023, 11, 10}, 92, kAt);
    // Somebody else's number, or a number that is not "T" + identity number, is refused.
    CHECK_THROWS_WITH_AS(ledger.issueSpecialOpsCertificate(p, "T440524188001010014", "低压电工作业",
                                                           {2023, 11, 24}, kAt),
                         doctest::Contains("does not carry this person's identity number"),
                         LedgerError);
    CHECK_THROWS_AS(ledger.issueSpecialOpsCertificate(p, "11010519491231002X", "低压电工作业",
                                                      {2023, 11, 24}, kAt),
                    LedgerError);
    CHECK_THROWS_AS(ledger.issueSpecialOpsCertificate(other, "T440524188001010014", "低压电工作业",
                                                      {2023, 11, 24}, kAt),
                    LedgerError);  // the other person has no exams
    const auto cert =
        ledger.issueSpecialOpsCertificate(p, number, "低压电工作业", {2023, 11, 24}, kAt);
    CHECK_THROWS_WITH_AS(
        ledger.issueSpecialOpsCertificate(p, number, "低压电工作业", {2023, 11, 25}, kAt),
        doctest::Contains("already recorded"), LedgerError);
    CHECK(count(db, "SELECT count(*) FROM events WHERE payload LIKE '%19491231002X%'") == 0);
    CHECK(count(db,
                "SELECT count(*) FROM certificates WHERE number_masked = "
                "'T110105********002X'") == 1);

    // Review due tomorrow.
    auto s = ledger.certificateStatus(cert, {2026, 11, 23});
    CHECK(s.state == CertificateState::ReviewDue);
    CHECK(s.daysToNextReview == 1);
    // Outside the window, or short of review training by one hour: refused.
    CHECK_THROWS_WITH_AS(ledger.recordCertificateReview(cert, {2026, 6, 1}, kAt),
                         doctest::Contains("next review due 2026-11-24"), LedgerError);
    ledger.recordTraining(p, {2026, 10, 1}, 7, "review", "low-voltage review", kAt);
    CHECK_THROWS_WITH_AS(ledger.recordCertificateReview(cert, {2026, 11, 23}, kAt),
                         doctest::Contains("short by 1"), LedgerError);
    ledger.recordTraining(p, {2026, 10, 2}, 1, "review", "low-voltage review", kAt);
    ledger.recordCertificateReview(cert, {2026, 11, 23}, kAt);
    s = ledger.certificateStatus(cert, {2026, 11, 25});
    CHECK(s.state == CertificateState::Valid);
    CHECK(s.nextReview == CivilDate{2029, 11, 24});
    CHECK(ledger.certificateStatus(cert, {2029, 11, 24}).state == CertificateState::Expired);

    ledger.revokeCertificate(cert, {2027, 1, 1}, "responsible for an accident", kAt);
    CHECK(ledger.certificateStatus(cert, {2027, 1, 1}).state == CertificateState::Revoked);
    CHECK_THROWS_AS(ledger.revokeCertificate(cert, {2027, 1, 2}, "again", kAt), LedgerError);
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("a duplicate registration that raced past the checks does not stop the projections") {
    const auto file = freshDb(kDbFolder, "race");
    const auto key = LookupKey::generate();
    const auto doc = *parseResidentId("11010519491231002X", kToday).document;
    nlohmann::json payload = {{"name", "张三"},
                              {"document_type", "resident_id"},
                              {"country", "CHN"},
                              {"id_hash", lookupHash(doc, key)},
                              {"id_masked", maskDocument(doc)}};
    {
        // Two writers each checked, found nothing, and appended.
        SqliteDb db(file);
        SqliteEventStorage storage(db);
        EventStore store(storage);
        store.append({"PersonRegistered", kAt, payload});
        store.append({"PersonRegistered", kAt, payload});
    }
    SqliteDb db(file);
    auto ledger = openLedger(db, key);
    CHECK(count(db, "SELECT count(*) FROM people") == 1);
    CHECK(ledger.findPerson(doc) == "base-test:1");
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("a person with a role is one write: both events, or nothing when the role fails") {
    const auto file = freshDb(kDbFolder, "person-with-role");
    const auto key = LookupKey::generate();
    SqliteDb db(file);
    auto ledger = openLedger(db, key);
    ledger.registerOrganisation(kOrg, "华为技术有限公司", "manufacturing", kAt);
    const auto doc = *parseResidentId("11010519491231002X", kToday).document;

    // An organisation that is not registered: refused, and the message says nothing was kept.
    CHECK_THROWS_WITH_AS(ledger.registerPersonWithRole("张三", doc, "91370102MA3C4K7P03",
                                                       Role::SafetyManager, kToday, kAt),
                         doctest::Contains("is not registered; nothing was saved"), LedgerError);
    CHECK(count(db, "SELECT count(*) FROM events") == 1);
    CHECK_FALSE(ledger.findPerson(doc));

    // The role's write failing after the person's event was appended (a fault injected with a
    // temporary trigger on this connection only) takes the person's event back with it.
    db.exec(
        "CREATE TEMP TRIGGER fail_role BEFORE INSERT ON roles "
        "BEGIN SELECT RAISE(ABORT, 'injected fault'); END;");
    CHECK_THROWS(
        ledger.registerPersonWithRole("张三", doc, kOrg, Role::SafetyManager, kToday, kAt));
    CHECK(count(db, "SELECT count(*) FROM events") == 1);
    CHECK(count(db, "SELECT count(*) FROM people") == 0);
    CHECK_FALSE(ledger.findPerson(doc));
    db.exec("DROP TRIGGER temp.fail_role;");

    const auto r =
        ledger.registerPersonWithRole("张三", doc, kOrg, Role::SafetyManager, kToday, kAt);
    CHECK(r.personId == "base-test:2");
    CHECK(r.roleEventId == "base-test:3");
    CHECK(count(db,
                "SELECT count(*) FROM roles WHERE person_id = 'base-test:2' AND "
                "credit_code = '914403001922038216' AND role = 'safety_manager'") == 1);
    CHECK(ledger.events().verify().ok());
}
