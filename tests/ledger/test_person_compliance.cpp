// The compliance engine (person_compliance.h) on dated cases, through the real Ledger: each
// case checks the exact day a requirement changes state.
#include "ledger/id_number.h"
#include "ledger/ledger.h"
#include "ledger/person_compliance.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "compliance";
const char* kGeneralOrg = "914403001922038216";   // manufacturing
const char* kHighRiskOrg = "9137030312353597XX";  // hazardous chemicals

// A valid resident identity number (GB 11643) for person number n.
std::string idNumber(int n) {
    std::string first17 = "110105198001010" + std::string(n < 10 ? "0" : "") + std::to_string(n);
    first17.resize(17, '0');
    return first17 + gb11643CheckChar(first17);
}

struct Fixture {
    fs::path file;
    SqliteDb db;
    IndustryList industries = testing::industries();
    Ledger ledger;
    ComplianceReader reader;

    explicit Fixture(const std::string& name)
        : file(freshDb(kDbFolder, name)),
          db(file),
          ledger(db, LookupKey::generate(), industries, rules(), trainingKinds()),
          reader(db, ledger.rules(), ledger.trainingKinds(), industries) {
        ledger.registerOrganisation(kGeneralOrg, "华为技术有限公司", "manufacturing", kAt);
        ledger.registerOrganisation(kHighRiskOrg, "淄博化工有限公司", "hazardous_chemicals", kAt);
    }

    std::string person(int n, const char* org, Role role, const CivilDate& since) {
        const auto doc = *parseResidentId(idNumber(n), {2026, 11, 23}).document;
        std::string name = "张";
        name += std::to_string(n);
        const auto id = ledger.registerPerson(name, doc, kAt);
        ledger.assignRole(id, org, role, since, kAt);
        return id;
    }

    // Theory and practical passed, then the certificate issued on `issued`.
    std::string certificate(const std::string& person, int n, const CivilDate& issued) {
        ledger.recordExam(person, "special_operations", ExamPart::Theory, issued.addDays(-10), 90,
                          kAt);
        ledger.recordExam(person, "special_operations", ExamPart::Practical, issued.addDays(-7), 88,
                          kAt);
        std::string number = "T";
        number += idNumber(n);
        return ledger.issueSpecialOpsCertificate(person, number, "电工作业", issued, kAt);
    }

    PersonCompliance on(const std::string& person, const CivilDate& d, int within = 30) {
        auto c = reader.person(person, d, within);
        REQUIRE(c);
        return *c;
    }
};

const Requirement& item(const PersonCompliance& c, const std::string& name) {
    for (const auto& r : c.requirements)
        if (r.item == name) return r;
    FAIL("no requirement " << name);
    static Requirement none;
    return none;
}

bool hasItem(const PersonCompliance& c, const std::string& name) {
    for (const auto& r : c.requirements)
        if (r.item == name) return true;
    return false;
}

}  // namespace

TEST_CASE("compliance: a review due tomorrow is DueSoon, the post may still be held") {
    Fixture f("review-tomorrow");
    const auto p = f.person(1, kGeneralOrg, Role::SpecialOperationsWorker, {2023, 10, 1});
    const auto cert = f.certificate(p, 1, {2023, 11, 24});  // first review due 2026-11-24

    const auto c = f.on(p, {2026, 11, 23}, 0);
    const auto& r = item(c, "special_ops_certificate");
    CHECK(r.state == RequirementState::DueSoon);  // the review window is open, whatever N
    CHECK(r.due == CivilDate{2026, 11, 24});
    CHECK(r.certificateId == cert);
    CHECK(r.ruleId == "certificate.special_operations");
    CHECK(r.detail.find("2026-11-24") != std::string::npos);
    CHECK(r.detail.find("T110105********") != std::string::npos);  // masked number
    CHECK(c.mayHoldPost);
    CHECK(c.worst() == RequirementState::DueSoon);

    // Before the 60-day window, "within N days" decides: due in exactly N days is DueSoon.
    const CivilDate before{2026, 9, 23};  // 62 days before the review date
    CHECK(item(f.on(p, before, 62), "special_ops_certificate").state == RequirementState::DueSoon);
    CHECK(item(f.on(p, before, 61), "special_ops_certificate").state == RequirementState::Met);
}

TEST_CASE("compliance: an expired certificate is Overdue and bars the post from that day") {
    Fixture f("expired");
    const auto p = f.person(2, kGeneralOrg, Role::SpecialOperationsWorker, {2019, 12, 1});
    const auto cert = f.certificate(p, 2, {2020, 1, 10});  // expires 2026-01-10
    // The 3-year review, in its window, after 8 hours of review training (art. 20, 21).
    f.ledger.recordTraining(p, {2022, 12, 1}, 8, "review", "复审培训", kAt);
    f.ledger.recordCertificateReview(cert, {2022, 12, 10}, kAt);

    auto c = f.on(p, {2026, 1, 9});
    CHECK(c.mayHoldPost);
    CHECK(item(c, "special_ops_certificate").state == RequirementState::DueSoon);

    c = f.on(p, {2026, 1, 10});
    const auto& r = item(c, "special_ops_certificate");
    CHECK(r.state == RequirementState::Overdue);
    CHECK(r.detail.find("expired on 2026-01-10") != std::string::npos);
    CHECK_FALSE(c.mayHoldPost);
    CHECK(c.worst() == RequirementState::Overdue);
}

TEST_CASE("compliance: a special-operations worker without a certificate may not hold the post") {
    Fixture f("no-certificate");
    const auto p = f.person(3, kGeneralOrg, Role::SpecialOperationsWorker, {2026, 1, 1});
    const auto c = f.on(p, {2026, 11, 23});
    CHECK(item(c, "special_ops_certificate").state == RequirementState::Missing);
    CHECK_FALSE(c.mayHoldPost);
    // A revoked certificate does not help either.
    const auto cert = f.certificate(p, 3, {2026, 3, 1});
    CHECK(f.on(p, {2026, 11, 23}).mayHoldPost);
    f.ledger.revokeCertificate(cert, {2026, 6, 1}, "违章作业", kAt);
    CHECK(f.on(p, {2026, 5, 31}).mayHoldPost);
    const auto after = f.on(p, {2026, 6, 1});
    CHECK_FALSE(after.mayHoldPost);
    CHECK(item(after, "special_ops_certificate").state == RequirementState::Missing);
}

TEST_CASE("compliance: annual refresher hours short by one are Missing, not a bar to the post") {
    Fixture f("annual");
    const auto p = f.person(4, kGeneralOrg, Role::SafetyManager, {2024, 1, 1});
    f.ledger.recordTraining(p, {2024, 1, 5}, 32, "initial", "安全管理培训", kAt);
    f.ledger.recordTraining(p, {2026, 3, 1}, 11, "annual", "年度再培训", kAt);

    auto c = f.on(p, {2026, 11, 23});
    auto r = item(c, "annual_hours");
    CHECK(r.state == RequirementState::Missing);
    CHECK(r.required == 12);
    CHECK(r.completed == 11);
    CHECK(r.due == CivilDate{2026, 12, 31});
    CHECK(r.detail.find("short by 1") != std::string::npos);
    CHECK(r.ruleId == "training.principal.general");
    CHECK(item(c, "initial_hours").state == RequirementState::Met);
    CHECK(c.mayHoldPost);
    CHECK_FALSE(hasItem(c, "principal_certificate"));  // general industry

    f.ledger.recordTraining(p, {2026, 11, 23}, 1, "annual", "补课", kAt);
    CHECK(item(f.on(p, {2026, 11, 22}), "annual_hours").state == RequirementState::Missing);
    r = item(f.on(p, {2026, 11, 23}), "annual_hours");
    CHECK(r.state == RequirementState::Met);
    CHECK(r.completed == 12);
    // The year's hours start again on 1 January.
    CHECK(item(f.on(p, {2027, 1, 1}), "annual_hours").completed == 0);
}

TEST_CASE(
    "compliance: an ordinary worker in a high-risk industry keeps induction and 20 hours a year") {
    Fixture f("ordinary");
    const auto p = f.person(7, kHighRiskOrg, Role::OrdinaryWorker, {2024, 6, 1});
    // Induction of 71 hours: one short of the high-risk 72, so not yet on the post.
    f.ledger.recordTraining(p, {2024, 5, 20}, 71, "three_level", "三级安全教育", kAt);
    auto c = f.on(p, {2024, 6, 1});
    CHECK(item(c, "initial_hours").state == RequirementState::Missing);
    CHECK(item(c, "initial_hours").required == 72);
    CHECK(item(c, "initial_hours").ruleId == "training.new_worker.high_risk");
    CHECK_FALSE(c.mayHoldPost);
    f.ledger.recordTraining(p, {2024, 5, 31}, 1, "three_level", "班组级补课", kAt);
    CHECK(f.on(p, {2024, 6, 1}).mayHoldPost);
    // In a later year the annual 20 hours apply: 19 is short by one.
    f.ledger.recordTraining(p, {2026, 4, 1}, 19, "annual", "年度再培训", kAt);
    auto annual = item(f.on(p, {2026, 11, 23}), "annual_hours");
    CHECK(annual.state == RequirementState::Missing);
    CHECK(annual.required == 20);
    CHECK(annual.completed == 19);
}

TEST_CASE("compliance: a high-risk principal person needs 48 initial hours before the post") {
    Fixture f("principal");
    const auto p = f.person(5, kHighRiskOrg, Role::PrincipalPerson, {2026, 2, 1});
    f.ledger.recordTraining(p, {2026, 2, 2}, 47, "initial", "主要负责人培训", kAt);

    auto c = f.on(p, {2026, 11, 23});
    auto r = item(c, "initial_hours");
    CHECK(r.state == RequirementState::Missing);
    CHECK(r.required == 48);
    CHECK(r.completed == 47);
    CHECK(r.ruleId == "training.principal.high_risk");
    CHECK_FALSE(c.mayHoldPost);
    // Took the post this year: the annual refresher starts next year.
    CHECK(item(c, "annual_hours").state == RequirementState::NotApplicable);
    // 安全生产知识和管理能力考核 not passed: the certificate is missing.
    CHECK(item(c, "principal_certificate").state == RequirementState::Missing);
    REQUIRE(c.roles.size() == 1);
    CHECK(c.roles[0].highRisk);

    f.ledger.recordTraining(p, {2026, 11, 23}, 1, "initial", "补课", kAt);
    c = f.on(p, {2026, 11, 23});
    CHECK(item(c, "initial_hours").state == RequirementState::Met);
    CHECK(c.mayHoldPost);

    // The same 47 hours would have been enough in a general industry (32).
    const auto q = f.person(6, kGeneralOrg, Role::PrincipalPerson, {2026, 2, 1});
    f.ledger.recordTraining(q, {2026, 2, 2}, 32, "initial", "主要负责人培训", kAt);
    CHECK(item(f.on(q, {2026, 11, 23}), "initial_hours").state == RequirementState::Met);
}

TEST_CASE("compliance: the principal certificate lasts 3 years from the passed exam") {
    Fixture f("principal-cert");
    const auto p = f.person(7, kHighRiskOrg, Role::SafetyManager, {2023, 1, 1});
    f.ledger.recordTraining(p, {2023, 1, 2}, 48, "initial", "培训", kAt);
    f.ledger.recordExam(p, "high_risk_principal", ExamPart::Theory, {2023, 12, 1}, 85, kAt);
    auto r = item(f.on(p, {2026, 9, 1}, 30), "principal_certificate");
    CHECK(r.state == RequirementState::Met);
    CHECK(r.due == CivilDate{2026, 12, 1});
    CHECK(item(f.on(p, {2026, 11, 23}), "principal_certificate").state ==
          RequirementState::DueSoon);
    CHECK(item(f.on(p, {2026, 12, 1}), "principal_certificate").state == RequirementState::Overdue);
}

TEST_CASE("compliance: a roster holds the organisation's people and their roles there only") {
    Fixture f("roster");
    const auto a = f.person(8, kGeneralOrg, Role::NewWorker, {2026, 3, 1});
    const auto b = f.person(9, kHighRiskOrg, Role::NewWorker, {2026, 3, 1});
    f.ledger.assignRole(b, kGeneralOrg, Role::SafetyManager, {2026, 4, 1}, kAt);
    const auto late = f.person(10, kGeneralOrg, Role::NewWorker, {2026, 12, 1});
    f.ledger.recordTraining(a, {2026, 3, 1}, 24, "initial", "三级安全教育", kAt);

    const auto roster = f.reader.roster(kGeneralOrg, {2026, 11, 23}, 30);
    REQUIRE(roster.size() == 2);  // `late` starts after the date asked about
    CHECK(roster[0].personId == a);
    CHECK(roster[0].mayHoldPost);
    CHECK(item(roster[0], "initial_hours").required == 24);
    CHECK(roster[1].personId == b);
    REQUIRE(roster[1].roles.size() == 1);
    CHECK(roster[1].roles[0].role == "safety_manager");
    for (const auto& r : roster[1].requirements) CHECK(r.creditCode == kGeneralOrg);
    CHECK_FALSE(roster[1].mayHoldPost);  // no initial hours at all
    CHECK(roster[1].idMasked.find("********") != std::string::npos);

    CHECK(f.reader.roster("91350100M000100Y43", {2026, 11, 23}, 30).empty());
    CHECK_FALSE(f.reader.organisationExists("91350100M000100Y43"));
    CHECK_FALSE(f.reader.person("base-test:999", {2026, 11, 23}, 30));
    (void)late;
}
