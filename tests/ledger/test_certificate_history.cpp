// Certificate status with history (suspend, reinstate, revoke, cancel) and training records
// with provider and instructor: the dated rule cases at their exact boundaries, the refused
// transitions, voids, and the unchanged form of older events.
#include "ledger/bulk_writer.h"
#include "ledger/ledger.h"
#include "ledger/records_archive.h"
#include "ledger/training_kinds.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

const char* kIdZhao = "11010519491231002X";
const char* kIdQian = "440524188001010014";

constexpr const char* kDbFolder = "history";

std::string text(SqliteDb& db, const std::string& sql) {
    auto st = db.prepare(sql);
    REQUIRE(st.step());
    return st.columnIsNull(0) ? "NULL" : st.columnText(0);
}

// A person with both exams passed and a low-voltage certificate issued on 2023-11-24: valid
// until 2029-11-23, first review due 2026-11-24 (window opens 2026-09-25).
std::string certified(Ledger& ledger, const char* idNumber, const std::string& name) {
    const auto p = ledger.registerPerson(name, *parseResidentId(idNumber, kToday).document, kAt);
    ledger.recordExam(p, "special_operations", ExamPart::Theory, {2023, 11, 1}, 86, kAt);
    ledger.recordExam(p, "special_operations", ExamPart::Practical, {2023, 11, 10}, 92, kAt);
    return ledger.issueSpecialOpsCertificate(p, std::string("T") + idNumber, "低压电工作业",
                                             {2023, 11, 24}, kAt);
}

CertificateState stateOn(Ledger& ledger, const std::string& cert, const CivilDate& on) {
    return ledger.certificateStatus(cert, on).state;
}

std::vector<std::string> changes(Ledger& ledger, const std::string& cert) {
    std::vector<std::string> out;
    for (const auto& c : ledger.certificateHistory(cert))
        out.push_back(c.date.iso() + " " + c.change);
    return out;
}

}  // namespace

TEST_CASE("a suspended certificate is not valid in its window and valid again after it") {
    SqliteDb db(freshDb(kDbFolder, "suspend"));
    auto ledger = openLedger(db, LookupKey::generate());
    const auto cert = certified(ledger, kIdZhao, "赵六");

    // With an end: `until` is the first day valid again.
    ledger.suspendCertificate(cert, {2025, 1, 10}, "违章作业", CivilDate{2025, 4, 1}, kAt);
    CHECK(stateOn(ledger, cert, {2025, 1, 9}) == CertificateState::Valid);
    CHECK(stateOn(ledger, cert, {2025, 1, 10}) == CertificateState::Suspended);
    CHECK(stateOn(ledger, cert, {2025, 3, 31}) == CertificateState::Suspended);
    CHECK(stateOn(ledger, cert, {2025, 4, 1}) == CertificateState::Valid);
    const auto during = ledger.certificateStatus(cert, {2025, 2, 1});
    CHECK(certificateStateName(during.state) == "suspended");
    CHECK(during.explanation.find("违章作业") != std::string::npos);
    CHECK(during.explanation.find("before 2025-04-01") != std::string::npos);
    // A suspension neither stops nor extends the validity and review dates.
    CHECK(during.expires == CivilDate{2029, 11, 24});
    CHECK(during.nextReview == CivilDate{2026, 11, 24});

    // Without an end: suspended until a reinstatement, valid from the reinstatement date.
    ledger.suspendCertificate(cert, {2025, 5, 1}, "体检复查", std::nullopt, kAt);
    CHECK(stateOn(ledger, cert, {2026, 1, 1}) == CertificateState::Suspended);
    ledger.reinstateCertificate(cert, {2025, 6, 1}, "复查合格", kAt);
    CHECK(stateOn(ledger, cert, {2025, 5, 31}) == CertificateState::Suspended);
    CHECK(stateOn(ledger, cert, {2025, 6, 1}) == CertificateState::Valid);

    // A review cannot be recorded while suspended, even with the training hours and inside
    // the window; after the reinstatement it can.
    const auto holder = readCertificate(db, cert)->personId;
    ledger.recordTraining({holder, {2026, 9, 1}, 8, "review", "低压电工复审培训", "", ""}, kAt);
    ledger.suspendCertificate(cert, {2026, 10, 1}, "事故调查", std::nullopt, kAt);
    CHECK(stateOn(ledger, cert, {2026, 10, 20}) == CertificateState::Suspended);
    CHECK_THROWS_WITH_AS(ledger.recordCertificateReview(cert, {2026, 10, 20}, kAt),
                         doctest::Contains("reinstate it before recording a review"), LedgerError);
    ledger.reinstateCertificate(cert, {2026, 10, 21}, "调查结束", kAt);
    CHECK(stateOn(ledger, cert, {2026, 10, 21}) == CertificateState::ReviewDue);
    ledger.recordCertificateReview(cert, {2026, 10, 22}, kAt);
    CHECK(stateOn(ledger, cert, {2026, 11, 24}) == CertificateState::Valid);
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("revoked and cancelled certificates are final") {
    SqliteDb db(freshDb(kDbFolder, "final"));
    auto ledger = openLedger(db, LookupKey::generate());
    const auto revoked = certified(ledger, kIdZhao, "赵六");
    const auto cancelled = certified(ledger, kIdQian, "钱七");

    SUBCASE("revoked: no suspension, reinstatement or second revocation; cancelled after") {
        ledger.suspendCertificate(revoked, {2025, 1, 10}, "违章作业", std::nullopt, kAt);
        // Revoking a suspended certificate is allowed (the usual order of events).
        ledger.revokeCertificate(revoked, {2025, 2, 1}, "对事故负有责任", kAt);
        CHECK(stateOn(ledger, revoked, {2025, 1, 31}) == CertificateState::Suspended);
        CHECK(stateOn(ledger, revoked, {2025, 2, 1}) == CertificateState::Revoked);
        CHECK_THROWS_WITH_AS(ledger.reinstateCertificate(revoked, {2025, 3, 1}, "x", kAt),
                             doctest::Contains("was revoked on 2025-02-01, which is final"),
                             LedgerError);
        CHECK_THROWS_WITH_AS(
            ledger.suspendCertificate(revoked, {2025, 3, 1}, "x", std::nullopt, kAt),
            doctest::Contains("was revoked on 2025-02-01, which is final"), LedgerError);
        CHECK_THROWS_WITH_AS(ledger.revokeCertificate(revoked, {2025, 3, 1}, "x", kAt),
                             doctest::Contains("already revoked"), LedgerError);
        // Order No. 30 art. 31(3): a revoked certificate is cancelled afterwards.
        ledger.cancelCertificate(revoked, {2025, 3, 1}, "依法撤销后注销", kAt);
        CHECK(stateOn(ledger, revoked, {2025, 2, 28}) == CertificateState::Revoked);
        CHECK(stateOn(ledger, revoked, {2025, 3, 1}) == CertificateState::Cancelled);
        CHECK(certificateStateName(CertificateState::Cancelled) == "cancelled");
    }
    SUBCASE("cancelled: nothing after it") {
        ledger.cancelCertificate(cancelled, {2025, 6, 30}, "本人申请", kAt);
        CHECK(stateOn(ledger, cancelled, {2025, 6, 29}) == CertificateState::Valid);
        CHECK(stateOn(ledger, cancelled, {2025, 6, 30}) == CertificateState::Cancelled);
        CHECK(stateOn(ledger, cancelled, {2029, 12, 1}) == CertificateState::Cancelled);
        CHECK_THROWS_WITH_AS(ledger.cancelCertificate(cancelled, {2025, 7, 1}, "x", kAt),
                             doctest::Contains("already cancelled on 2025-06-30"), LedgerError);
        CHECK_THROWS_WITH_AS(ledger.revokeCertificate(cancelled, {2025, 7, 1}, "x", kAt),
                             doctest::Contains("cancelled on 2025-06-30, which is final"),
                             LedgerError);
        CHECK_THROWS_WITH_AS(
            ledger.suspendCertificate(cancelled, {2025, 7, 1}, "x", std::nullopt, kAt),
            doctest::Contains("cancelled on 2025-06-30, which is final"), LedgerError);
        CHECK_THROWS_WITH_AS(ledger.reinstateCertificate(cancelled, {2025, 7, 1}, "x", kAt),
                             doctest::Contains("which is final"), LedgerError);
        // A cancelled certificate leaves the expiring list; the other one stays on it.
        const auto expiring = certificatesExpiring(db, "2029-11-01", 60, 6);
        REQUIRE(expiring.size() == 1);
        CHECK(expiring[0].certificateId == revoked);
    }
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("refused certificate changes say why and record nothing") {
    SqliteDb db(freshDb(kDbFolder, "refused"));
    auto ledger = openLedger(db, LookupKey::generate());
    const auto cert = certified(ledger, kIdZhao, "赵六");
    const auto events = count(db, "SELECT count(*) FROM events");

    CHECK_THROWS_WITH_AS(ledger.suspendCertificate(cert, {2025, 1, 10}, "", std::nullopt, kAt),
                         doctest::Contains("reason is empty"), LedgerError);
    CHECK_THROWS_WITH_AS(ledger.reinstateCertificate(cert, {2025, 1, 10}, "", kAt),
                         doctest::Contains("reason is empty"), LedgerError);
    CHECK_THROWS_WITH_AS(ledger.cancelCertificate(cert, {2025, 1, 10}, "", kAt),
                         doctest::Contains("reason is empty"), LedgerError);
    CHECK_THROWS_WITH_AS(
        ledger.suspendCertificate(cert, {2025, 1, 10}, "x", CivilDate{2025, 1, 10}, kAt),
        doctest::Contains("until: 2025-01-10 is not after the suspension date"), LedgerError);
    CHECK_THROWS_WITH_AS(
        ledger.suspendCertificate(cert, {2023, 11, 23}, "x", std::nullopt, kAt),
        doctest::Contains("before the certificate's last change (issued on 2023-11-24)"),
        LedgerError);
    // Expired (valid 6 years: the last valid day is 2029-11-23), and a missed review.
    CHECK_THROWS_WITH_AS(ledger.suspendCertificate(cert, {2029, 11, 24}, "x", std::nullopt, kAt),
                         doctest::Contains("is not valid on 2029-11-24, nothing to suspend"),
                         LedgerError);
    CHECK_THROWS_WITH_AS(ledger.suspendCertificate(cert, {2027, 1, 1}, "x", std::nullopt, kAt),
                         doctest::Contains("review due on 2026-11-24 was not passed"), LedgerError);
    CHECK_THROWS_WITH_AS(ledger.reinstateCertificate(cert, {2025, 1, 10}, "x", kAt),
                         doctest::Contains("is not suspended on 2025-01-10, nothing to reinstate"),
                         LedgerError);
    CHECK_THROWS_WITH_AS(
        ledger.suspendCertificate("base-test:99", {2025, 1, 10}, "x", std::nullopt, kAt),
        doctest::Contains("no certificate base-test:99"), LedgerError);
    CHECK_THROWS_WITH_AS(ledger.certificateHistory("base-test:99"),
                         doctest::Contains("no certificate base-test:99"), LedgerError);
    CHECK(count(db, "SELECT count(*) FROM events") == events);

    // Already suspended; a reinstatement after the suspension ended by itself; and changes
    // recorded out of date order.
    ledger.suspendCertificate(cert, {2025, 3, 1}, "违章作业", CivilDate{2025, 4, 1}, kAt);
    CHECK_THROWS_WITH_AS(ledger.suspendCertificate(cert, {2025, 3, 15}, "x", std::nullopt, kAt),
                         doctest::Contains("already suspended since 2025-03-01"), LedgerError);
    CHECK_THROWS_WITH_AS(ledger.reinstateCertificate(cert, {2025, 4, 1}, "x", kAt),
                         doctest::Contains("is not suspended on 2025-04-01"), LedgerError);
    CHECK_THROWS_WITH_AS(ledger.revokeCertificate(cert, {2025, 2, 1}, "x", kAt),
                         doctest::Contains("before the certificate's last change (suspended on "
                                           "2025-03-01)"),
                         LedgerError);
    CHECK(count(db, "SELECT count(*) FROM events") == events + 1);
}

TEST_CASE("a voided suspension drops out: valid again, and gone from the history") {
    const auto file = freshDb(kDbFolder, "void");
    const auto key = LookupKey::generate();
    std::string cert;
    {
        SqliteDb db(file);
        auto ledger = openLedger(db, key);
        cert = certified(ledger, kIdZhao, "赵六");
        const auto suspension =
            ledger.suspendCertificate(cert, {2025, 1, 10}, "录入错误", std::nullopt, kAt);
        CHECK(stateOn(ledger, cert, {2025, 2, 1}) == CertificateState::Suspended);
        ledger.voidEvent(suspension, "wrong certificate", kAt);
        CHECK(stateOn(ledger, cert, {2025, 2, 1}) == CertificateState::Valid);
        CHECK(changes(ledger, cert) == std::vector<std::string>{"2023-11-24 issued"});
        CHECK_THROWS_WITH_AS(ledger.reinstateCertificate(cert, {2025, 2, 1}, "x", kAt),
                             doctest::Contains("not suspended"), LedgerError);
        CHECK(count(db, "SELECT count(*) FROM certificate_events WHERE change = 'suspended'") == 0);
    }
    // Tables of an older shape (before certificate_events) are rebuilt from the events: the
    // history of a certificate issued and revoked then is there, the voided suspension is not.
    SqliteDb db(file);
    {
        auto ledger = openLedger(db, key);
        ledger.revokeCertificate(cert, {2025, 3, 1}, "对事故负有责任", kAt);
    }
    db.exec(
        "DROP TABLE certificate_events; UPDATE ledger_meta SET value = '2' "
        "WHERE key = 'projection_schema'");
    auto ledger = openLedger(db, key);
    CHECK(changes(ledger, cert) ==
          std::vector<std::string>{"2023-11-24 issued", "2025-03-01 revoked"});
    CHECK(stateOn(ledger, cert, {2025, 3, 1}) == CertificateState::Revoked);
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("the history reads oldest first, and the archive shows the new records") {
    SqliteDb db(freshDb(kDbFolder, "order"));
    auto ledger = openLedger(db, LookupKey::generate());
    const auto cert = certified(ledger, kIdZhao, "赵六");
    ledger.suspendCertificate(cert, {2025, 1, 10}, "违章作业", CivilDate{2025, 4, 1}, kAt);
    // Lifted on the day it began (same date: the order they were recorded in decides).
    ledger.reinstateCertificate(cert, {2025, 1, 10}, "误扣", kAt);
    CHECK(stateOn(ledger, cert, {2025, 1, 10}) == CertificateState::Valid);
    ledger.suspendCertificate(cert, {2025, 8, 1}, "违章作业", std::nullopt, kAt);
    ledger.cancelCertificate(cert, {2025, 9, 1}, "本人死亡", kAt);

    const auto history = ledger.certificateHistory(cert);
    CHECK(changes(ledger, cert) ==
          std::vector<std::string>{"2023-11-24 issued", "2025-01-10 suspended",
                                   "2025-01-10 reinstated", "2025-08-01 suspended",
                                   "2025-09-01 cancelled"});
    REQUIRE(history.size() == 5);
    CHECK(history[0].eventId == cert);
    CHECK(history[1].reason == "违章作业");
    CHECK(history[1].until == CivilDate{2025, 4, 1});
    CHECK_FALSE(history[3].until.has_value());
    CHECK(history[4].reason == "本人死亡");

    ArchiveReader reader(db);
    const auto archive =
        reader.person(*ledger.findPerson(*parseResidentId(kIdZhao, kToday).document));
    REQUIRE(archive);
    std::vector<std::string> records;
    for (const auto& r : archive->records) records.push_back(r.date + " " + r.record);
    CHECK(records ==
          std::vector<std::string>{
              "2023-11-01 exam", "2023-11-10 exam", "2023-11-24 certificate",
              "2025-01-10 certificate_suspension", "2025-01-10 certificate_reinstatement",
              "2025-08-01 certificate_suspension", "2025-09-01 certificate_cancellation"});
    const auto& suspension = archive->records[3];
    CHECK(suspension.reason == "违章作业");
    CHECK(suspension.until == "2025-04-01");
    CHECK(suspension.subject == "低压电工作业");
    CHECK(suspension.certificateNumberMasked == "T110105********002X");
    CHECK(archive->records[2].revoked.empty());
}

TEST_CASE("training records: every kind, provider and instructor, and the old event form") {
    const auto key = *LookupKey::fromHex(std::string(64, 'b'));
    const auto doc = *parseResidentId(kIdZhao, kToday).document;
    SqliteDb db(freshDb(kDbFolder, "training"));
    auto ledger = openLedger(db, key);
    const auto p = ledger.registerPerson("赵六", doc, kAt);

    for (const auto& kind : trainingKinds().ids())
        CHECK_NOTHROW(ledger.recordTraining({p, {2026, 3, 1}, 2, kind, "安全教育", "", ""}, kAt));
    CHECK(count(db, "SELECT count(DISTINCT kind) FROM training") == 7);

    const auto withProvider = ledger.recordTraining(
        {p, {2026, 4, 1}, 8, "three_level", "厂级安全教育", "市安全培训中心", "王老师"}, kAt);
    CHECK(text(db, "SELECT provider FROM training WHERE event_id = '" + withProvider + "'") ==
          "市安全培训中心");
    CHECK(text(db, "SELECT instructor FROM training WHERE event_id = '" + withProvider + "'") ==
          "王老师");
    CHECK(text(db, "SELECT payload FROM events WHERE event_id = '" + withProvider + "'")
              .find("\"instructor\":\"王老师\"") != std::string::npos);

    // The old call and the new one without provider write the same payload as before.
    const auto oldForm = ledger.recordTraining(p, {2026, 5, 1}, 4, "annual", "年度再培训", kAt);
    const auto newForm =
        ledger.recordTraining({p, {2026, 5, 1}, 4, "annual", "年度再培训", "", ""}, kAt);
    const std::string expected =
        "{\"date\":\"2026-05-01\",\"hours\":4,\"kind\":\"annual\","
        "\"person_id\":\"" +
        p + "\",\"topic\":\"年度再培训\"}";
    CHECK(text(db, "SELECT payload FROM events WHERE event_id = '" + oldForm + "'") == expected);
    CHECK(text(db, "SELECT payload FROM events WHERE event_id = '" + newForm + "'") == expected);
    CHECK(text(db, "SELECT provider FROM training WHERE event_id = '" + oldForm + "'") == "NULL");

    // Bad input names the field and records nothing.
    const auto events = count(db, "SELECT count(*) FROM events");
    CHECK_THROWS_WITH_AS(ledger.recordTraining({p, {2026, 5, 1}, 4, "party", "x", "", ""}, kAt),
                         doctest::Contains("training kind: \"party\" is not initial, annual"),
                         LedgerError);
    CHECK_THROWS_WITH_AS(ledger.recordTraining({p, {2026, 5, 1}, 0, "annual", "x", "", ""}, kAt),
                         doctest::Contains("training hours: 0"), LedgerError);
    CHECK_THROWS_WITH_AS(ledger.recordTraining({p, {2026, 5, 1}, 101, "annual", "x", "", ""}, kAt),
                         doctest::Contains("training hours: 101"), LedgerError);
    CHECK_THROWS_WITH_AS(ledger.recordTraining({p, {2026, 5, 1}, 4, "annual", "", "", ""}, kAt),
                         doctest::Contains("training topic is empty"), LedgerError);
    CHECK_THROWS_WITH_AS(
        ledger.recordTraining({p, {2026, 5, 1}, 4, "annual", "x", "a\nb", ""}, kAt),
        doctest::Contains("training provider contains a line break"), LedgerError);
    CHECK_THROWS_WITH_AS(
        ledger.recordTraining({"base-test:99", {2026, 5, 1}, 4, "annual", "x", "", ""}, kAt),
        doctest::Contains("no person base-test:99"), LedgerError);
    CHECK(count(db, "SELECT count(*) FROM events") == events);

    // BulkWriter and Ledger still write byte-identical training events.
    SqliteDb bulkDb(freshDb(kDbFolder, "training-bulk"));
    BulkWriter writer(bulkDb, key, rules());
    SqliteDb checkedDb(freshDb(kDbFolder, "training-checked"));
    auto checked = openLedger(checkedDb, key);
    const auto bp = writer.registerPerson("赵六", doc, kAt);
    const auto cp = checked.registerPerson("赵六", doc, kAt);
    writer.recordTraining(bp, {2026, 5, 1}, 4, "annual", "年度再培训", kAt);
    checked.recordTraining(cp, {2026, 5, 1}, 4, "annual", "年度再培训", kAt);
    CHECK(writer.events().verify().headHash == checked.events().verify().headHash);
}

TEST_CASE("training kinds: which hours each one counts toward") {
    // The shipped content/training-kinds.json; test_training_kinds.cpp checks every kind.
    const auto& kinds = trainingKinds();
    const CivilDate on{2026, 3, 1};
    CHECK(kinds.countsAs("initial", on) == TrainingCount::InitialHours);
    CHECK(kinds.countsAs("three_level", on) == TrainingCount::InitialHours);
    CHECK(kinds.countsAs("annual", on) == TrainingCount::AnnualHours);
    CHECK(kinds.countsAs("first_lesson", on) == TrainingCount::AnnualHours);
    CHECK(kinds.countsAs("review", on) == TrainingCount::ReviewHours);
    CHECK(kinds.countsAs("special_ops", on) == TrainingCount::NotCounted);
    CHECK(kinds.countsAs("drill", on) == TrainingCount::NotCounted);
    CHECK_FALSE(kinds.contains("Initial"));

    // A new worker in a general industry: 24 initial hours (art. 13). Three-level induction
    // counts; a drill and special-operations training do not; short by one is short.
    const auto r = rules();
    std::vector<TrainingRecord> records;
    const std::pair<const char*, int> given[] = {
        {"three_level", 16}, {"initial", 7}, {"drill", 4}, {"special_ops", 40}, {"review", 8}};
    for (const auto& [kind, hours] : given)
        if (const auto rec = kinds.complianceRecord(kind, on, hours)) records.push_back(*rec);
    auto c = checkInitialTraining(r, Role::NewWorker, IndustryClass::General, records, kToday);
    CHECK(c.completed == 23);
    CHECK(c.shortBy == 1);
    records.push_back(*kinds.complianceRecord("three_level", {2026, 3, 2}, 1));
    CHECK(checkInitialTraining(r, Role::NewWorker, IndustryClass::General, records, kToday).ok());
    // The first lesson of the year is refresher training: annual hours, never initial.
    std::vector<TrainingRecord> annual = {*kinds.complianceRecord("first_lesson", {2026, 2, 20}, 4),
                                          *kinds.complianceRecord("annual", {2026, 6, 1}, 8)};
    c = checkAnnualTraining(r, Role::SafetyManager, IndustryClass::General, annual, kToday);
    CHECK(c.completed == 12);
    CHECK(c.ok());
    CHECK(checkInitialTraining(r, Role::SafetyManager, IndustryClass::General, annual, kToday)
              .completed == 0);
}
