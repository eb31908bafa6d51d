// drillctl ledger query compliance | roster | stats, and org add with the organisation fields:
// the real binary, JSON out, numbers masked, refused input named, the permission gate.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ledger_cli;

namespace {

const std::string kSuite = "compliance";
const std::string kOrg = "914403001922038216";

// A ledger with one organisation (region given) and one safety manager without training.
CliLedger smallLedger(const std::string& name) {
    const auto l = freshLedger(kSuite, name, "base-c");
    auto r = l.run("org add --code " + kOrg +
                   " --name Huawei --industry manufacturing --region 370103"
                   " --town 七里河街道 --supervision-level county --risk-colour yellow");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    r = l.run("person add --name Zhang --id-number 11010519491231002X --org " + kOrg +
              " --role safety_manager --since 2026-01-05");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    REQUIRE(contains(r.out, "base-c:2"));
    return l;
}

}  // namespace

TEST_CASE("ledger query compliance: a person's requirements on a date, masked") {
    const auto db = smallLedger("person").db;
    const auto r = runCommand(kCtl + " ledger query compliance --db " + db +
                              " --person base-c:2 --on 2026-11-23 --within 30");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["person_id"] == "base-c:2");
    CHECK(j["id_number"] == "110105********002X");
    CHECK_FALSE(contains(r.out, "19491231002X"));
    CHECK(j["may_hold_post"] == false);
    CHECK(j["status"] == "missing");
    CHECK(j["on"] == "2026-11-23");
    bool initial = false;
    for (const auto& q : j["requirements"])
        if (q["item"] == "initial_hours") {
            initial = true;
            CHECK(q["state"] == "missing");
            CHECK(q["required_hours"] == 32);
            CHECK(q["completed_hours"] == 0);
            CHECK(q["rule"] == "training.principal.general");
        }
    CHECK(initial);
}

TEST_CASE("ledger query roster and stats on a small ledger: the organisation's fields count") {
    const auto db = smallLedger("roster").db;
    auto r = runCommand(kCtl + " ledger query roster --db " + db + " --org " + kOrg +
                        " --on 2026-11-23");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["people_count"] == 1);
    CHECK(j["may_not_hold_post"] == 1);
    CHECK(j["people"][0]["id_number"] == "110105********002X");
    // Before the role began, the roster is empty.
    r = runCommand(kCtl + " ledger query roster --db " + db + " --org " + kOrg +
                   " --on 2026-01-04");
    REQUIRE(r.exitCode == 0);
    CHECK(nlohmann::json::parse(r.out)["people_count"] == 0);

    r = runCommand(kCtl + " ledger query stats --db " + db +
                   " --by region --from 2026-01-01 --to 2026-11-23");
    REQUIRE(r.exitCode == 0);
    j = nlohmann::json::parse(r.out);
    REQUIRE(j["rows"].size() == 1);
    CHECK(j["rows"][0]["key"] == "370103");  // as given, not 440300 from the credit code
    CHECK(j["rows"][0]["label"] == "济南市市中区");
    CHECK(j["rows"][0]["people"] == 1);
    CHECK(j["rows"][0]["trained"] == 0);
}

TEST_CASE("ledger query stats on a synthetic province: every group, consistent figures") {
    const auto db = (freshDir(kSuite, "synth") / "p.sqlite").string();
    auto r =
        runCommand(kCtl + " ledger synth --db " + db + " --people 400 --seed 3 --today 2026-11-23");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    std::int64_t people[2] = {0, 0};
    int i = 0;
    for (const char* by : {"region", "industry"}) {
        r = runCommand(kCtl + " ledger query stats --db " + db + " --by " + by +
                       " --from 2026-01-01 --to 2026-11-23");
        INFO(by << ": " << r.err);
        REQUIRE(r.exitCode == 0);
        const auto j = nlohmann::json::parse(r.out);
        CHECK(j["by"] == by);
        REQUIRE_FALSE(j["rows"].empty());
        for (const auto& row : j["rows"]) {
            CHECK(row["trained"].get<int>() <= row["people"].get<int>());
            CHECK(row["exams_passed"].get<int>() <= row["exams_taken"].get<int>());
            CHECK(row["certificates_due"].get<int>() <= row["certificates_valid"].get<int>());
            people[i] += row["people"].get<std::int64_t>();
        }
        ++i;
    }
    // Each synthetic person works for one organisation: both groupings count everyone once.
    CHECK(people[0] == 400);
    CHECK(people[1] == 400);
    r = runCommand(kCtl + " ledger query stats --db " + db +
                   " --by month --from 2026-01-15 --to 2026-11-23");
    REQUIRE(r.exitCode == 0);
    const auto months = nlohmann::json::parse(r.out)["rows"];
    REQUIRE(months.size() == 11);
    CHECK(months[0]["key"] == "2026-01");
    CHECK(months[10]["key"] == "2026-11");
    CHECK(months[10]["people"].get<int>() >= months[0]["people"].get<int>());

    // The roster of a synthetic organisation: masked numbers only.
    r = runCommand("sqlite3 " + db + " 'SELECT credit_code FROM organisations LIMIT 1'");
    if (r.exitCode == 0 && r.out.size() >= 18) {
        r = runCommand(kCtl + " ledger query roster --db " + db + " --org " + r.out.substr(0, 18) +
                       " --on 2026-11-23");
        REQUIRE(r.exitCode == 0);
        const auto j = nlohmann::json::parse(r.out);
        CHECK(j["people_count"].get<int>() > 0);
        for (const auto& p : j["people"])
            CHECK(contains(p["id_number"].get<std::string>(), "********"));
    }
}

TEST_CASE("ledger query compliance|roster|stats and org add refuse bad input by name") {
    const auto l = smallLedger("refused");
    l.checkRefused("query compliance --person base-c:99", "--person");
    l.checkRefused("query compliance --person base-c:2 --on 2026-02-30", "--on");
    l.checkRefused("query compliance --person base-c:2 --within -1", "--within");
    l.checkRefused("query roster --org 914403001922038217", "--org");
    l.checkRefused("query roster --org 91370602123456788P", "no organisation");
    l.checkRefused("query stats --by town --from 2026-01-01 --to 2026-02-01", "--by");
    l.checkRefused("query stats --by month --from 2026-03-01 --to 2026-02-01", "--to");
    auto r = runCommand(kCtl +
                        " ledger query stats --db /nonexistent/x.sqlite --by month --from "
                        "2026-01-01 --to 2026-02-01");
    CHECK(r.exitCode == 2);

    l.checkRefused(
        "org add --code 91370602123456788P --name X --industry other --risk-colour green",
        "risk colour");
    l.checkRefused("org add --code 91370602123456788P --name X --industry other --region 3706",
                   "region");
    r = runCommand(kCtl + " ledger verify --db " + l.db);
    CHECK(contains(r.out, "3 event(s)"));  // nothing refused was recorded
}

TEST_CASE("ledger query compliance|roster|stats: once the ledger has users, --as is needed") {
    const auto l = smallLedger("gate");
    const auto& db = l.db;
    addUsers(l, {{"chen", "admin", "admin pass 1"}});
    const std::string stats =
        " ledger query stats --db " + db + " --by industry --from 2026-01-01 --to 2026-11-23";
    auto r = runCommand(kCtl + stats + " < /dev/null");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "--as"));
    r = runCommand("printf 'wrong\\n' | " + kCtl + stats + " --as chen");
    CHECK(r.exitCode == 1);
    r = runCommand("printf 'admin pass 1\\n' | " + kCtl + stats + " --as chen");
    CHECK(r.exitCode == 0);
    CHECK(nlohmann::json::parse(r.out)["rows"][0]["key"] == "manufacturing");
    r = runCommand(kCtl + " ledger query compliance --db " + db + " --person base-c:2 < /dev/null");
    CHECK(r.exitCode == 1);
    r = runCommand(kCtl + " ledger query roster --db " + db + " --org " + kOrg + " < /dev/null");
    CHECK(r.exitCode == 1);
}
