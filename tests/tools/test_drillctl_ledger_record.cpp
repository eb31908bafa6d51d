// End-to-end test of `drillctl ledger train | exam | cert ...`: the real binary, exit codes,
// messages that name the field, nothing recorded on a refusal, and the permission gate.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ledger_cli;

namespace {

const std::string kId = "11010519491231002X";

// A new ledger with one person, Zhao (base-rec:1).
CliLedger ledgerWithZhao(const std::string& name) {
    const auto l = freshLedger("record", name, "base-rec");
    REQUIRE(l.run("person add --name Zhao --id-number " + kId).exitCode == 0);  // base-rec:1
    return l;
}

// Both exams passed and the certificate issued on 2023-11-24 (event base-rec:4).
void certify(const CliLedger& l) {
    REQUIRE(l.run("exam --person base-rec:1 --exam special_operations --part theory "
                  "--date 2023-11-01 --score 86")
                .exitCode == 0);
    REQUIRE(l.run("exam --person base-rec:1 --exam special_operations --part practical "
                  "--date 2023-11-10 --score 92")
                .exitCode == 0);
    const auto r = l.run("cert issue --id-number " + kId + " --number T" + kId +
                         " --operation 低压电工作业 --date 2023-11-24");
    REQUIRE(r.exitCode == 0);
    REQUIRE(contains(r.out, "issued certificate base-rec:4"));
}

}  // namespace

TEST_CASE("drillctl ledger train: recorded with provider and instructor; bad input named") {
    const auto l = ledgerWithZhao("train");
    auto r = l.run("train --id-number " + kId +
                   " --date 2026-03-02 --hours 24 --kind three_level --topic 三级安全教育"
                   " --provider 市安全培训中心 --instructor 王老师");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "recorded 24 class hour(s) of three_level training on 2026-03-02"));
    r = l.run("query person --person base-rec:1");
    REQUIRE(r.exitCode == 0);
    const auto archive = nlohmann::json::parse(r.out);
    REQUIRE(archive.size() == 1);
    CHECK(archive[0]["records"][0]["training_kind"] == "three_level");
    CHECK(archive[0]["records"][0]["hours"] == 24);
    const auto before = l.events();

    struct Bad {
        std::string args, message;
    };
    const Bad bad[] = {
        {"--person base-rec:1 --date 2026-02-30 --hours 8 --kind annual --topic x",
         "--date: \"2026-02-30\" is not a valid date"},
        {"--person base-rec:1 --date 2026-03-02 --hours 0 --kind annual --topic x",
         "--hours: 0 is out of range (1 to 100 class hours)"},
        {"--person base-rec:1 --date 2026-03-02 --hours 101 --kind annual --topic x",
         "--hours: 101 is out of range"},
        {"--person base-rec:1 --date 2026-03-02 --hours 8h --kind annual --topic x",
         "--hours: \"8h\" is not a whole number"},
        {"--person base-rec:1 --date 2026-03-02 --hours 8 --kind party --topic x",
         "--kind: \"party\" is not initial, annual, review, three_level"},
        {"--person base-rec:99 --date 2026-03-02 --hours 8 --kind annual --topic x",
         "--person: no person base-rec:99"},
        {"--id-number 440524188001010014 --date 2026-03-02 --hours 8 --kind annual --topic x",
         "--id-number: no person with identity number 440524********0014"},
        {"--id-number 110105194912310021 --date 2026-03-02 --hours 8 --kind annual --topic x",
         "--id-number: identity number: bad check character"},
        {"--date 2026-03-02 --hours 8 --kind annual --topic x", "give either --person"},
        {"--person base-rec:1 --date 2026-03-02 --hours 8 --kind annual --topic ''",
         "training topic is empty"},
    };
    for (const auto& b : bad) l.checkRefused("train " + b.args, b.message);
    CHECK(l.events() == before);
}

TEST_CASE("drillctl ledger exam: attempt number and result; the make-up rule refuses") {
    const auto l = ledgerWithZhao("exam");
    auto r = l.run(
        "exam --person base-rec:1 --exam special_operations --part theory "
        "--date 2026-03-01 --score 79");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "79 of 100, failed (pass mark 80), attempt 1"));
    r = l.run("exam --id-number " + kId +
              " --exam special_operations --part theory --date 2026-03-08 --score 80");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "80 of 100, passed (pass mark 80), attempt 2"));
    const auto before = l.events();
    l.checkRefused(
        "exam --person base-rec:1 --exam special_operations --part theory "
        "--date 2026-03-09 --score 90",
        "already passed on 2026-03-08");
    l.checkRefused(
        "exam --person base-rec:1 --exam special_operations --part oral "
        "--date 2026-03-09 --score 90",
        "--part: \"oral\" is not theory or practical");
    l.checkRefused(
        "exam --person base-rec:1 --exam special_operations --part practical "
        "--date 2026-03-09 --score 101",
        "score must be 0 to 100");
    l.checkRefused(
        "exam --person base-rec:1 --exam driving --part theory --date 2026-03-09 --score 9",
        "no exam rule \"driving\"");
    CHECK(l.events() == before);
}

TEST_CASE("drillctl ledger cert: issue, suspend, reinstate, review, revoke, cancel, show") {
    const auto l = ledgerWithZhao("cert");
    l.checkRefused("cert issue --person base-rec:1 --number T" + kId +
                       " --operation 低压电工作业 --date 2023-11-24",
                   "no passed theory exam");  // no exams yet
    certify(l);
    l.checkRefused("cert issue --person base-rec:1 --number T" + kId +
                       " --operation 低压电工作业 --date 2023-11-25",
                   "already recorded as base-rec:4");

    auto r = l.run(
        "cert suspend --certificate base-rec:4 --date 2025-01-10 --reason 违章作业"
        " --until 2025-04-01");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "status: suspended"));
    l.checkRefused("cert suspend --certificate base-rec:4 --date 2025-02-01 --reason again",
                   "already suspended since 2025-01-10");
    l.checkRefused(
        "cert suspend --certificate base-rec:4 --date 2025-05-01 --reason x --until 2025-04",
        "--until: \"2025-04\" is not a valid date");
    r = l.run("cert reinstate --certificate base-rec:4 --date 2025-03-01 --reason 整改完成");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "status: valid"));
    l.checkRefused("cert reinstate --certificate base-rec:4 --date 2025-03-02 --reason x",
                   "is not suspended on 2025-03-02");

    // The review: refused without the 8 hours of review training, recorded with them.
    l.checkRefused("cert review --certificate base-rec:4 --date 2026-11-01", "short by 8");
    REQUIRE(l.run("train --person base-rec:1 --date 2026-10-01 --hours 8 --kind review"
                  " --topic 低压电工复审培训")
                .exitCode == 0);
    r = l.run("cert review --certificate base-rec:4 --date 2026-11-01");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "reviewed on 2026-11-01"));

    r = l.run("cert show --certificate base-rec:4 --on 2025-02-01");
    REQUIRE(r.exitCode == 0);
    auto shown = nlohmann::json::parse(r.out);
    CHECK(shown["status"] == "suspended");
    CHECK(shown["expires"] == "2029-11-24");
    CHECK(shown["next_review"] == "2026-11-24");
    CHECK(shown["certificate_number"] == "T110105********002X");
    CHECK_FALSE(contains(r.out, "19491231002X"));
    REQUIRE(shown["history"].size() == 4);
    CHECK(shown["history"][1]["change"] == "suspended");
    CHECK(shown["history"][1]["until"] == "2025-04-01");
    CHECK(shown["history"][1]["reason"] == "违章作业");
    CHECK(shown["history"][2]["change"] == "reinstated");
    CHECK(shown["history"][3]["change"] == "reviewed");

    r = l.run("cert revoke --certificate base-rec:4 --date 2027-01-01 --reason 对事故负有责任");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "status: revoked"));
    const auto before = l.events();
    l.checkRefused("cert suspend --certificate base-rec:4 --date 2027-02-01 --reason x",
                   "revoked on 2027-01-01, which is final");
    l.checkRefused("cert revoke --certificate base-rec:4 --date 2027-02-01 --reason x",
                   "already revoked");
    l.checkRefused("cert revoke --certificate base-rec:4 --date 2027-02-01 --reason ''",
                   "--reason is empty");
    l.checkRefused("cert review --certificate base-rec:99 --date 2027-02-01",
                   "no certificate base-rec:99");
    l.checkRefused("cert show --certificate base-rec:99",
                   "--certificate: no certificate base-rec:99");
    CHECK(l.events() == before);

    r = l.run("cert cancel --certificate base-rec:4 --date 2027-02-01 --reason 撤销后注销");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "status: cancelled"));
    l.checkRefused("cert cancel --certificate base-rec:4 --date 2027-03-01 --reason again",
                   "already cancelled on 2027-02-01");
    shown = nlohmann::json::parse(l.run("cert show --certificate base-rec:4 --on 2027-02-01").out);
    CHECK(shown["status"] == "cancelled");
    CHECK(shown["history"].size() == 6);
    CHECK(shown["history"][5]["change"] == "cancelled");
    CHECK(runCommand(kCtl + " ledger verify --db " + l.db).exitCode == 0);
}

TEST_CASE("drillctl ledger train, exam, cert: once users exist, only permitted roles record") {
    const auto l = ledgerWithZhao("permissions");
    certify(l);  // local mode: no users yet, no --as needed
    addUsers(l, {{"chen", "admin", "admin pass 1"},
                 {"wu", "trainee", "trainee pass"},
                 {"li", "instructor", "teach pass"}});
    const auto before = l.records();
    const std::string train =
        "train --person base-rec:1 --date 2026-03-02 --hours 8 --kind annual --topic 再培训";

    l.checkRefused(train, "sign in with --as");
    l.checkRefused(train + " --as wu", "a trainee may not do this (wu)", "trainee pass\n");
    l.checkRefused("cert suspend --certificate base-rec:4 --date 2025-01-10 --reason x --as wu",
                   "a trainee may not do this", "trainee pass\n");
    l.checkRefused("cert show --certificate base-rec:4 --as wu", "a trainee may not do this",
                   "trainee pass\n");
    l.checkRefused(train + " --as li", "wrong name or password", "wrong pass\n");
    CHECK(l.records() == before);

    auto r = l.run(train + " --as li", "teach pass\n");
    CHECK(r.exitCode == 0);
    // The event names who recorded it (the payload is hashed, so this is tamper-evident too).
    const auto last =
        runCommand("sqlite3 " + l.db + " 'SELECT payload FROM events ORDER BY seq DESC LIMIT 1'");
    CHECK(contains(last.out, "\"recorded_by\":\"li\""));
    r = l.run("cert show --certificate base-rec:4 --on 2025-01-01 --as li", "teach pass\n");
    CHECK(r.exitCode == 0);
    CHECK(nlohmann::json::parse(r.out)["status"] == "valid");
    CHECK(l.records() == before + 1);
}
