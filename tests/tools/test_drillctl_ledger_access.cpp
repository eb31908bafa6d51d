// End-to-end test of who may do what with `drillctl ledger ...` (ledger_cli.h
// requirePermission): local mode while the ledger has no users, then --as with the password on
// standard input, refusals that change nothing; and foreign staff registered by passport.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace ledger_cli;

namespace {

namespace fs = std::filesystem;

const std::string kSrc = DRILLBASE_SOURCE_DIR;
const std::string kOrg = "914403001922038216";

// A new ledger with the organisation both cases register people in (no users: local mode).
CliLedger ledgerWithOrg(const std::string& name, const std::string& baseId) {
    const auto l = freshLedger("access", name, baseId);
    const auto r = l.run("org add --code " + kOrg + " --name Huawei --industry manufacturing");
    REQUIRE(r.exitCode == 0);
    return l;
}

// "registered person BASE:N (masked)" -> BASE:N
std::string personIdFrom(const std::string& out) {
    const auto start = out.find("person ") + 7;
    return out.substr(start, out.find(' ', start) - start);
}

}  // namespace

TEST_CASE("ledger access: local mode without users, then --as and the role decide") {
    const auto l = ledgerWithOrg("roles", "base-acc");
    const fs::path dir = l.dir;
    const auto& db = l.db;
    const auto d = " --db " + db;

    // No users yet: the exact forms of issue 4 (org add above, and these) work without --as
    // (scripts rely on them).
    auto r = runCommand(kCtl + " ledger person add" + d +
                        " --name Zhang --id-number 11010519491231002X --org " + kOrg +
                        " --role safety_manager");
    REQUIRE(r.exitCode == 0);
    const auto zhang = personIdFrom(r.out);
    CHECK(runCommand(kCtl + " ledger export" + d + " --format csv").exitCode == 0);
    CHECK(runCommand(kCtl + " ledger export" + d + " --format xapi --out " +
                     (dir / "x.json").string())
              .exitCode == 0);
    CHECK(runCommand(kCtl + " ledger query person" + d + " --person " + zhang).exitCode == 0);
    CHECK(runCommand(kCtl + " ledger verify" + d).exitCode == 0);

    // The first admin, then one user of each other role.
    addUsers(l, {{"chen", "admin", "admin pass 1"},
                 {"li", "official", "li pass 1"},
                 {"wang", "instructor", "wang pass 1"},
                 {"zhao", "trainee", "zhao pass 1"}});
    const long events = recordEventCount(db);
    REQUIRE(events == 7);  // org, person, role, 4 users

    // Export without --as is refused, naming --as, and does not create the --out file.
    const auto out = (dir / "records.csv").string();
    r = runCommand(kCtl + " ledger export" + d + " --format csv --out " + out + " < /dev/null");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "--as"));
    CHECK_FALSE(fs::exists(out));
    // An official exports.
    r = withInput(dir, "li pass 1\n",
                  "ledger export" + d + " --format csv --out " + out + " --as li");
    CHECK(r.exitCode == 0);
    CHECK(contains(slurp(out), "110105********002X"));
    // A wrong password is refused, whoever it is.
    r = withInput(dir, "li pass 2\n", "ledger export" + d + " --format csv --as li");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "refused: wrong name or password"));
    CHECK(r.out.empty());
    // An instructor may not export, but may query; a trainee may not query.
    r = withInput(dir, "wang pass 1\n", "ledger export" + d + " --format xapi --as wang");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "instructor may not do this"));
    CHECK(r.out.empty());
    r = withInput(dir, "wang pass 1\n",
                  "ledger query person" + d + " --person " + zhang + " --as wang");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "110105********002X"));
    r = withInput(dir, "wang pass 1\n",
                  "ledger query expiring" + d + " --days 30 --from 2026-11-23 --as wang");
    CHECK(r.exitCode == 0);
    r = withInput(dir, "zhao pass 1\n",
                  "ledger query person" + d + " --person " + zhang + " --as zhao");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "trainee may not do this"));
    CHECK_FALSE(contains(r.out, "002X"));
    r = runCommand(kCtl + " ledger query expiring" + d + " < /dev/null");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "--as"));

    // Registering is an instructor's (RecordTraining): refused for the others and without
    // --as, whatever else is right with the command.
    const std::string addPerson =
        "ledger person add" + d + " --name Li --id-number 370102198503121233";
    CHECK(runCommand(kCtl + " " + addPerson + " < /dev/null").exitCode == 1);
    CHECK(withInput(dir, "li pass 1\n", addPerson + " --as li").exitCode == 1);
    CHECK(withInput(dir, "chen pass 1\n", addPerson + " --as chen").exitCode == 1);
    CHECK(withInput(dir, "admin pass 1\n", addPerson + " --as chen").exitCode == 1);
    CHECK(withInput(dir, "li pass 1\n",
                    "ledger org add" + d +
                        " --code 91370102MA3C4K7P04 --name X --industry manufacturing --as li")
              .exitCode == 1);
    const auto roster = (dir / "roster.csv").string();
    std::ofstream(roster) << "name,id_number,org_credit_code,role\n王伟,370202199207042469," << kOrg
                          << ",new_worker\n";
    r = withInput(dir, "li pass 1\n", "ledger import" + d + " " + roster + " --as li");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "official may not do this"));
    // Recording a drill result (RecordResults): refused for an official before the drill runs.
    const std::string drill =
        "drill run " + kSrc + "/scenarios/chlorine-waterworks-night.json" + " --actions " + kSrc +
        "/scenarios/actions/chlorine-waterworks-night.model.json" + " --record-person " + zhang +
        d + " --report " + (dir / "r.json").string() + " --log " + (dir / "a.jsonl").string();
    r = withInput(dir, "li pass 1\n", drill + " --as li");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "official may not do this"));
    CHECK_FALSE(fs::exists(dir / "a.jsonl"));
    // Signing checkpoints on demand is an admin's: refused without --as and for an instructor,
    // and a refusal signs nothing.
    const auto checkpointsBefore = countRows(db, "ledger_checkpoints");
    r = runCommand(kCtl + " ledger checkpoint create" + d + " < /dev/null");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "--as"));
    CHECK(withInput(dir, "wang pass 1\n", "ledger checkpoint create" + d + " --as wang").exitCode ==
          1);
    CHECK(countRows(db, "ledger_checkpoints") == checkpointsBefore);

    // Every refusal above changed nothing but the audit of its failed sign-ins; anyone may still
    // check integrity without --as.
    CHECK(eventCount(db) >= 0);
    CHECK(recordEventCount(db) == events);

    // The right users succeed.
    r = withInput(dir, "wang pass 1\n", addPerson + " --as wang");
    CHECK(r.exitCode == 0);
    r = withInput(dir, "wang pass 1\n", "ledger import" + d + " " + roster + " --as wang");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "imported 1 of 1"));
    r = withInput(dir, "wang pass 1\n", drill + " --as wang");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "(attempt 1)"));
    r = withInput(dir, "admin pass 1\n", "ledger checkpoint create" + d + " --as chen");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, ": event"));
    CHECK(countRows(db, "ledger_checkpoints") > checkpointsBefore);
    CHECK(recordEventCount(db) == events + 4);  // person, person + role, drill result
}

TEST_CASE("ledger person add and import: foreign staff by passport, masked in every export") {
    const auto l = ledgerWithOrg("passport", "base-pp");
    const fs::path dir = l.dir;
    const auto& db = l.db;
    const auto d = " --db " + db;

    // Exactly one of --id-number and --passport; a passport needs its issuing state.
    l.checkRefused("person add --name Smith --passport C01X00T47", "--passport needs --country");
    l.checkRefused("person add --name Smith --passport C01X00T47 --id-number 11010519491231002X",
                   "not both");
    l.checkRefused("person add --name Zhang --id-number 11010519491231002X --country DEU",
                   "--country goes with --passport");
    l.checkRefused("person add --name Wang --passport E12345678 --country CHN",
                   "resident identity number");
    l.checkRefused("person add --name Smith --passport C01X00T4700 --country DEU",
                   "5 to 9 letters or digits");
    CHECK(eventCount(db) == 1);

    auto r = runCommand(kCtl + " ledger person add" + d +
                        " --name Smith --passport c01x-00t47 --country deu --org " + kOrg +
                        " --role new_worker");
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "(******T47)"));
    CHECK_FALSE(contains(r.out, "C01X00T47"));
    // The same number from another state is another person; from the same state, refused.
    r = runCommand(kCtl + " ledger person add" + d +
                   " --name Martin --passport C01X00T47 --country FRA");
    CHECK(r.exitCode == 0);
    l.checkRefused("person add --name Smith --passport C01X00T47 --country D",
                   "already registered");

    // A roster with two passport rows imports; one without a country is refused naming it.
    const auto good = (dir / "good.csv").string();
    std::ofstream(good) << "name,id_number,org_credit_code,role,document_type,country\n"
                        << "Kim,M12345678," << kOrg << ",new_worker,passport,KOR\n"
                        << "Tanaka,TK1234567," << kOrg << ",safety_manager,passport,JPN\n";
    r = runCommand(kCtl + " ledger import" + d + " " + good);
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "imported 2 of 2"));
    const auto bad = (dir / "bad.csv").string();
    std::ofstream(bad) << "name,id_number,org_credit_code,role,document_type,country\n"
                       << "Lee,M87654321," << kOrg << ",new_worker,passport,\n";
    r = runCommand(kCtl + " ledger import" + d + " " + bad);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "bad.csv:2: country: required for a passport"));
    CHECK(eventCount(db) == 1 + 2 + 1 + 4);  // org, Smith + role, Martin, Kim and Tanaka

    // Found again by passport, shown masked.
    r = runCommand(kCtl + " ledger query person" + d + " --passport TK1234567 --country JPN");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "\"******567\""));
    CHECK_FALSE(contains(r.out, "TK1234567"));

    // No passport number in the clear in either export.
    const auto csv = runCommand(kCtl + " ledger export" + d + " --format csv");
    REQUIRE(csv.exitCode == 0);
    const auto xapi = runCommand(kCtl + " ledger export" + d + " --format xapi");
    REQUIRE(xapi.exitCode == 0);
    CHECK(contains(csv.out, "******T47"));
    CHECK(contains(csv.out, "******678"));
    for (const std::string number : {"C01X00T47", "M12345678", "TK1234567", "C01X00T"}) {
        CHECK_FALSE(contains(csv.out, number));
        CHECK_FALSE(contains(xapi.out, number));
    }
    // (Roles are not xAPI statements; tests/ledger/test_export.cpp checks passport holders'
    // training statements.)
    CHECK(nlohmann::json::parse(xapi.out).is_array());
}
