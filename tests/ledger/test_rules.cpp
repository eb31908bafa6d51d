#include "ledger/industries.h"
#include "ledger/rules.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;
using nlohmann::json;

namespace {

bool hasIssue(const std::vector<ContentIssue>& issues, const std::string& pointer,
              const std::string& text) {
    return std::any_of(issues.begin(), issues.end(), [&](const ContentIssue& i) {
        return i.pointer == pointer && i.message.find(text) != std::string::npos;
    });
}

json minimalRules() {
    const json source = {{"document", "Order"}, {"article", "9"}, {"verified", false}};
    return {{"format", "drillbase-certification-rules/1"},
            {"version", "t1"},
            {"training_hours", json::array({{{"id", "training.principal.general"},
                                             {"roles", {"principal_person"}},
                                             {"industry_class", "general"},
                                             {"initial_hours", 32},
                                             {"annual_hours", 12},
                                             {"effective_from", "2015-07-01"},
                                             {"source", source}}})},
            {"exams", json::array()},
            {"special_operations_certificate", json::array()},
            {"principal_certificate", json::array()}};
}

}  // namespace

TEST_CASE("the shipped certification rules load and answer the published figures") {
    const auto rules = loadCertificationRulesFile(kContent / "certification-rules.json");
    const CivilDate on{2026, 11, 23};
    const auto* p = rules.trainingHoursFor(Role::PrincipalPerson, IndustryClass::General, on);
    REQUIRE(p);
    CHECK(p->initialHours == 32);
    CHECK(p->annualHours == 12);
    CHECK(p->meta.source.article == "第九条");
    const auto* ph = rules.trainingHoursFor(Role::SafetyManager, IndustryClass::HighRisk, on);
    REQUIRE(ph);
    CHECK(ph->initialHours == 48);
    CHECK(ph->annualHours == 16);
    const auto* nw = rules.trainingHoursFor(Role::NewWorker, IndustryClass::General, on);
    REQUIRE(nw);
    CHECK(nw->initialHours == 24);
    const auto* nh = rules.trainingHoursFor(Role::NewWorker, IndustryClass::HighRisk, on);
    REQUIRE(nh);
    CHECK(nh->initialHours == 72);
    CHECK(nh->annualHours == 20);

    const auto* so = rules.specialOpsOn(on);
    REQUIRE(so);
    CHECK(so->validYears == 6);
    CHECK(so->reviewIntervalYears == 3);
    CHECK(so->reviewWindowDays == 60);
    CHECK(so->reviewTrainingHours == 8);
    CHECK(so->extensionAfterYears == 10);
    CHECK(so->extendedReviewIntervalYears == 6);
    CHECK(so->offPostReexamMonths == 6);
    // The two articles the gathered domain notes attribute to Order No. 30: the 10-year
    // extension (art. 21) and the practical re-examination after 6 months off the post (art. 32).
    CHECK(so->meta.source.article.find("第二十一条") != std::string::npos);
    CHECK(so->meta.source.article.find("第三十二条") != std::string::npos);

    const auto* exam = rules.examFor("special_operations", on);
    REQUIRE(exam);
    CHECK(exam->maxPoints == 100);
    CHECK(exam->passPoints == 80);
    CHECK(exam->makeups == 1);
    CHECK(exam->partsInOrder == std::vector<std::string>{"theory", "practical"});
    REQUIRE(rules.principalCertificateOn(on));
    CHECK(rules.principalCertificateOn(on)->validYears == 3);

    // Before Order No. 30 took effect there is no special-operations rule in the file.
    CHECK(rules.specialOpsOn({2010, 6, 30}) == nullptr);
}

TEST_CASE("the shipped industry list marks the high-risk industries of art. 9") {
    const auto list = loadIndustriesFile(kContent / "industries.json");
    for (const char* id :
         {"coal_mining", "non_coal_mining", "hazardous_chemicals", "fireworks", "metal_smelting"}) {
        CAPTURE(id);
        REQUIRE(list.find(id));
        CHECK(list.find(id)->highRisk);
    }
    REQUIRE(list.find("manufacturing"));
    CHECK_FALSE(list.find("manufacturing")->highRisk);
    CHECK(list.find("space_tourism") == nullptr);
}

TEST_CASE("a rule set with a newer version of a rule picks the one in force on the date") {
    auto doc = minimalRules();
    doc["training_hours"][0]["effective_until"] = "2026-12-31";
    auto newer = doc["training_hours"][0];
    newer.erase("effective_until");
    newer["effective_from"] = "2027-01-01";
    newer["initial_hours"] = 40;
    doc["training_hours"].push_back(newer);
    const auto load = readCertificationRules(doc);
    REQUIRE(load.rules);
    const auto& r = *load.rules;
    CHECK(r.trainingHoursFor(Role::PrincipalPerson, IndustryClass::General, {2026, 12, 31})
              ->initialHours == 32);
    CHECK(r.trainingHoursFor(Role::PrincipalPerson, IndustryClass::General, {2027, 1, 1})
              ->initialHours == 40);
    CHECK(r.trainingHoursFor(Role::PrincipalPerson, IndustryClass::General, {2015, 6, 30}) ==
          nullptr);
}

TEST_CASE("bad rule files are reported field by field") {
    SUBCASE("missing field, wrong type, unknown field, bad role and date") {
        auto doc = minimalRules();
        auto& t = doc["training_hours"][0];
        t.erase("annual_hours");
        t["initial_hours"] = "32";
        t["inital_hours"] = 32;
        t["roles"] = {"boss"};
        t["effective_from"] = "2015-02-30";
        const auto load = readCertificationRules(doc);
        CHECK_FALSE(load.rules);
        const auto& is = load.issues;
        CHECK(hasIssue(is, "/training_hours/0", "missing required field \"annual_hours\""));
        CHECK(hasIssue(is, "/training_hours/0/initial_hours", "whole number"));
        CHECK(hasIssue(is, "/training_hours/0/inital_hours", "unknown field"));
        CHECK(hasIssue(is, "/training_hours/0/roles/0", "principal_person"));
        CHECK(hasIssue(is, "/training_hours/0/effective_from", "real date"));
    }
    SUBCASE("two versions of one rule in force at once") {
        auto doc = minimalRules();
        doc["training_hours"].push_back(doc["training_hours"][0]);
        const auto load = readCertificationRules(doc);
        CHECK(hasIssue(load.issues, "/training_hours/1", "also in force"));
    }
    SUBCASE("impossible exam and certificate figures, missing source") {
        auto doc = minimalRules();
        doc["exams"].push_back({{"id", "e"},
                                {"applies_to", "special_operations"},
                                {"max_points", 100},
                                {"pass_points", 120},
                                {"makeups", 1},
                                {"parts_in_order", {"theory", "oral"}},
                                {"pass_valid_months", 12},
                                {"effective_from", "2010-07-01"}});
        doc["special_operations_certificate"].push_back(
            {{"id", "c"},
             {"valid_years", 6},
             {"review_interval_years", 7},
             {"review_window_days", 60},
             {"review_training_hours", 8},
             {"extended_review_interval_years", 6},
             {"extension_after_years", 10},
             {"off_post_reexam_months", 6},
             {"effective_from", "2010-07-01"},
             {"source", doc["training_hours"][0]["source"]}});
        const auto load = readCertificationRules(doc);
        CHECK(hasIssue(load.issues, "/exams/0/pass_points", "above max_points"));
        CHECK(hasIssue(load.issues, "/exams/0/parts_in_order/1", "theory"));
        CHECK(hasIssue(load.issues, "/exams/0", "\"source\""));
        CHECK(hasIssue(load.issues, "/special_operations_certificate/0/review_interval_years",
                       "longer than valid_years"));
    }
    SUBCASE("a float where class hours belong") {
        auto doc = minimalRules();
        doc["training_hours"][0]["annual_hours"] = 12.5;
        CHECK(hasIssue(readCertificationRules(doc).issues, "/training_hours/0/annual_hours",
                       "whole number"));
    }
}

TEST_CASE("file loaders name the file and the field") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("drillbase-test-" + std::to_string(::getpid())) / "rules";
    std::filesystem::create_directories(dir);
    const auto file = dir / "rules.json";
    {
        auto doc = minimalRules();
        doc.erase("version");
        std::ofstream(file) << doc.dump();
    }
    CHECK_THROWS_WITH_AS(loadCertificationRulesFile(file),
                         doctest::Contains("rules.json: /: missing required field \"version\""),
                         ContentError);
    std::ofstream(file) << "{ not json";
    CHECK_THROWS_WITH_AS(loadCertificationRulesFile(file), doctest::Contains("not valid JSON"),
                         ContentError);
    CHECK_THROWS_WITH_AS(loadIndustriesFile(dir / "missing.json"), doctest::Contains("cannot read"),
                         ContentError);
    std::ofstream(file) << R"({"format":"drillbase-industries/1","version":"1","industries":[
        {"id":"a","zh":"甲","en":"A","high_risk":true},{"id":"a","zh":"乙","en":"B","high_risk":"yes"}]})";
    try {
        loadIndustriesFile(file);
        FAIL("expected ContentError");
    } catch (const ContentError& e) {
        CHECK(hasIssue(e.issues(), "/industries/1/id", "duplicate"));
        CHECK(hasIssue(e.issues(), "/industries/1/high_risk", "true or false"));
    }
}
