#include "ledger/compliance.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

const SpecialOpsCertificateRule& opsRule() {
    return *rules().specialOpsOn({2026, 11, 23});
}

}  // namespace

TEST_CASE("special-operations certificate: valid, review due, review missed, expired") {
    SpecialOpsCertificate cert;
    cert.issued = {2023, 11, 24};  // first review due 2026-11-24, expires 2029-11-24

    SUBCASE("well before the review window") {
        const auto s = specialOpsStatus(cert, opsRule(), {2026, 9, 1});
        CHECK(s.state == CertificateState::Valid);
        CHECK(s.nextReview == CivilDate{2026, 11, 24});
        CHECK(s.expires == CivilDate{2029, 11, 24});
    }
    SUBCASE("the window opens 60 days before the review date") {
        CHECK(specialOpsStatus(cert, opsRule(), {2026, 9, 24}).state == CertificateState::Valid);
        CHECK(specialOpsStatus(cert, opsRule(), {2026, 9, 25}).state ==
              CertificateState::ReviewDue);
    }
    SUBCASE("review due tomorrow") {
        const auto s = specialOpsStatus(cert, opsRule(), {2026, 11, 23});
        CHECK(s.state == CertificateState::ReviewDue);
        CHECK(s.daysToNextReview == 1);
        CHECK(s.explanation.find("2026-11-24") != std::string::npos);
        CHECK(s.ruleId == "certificate.special_operations");
    }
    SUBCASE("review date passed without a review: void") {
        const auto s = specialOpsStatus(cert, opsRule(), {2026, 11, 25});
        CHECK(s.state == CertificateState::ReviewMissed);
    }
    SUBCASE("review passed in the window: valid until the renewal window") {
        cert.reviewsPassed = {{2026, 10, 30}};
        auto s = specialOpsStatus(cert, opsRule(), {2026, 11, 23});
        CHECK(s.state == CertificateState::Valid);
        CHECK(s.nextReview == CivilDate{2029, 11, 24});
        s = specialOpsStatus(cert, opsRule(), {2028, 1, 1});
        CHECK(s.state == CertificateState::Valid);
        s = specialOpsStatus(cert, opsRule(), {2029, 11, 23});
        CHECK(s.state == CertificateState::ReviewDue);
        CHECK(s.daysToNextReview == 1);
    }
    SUBCASE("a review passed too early (before the window) does not count") {
        cert.reviewsPassed = {{2026, 6, 1}};
        CHECK(specialOpsStatus(cert, opsRule(), {2026, 12, 1}).state ==
              CertificateState::ReviewMissed);
    }
    SUBCASE("expired certificate") {
        cert.reviewsPassed = {{2026, 11, 1}};
        const auto s = specialOpsStatus(cert, opsRule(), {2029, 11, 24});
        CHECK(s.state == CertificateState::Expired);
        CHECK(specialOpsStatus(cert, opsRule(), {2029, 11, 23}).state != CertificateState::Expired);
    }
    SUBCASE("extended review period: no review at year 3") {
        cert.reviewExtended = true;
        const auto s = specialOpsStatus(cert, opsRule(), {2027, 6, 1});
        CHECK(s.state == CertificateState::Valid);
        CHECK(s.nextReview == CivilDate{2029, 11, 24});
    }
    SUBCASE("revoked, and not yet issued") {
        cert.revoked = CivilDate{2025, 1, 1};
        CHECK(specialOpsStatus(cert, opsRule(), {2025, 1, 1}).state == CertificateState::Revoked);
        CHECK(specialOpsStatus(cert, opsRule(), {2024, 12, 31}).state == CertificateState::Valid);
        CHECK(specialOpsStatus(cert, opsRule(), {2023, 11, 23}).state ==
              CertificateState::NotYetValid);
    }
    SUBCASE("six months off the post requires the practical exam again") {
        cert.offPostSince = CivilDate{2025, 3, 1};
        CHECK_FALSE(specialOpsStatus(cert, opsRule(), {2025, 8, 31}).practicalReexamRequired);
        CHECK(specialOpsStatus(cert, opsRule(), {2025, 9, 1}).practicalReexamRequired);
    }
}

TEST_CASE("training hours: complete, short by one, annual per calendar year") {
    const auto& rules = testing::rules();
    const CivilDate on{2026, 11, 23};
    std::vector<TrainingRecord> records = {{{2026, 3, 1}, 24, true}, {{2026, 3, 8}, 23, true}};

    auto c =
        checkInitialTraining(rules, Role::PrincipalPerson, IndustryClass::HighRisk, records, on);
    CHECK(c.required == 48);
    CHECK(c.completed == 47);
    CHECK(c.shortBy == 1);
    CHECK_FALSE(c.ok());
    CHECK(c.explanation.find("short by 1") != std::string::npos);

    // The same 47 hours satisfy the general-industry figure of 32.
    CHECK(checkInitialTraining(rules, Role::PrincipalPerson, IndustryClass::General, records, on)
              .ok());
    // Hours recorded after the date asked about do not count.
    records.push_back({{2026, 12, 1}, 1, true});
    CHECK(checkInitialTraining(rules, Role::PrincipalPerson, IndustryClass::HighRisk, records, on)
              .shortBy == 1);
    CHECK(checkInitialTraining(rules, Role::PrincipalPerson, IndustryClass::HighRisk, records,
                               {2026, 12, 1})
              .ok());

    // Annual refresher of a high-risk new worker: 20 h within the calendar year.
    std::vector<TrainingRecord> annual = {{{2025, 12, 20}, 10, false}, {{2026, 2, 1}, 19, false}};
    c = checkAnnualTraining(rules, Role::NewWorker, IndustryClass::HighRisk, annual, on);
    CHECK(c.required == 20);
    CHECK(c.completed == 19);
    CHECK(c.shortBy == 1);
    // General new workers have no national annual figure: nothing required.
    CHECK(checkAnnualTraining(rules, Role::NewWorker, IndustryClass::General, annual, on).ok());
    // No rule for special-operations workers' hours in this table.
    CHECK_FALSE(checkInitialTraining(rules, Role::SpecialOperationsWorker, IndustryClass::General,
                                     records, on)
                    .ruleFound);
}

TEST_CASE("high-risk principal person's certificate: 3 years, renewal window of 60 days") {
    const auto& rule = *rules().principalCertificateOn({2026, 11, 23});
    const CivilDate issued{2024, 1, 15};  // expires 2027-01-15, window opens 2026-11-16
    CHECK(principalCertificateStatus(issued, rule, {2026, 11, 15}).state ==
          CertificateState::Valid);
    const auto due = principalCertificateStatus(issued, rule, {2026, 11, 16});
    CHECK(due.state == CertificateState::ReviewDue);
    CHECK(due.daysToNextReview == 60);
    CHECK(principalCertificateStatus(issued, rule, {2027, 1, 14}).state ==
          CertificateState::ReviewDue);
    CHECK(principalCertificateStatus(issued, rule, {2027, 1, 15}).state ==
          CertificateState::Expired);
    CHECK(principalCertificateStatus(issued, rule, {2024, 1, 14}).state ==
          CertificateState::NotYetValid);
}
