// End-to-end test of `drillctl ledger ...`: init, add, verify, and tamper detection.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace ledger_cli;

TEST_CASE("drillctl ledger: init, add, verify, and a tampered event is named") {
    const auto db = (freshDir("ledger", "tamper") / "ledger.sqlite").string();
    auto r = runCommand(kCtl + " ledger verify --db " + db);
    CHECK(r.exitCode == 2);  // no database yet: not created by verify
    CHECK_FALSE(std::filesystem::exists(db));

    r = runCommand(kCtl + " ledger init --db " + db + " --base-id base-t1");
    REQUIRE(r.exitCode == 0);
    CHECK(std::filesystem::exists(db + ".key"));

    r = runCommand(kCtl + " ledger org add --db " + db +
                   " --code 914403001922038216 --name Huawei --industry manufacturing");
    CHECK(r.exitCode == 0);

    r = runCommand(kCtl + " ledger person add --db " + db +
                   " --name Zhang --id-number 110105194912310021");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "bad check character: expected X, got 1"));

    r = runCommand(kCtl + " ledger person add --db " + db +
                   " --name Zhang --id-number 11010519491231002X --org 914403001922038216"
                   " --role safety_manager");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "110105********002X"));
    CHECK_FALSE(contains(r.out, "19491231002X"));

    r = runCommand(kCtl + " ledger verify --db " + db);
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "3 event(s)"));

    // Tamper with event 2 through the sqlite3 shell, as someone with file access could.
    if (runCommand("command -v sqlite3").exitCode != 0) {
        MESSAGE("sqlite3 shell not installed (Debian package sqlite3): tamper check skipped");
        return;
    }
    r = runCommand(
        "sqlite3 " + db +
        " \"DROP TRIGGER events_no_update;"
        " UPDATE events SET payload = replace(payload, 'Zhang', 'Zhong') WHERE seq = 2;\"");
    REQUIRE(r.exitCode == 0);
    r = runCommand(kCtl + " ledger verify --db " + db);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "broken at event 2"));
}

TEST_CASE("drillctl ledger person add --org --role: a refused role saves no person") {
    const auto l = freshLedger("ledger", "person-role", "base-pr");
    REQUIRE(l.run("org add --code 914403001922038216 --name Huawei --industry manufacturing")
                .exitCode == 0);
    // 91370102MA3C4K7P03 is a valid credit code that no one registered.
    auto r = l.run(
        "person add --name Zhang --id-number 11010519491231002X --org 91370102MA3C4K7P03 "
        "--role safety_manager --since 2024-03-01");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "organisation 91370102MA3C4K7P03 is not registered"));
    CHECK(contains(r.err, "nothing was saved"));
    CHECK_FALSE(contains(r.out, "registered person"));
    CHECK(l.events() == 1);  // only the organisation
    // The same person with the right employer: both events, in one go, and the number is free.
    r = l.run(
        "person add --name Zhang --id-number 11010519491231002X --org 914403001922038216 "
        "--role safety_manager --since 2024-03-01");
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "registered person base-pr:2"));
    CHECK(contains(r.out, "assigned role safety_manager at 914403001922038216"));
    CHECK(l.events() == 3);
}
