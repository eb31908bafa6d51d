// drillctl ledger query: an official's look-ups on a synthetic province, numbers masked.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace ledger_cli;

namespace {
std::string province() {
    const auto db = (freshDir("query", "province") / "p.sqlite").string();
    const auto r = runCommand(kCtl + " ledger synth --db " + db + " --people 300 --seed 3");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return db;
}
}  // namespace

TEST_CASE("ledger query person: the whole archive by person id or name, masked") {
    const auto db = province();
    auto r = runCommand(kCtl + " ledger query person --db " + db + " --person base-synth:1000");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto people = nlohmann::json::parse(r.out);
    REQUIRE(people.size() == 1);
    const auto& p = people[0];
    CHECK(p["person_id"] == "base-synth:1000");
    CHECK(p["id_number"].get<std::string>().find("********") != std::string::npos);
    CHECK_FALSE(p["records"].empty());
    const std::string name = p["name"];
    r = runCommand(kCtl + " ledger query person --db " + db + " --name " + name);
    REQUIRE(r.exitCode == 0);
    bool found = false;
    for (const auto& q : nlohmann::json::parse(r.out))
        found = found || q["person_id"] == "base-synth:1000";
    CHECK(found);
}

TEST_CASE("ledger query expiring: certificates whose validity ends in the window") {
    const auto db = province();
    const auto r =
        runCommand(kCtl + " ledger query expiring --db " + db + " --from 2026-11-23 --days 365");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto list = nlohmann::json::parse(r.out);
    CHECK_FALSE(list.empty());
    for (const auto& c : list) {
        CHECK(c["expires"].get<std::string>() >= "2026-11-23");
        CHECK(c["expires"].get<std::string>() < "2027-11-23");
        CHECK(c["certificate_number"].get<std::string>().rfind("T", 0) == 0);
        CHECK(c["certificate_number"].get<std::string>().find("****") != std::string::npos);
    }
}

TEST_CASE("ledger query refuses bad input with a reason") {
    const auto db = province();
    auto r =
        runCommand(kCtl + " ledger query person --db " + db + " --id-number 11010519491231002Y");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("must be a digit or X") != std::string::npos);
    r = runCommand(kCtl + " ledger query person --db " + db + " --cert-number X123");
    CHECK(r.exitCode == 1);
    r = runCommand(kCtl + " ledger query person --db " + db);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("exactly one of") != std::string::npos);
    r = runCommand(kCtl + " ledger query expiring --db " + db + " --from 2026-02-30");
    CHECK(r.exitCode == 1);
    r = runCommand(kCtl + " ledger query person --db /nonexistent/x.sqlite --person a:1");
    CHECK(r.exitCode == 2);
}
