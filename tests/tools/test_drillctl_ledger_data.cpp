// End-to-end test of `drillctl ledger synth | export | import`: the real binary, exit codes,
// files, and no identity number in the clear in any export.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace ledger_cli;

namespace {

const std::string kRosters = std::string(DRILLBASE_SOURCE_DIR) + "/tests/ledger/fixtures/";

// Any 18-character GB 11643 identity number in the text: 17 digits and a check character
// that matches, with a birth year 1900-2099 (credit codes of digits fail that test).
std::string findIdNumber(const std::string& text) {
    static constexpr int kW[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t i = 0; i + 18 <= text.size(); ++i) {
        bool ok = true;
        int sum = 0;
        for (std::size_t k = 0; k < 17 && ok; ++k) {
            ok = digit(text[i + k]);
            if (ok) sum += (text[i + k] - '0') * kW[k];
        }
        if (!ok) continue;
        const char check = "10X98765432"[sum % 11];
        const std::string year = text.substr(i + 6, 2);
        if (text[i + 17] == check && (year == "19" || year == "20")) return text.substr(i, 18);
    }
    return {};
}

// One clear failure instead of dozens when main.cpp does not register these commands.
void requireWired() {
    // (`--help` would not do: CLI11 prints the parent's help for an unknown subcommand.)
    static const bool wired =
        contains(runCommand(kCtl + " ledger export --format csv --db /nonexistent/x.sqlite").err,
                 "no ledger database");
    REQUIRE_MESSAGE(wired,
                    "drillctl has no `ledger export`: tools/drillctl/main.cpp must call "
                    "drillbase::tools::addLedgerDataCommands(app) after addLedgerCommands");
}

}  // namespace

TEST_CASE("drillctl ledger synth: a verifiable synthetic province, only in a new ledger") {
    requireWired();
    const auto db = freshDir("data", "synth").string() + "/p.sqlite";
    auto r =
        runCommand(kCtl + " ledger synth --db " + db + " --people 300 --seed 5 --today 2026-11-23");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "300 people"));
    CHECK(contains(r.out, "ledger intact"));
    CHECK(std::filesystem::exists(db + ".key"));
    r = runCommand(kCtl + " ledger verify --db " + db);
    CHECK(r.exitCode == 0);
    // Never mixed into a ledger that already holds records.
    r = runCommand(kCtl + " ledger synth --db " + db + " --people 10");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "already holds records"));
    r = runCommand(kCtl + " ledger synth --db " + db + "x --people 0");
    CHECK(r.exitCode == 1);

    // The same seed gives the same province (same events, so the same head hash).
    const auto db2 = freshDir("data", "synth2").string() + "/p.sqlite";
    r = runCommand(kCtl + " ledger synth --db " + db2 +
                   " --people 300 --seed 5 --today 2026-11-23");
    REQUIRE(r.exitCode == 0);
    // Different look-up keys hash identity numbers differently, so only the counts match.
    CHECK(contains(r.out, "300 people"));
}

TEST_CASE("drillctl ledger export: CSV with BOM and xAPI, to stdout or --out, all masked") {
    requireWired();
    const auto dir = freshDir("data", "export").string();
    const auto db = dir + "/p.sqlite";
    REQUIRE(
        runCommand(kCtl + " ledger synth --db " + db + " --people 200 --seed 9 --today 2026-11-23")
            .exitCode == 0);
    REQUIRE(runCommand(kCtl + " ledger org add --db " + db +
                       " --code 914403001922038216 --name Huawei --industry manufacturing")
                .exitCode == 0);
    REQUIRE(runCommand(kCtl + " ledger person add --db " + db +
                       " --name Zhang --id-number 11010519491231002X --org 914403001922038216"
                       " --role safety_manager")
                .exitCode == 0);

    auto csv = runCommand(kCtl + " ledger export --db " + db + " --format csv");
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.rfind("\xEF\xBB\xBF"
                        "person_id,name,id_number_masked,",
                        0) == 0);
    CHECK(contains(csv.out, "110105********002X"));
    CHECK(contains(csv.out, "\r\n"));
    CHECK(findIdNumber(csv.out).empty());
    CHECK_FALSE(contains(csv.out, "19491231002X"));

    auto toFile =
        runCommand(kCtl + " ledger export --db " + db + " --format csv --out " + dir + "/out.csv");
    REQUIRE(toFile.exitCode == 0);
    CHECK(toFile.out.empty());
    CHECK(slurp(dir + "/out.csv") == csv.out);

    auto xapi = runCommand(kCtl + " ledger export --db " + db +
                           " --format xapi --home-page https://base.example.cn");
    REQUIRE(xapi.exitCode == 0);
    CHECK(findIdNumber(xapi.out).empty());
    CHECK_FALSE(contains(xapi.out, "19491231002X"));
    const auto statements = nlohmann::json::parse(xapi.out);
    REQUIRE(statements.is_array());
    CHECK(statements.size() > 200);
    for (const auto& s : statements) {
        CHECK(s.at("actor").at("account").at("homePage") == "https://base.example.cn");
        CHECK(s.at("actor").at("account").at("name").get<std::string>().rfind("base-synth:", 0) ==
              0);
    }

    CHECK(runCommand(kCtl + " ledger export --db " + db + " --format pdf").exitCode == 1);
    CHECK(runCommand(kCtl + " ledger export --db " + dir + "/none.sqlite --format csv").exitCode ==
          2);
}

TEST_CASE("drillctl ledger import: all or nothing, a per-row report, --partial with rejects") {
    requireWired();
    const auto dir = freshDir("data", "import").string();
    const auto db = dir + "/l.sqlite";
    REQUIRE(runCommand(kCtl + " ledger init --db " + db + " --base-id base-imp").exitCode == 0);
    REQUIRE(runCommand(kCtl + " ledger org add --db " + db +
                       " --code 914403001922038216 --name Huawei --industry manufacturing")
                .exitCode == 0);

    auto r = runCommand(kCtl + " ledger import --db " + db + " " + kRosters + "roster_bad.csv");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "roster_bad.csv:3: id_number: identity number: bad check character"));
    CHECK(contains(r.err, "roster_bad.csv:4: org_credit_code: organisation 91370102MA3C4K7P03"));
    CHECK(contains(r.err, "roster_bad.csv:5: role: unknown role \"boss\""));
    CHECK(contains(r.err, "nothing was imported"));
    CHECK(contains(r.out, "imported 0 of 6"));
    CHECK(findIdNumber(r.err).empty());  // the report shows numbers masked
    r = runCommand(kCtl + " ledger verify --db " + db);
    CHECK(contains(r.out, "1 event(s)"));  // unchanged: only the organisation

    const auto rejects = dir + "/rejects.csv";
    r = runCommand(kCtl + " ledger import --db " + db + " " + kRosters +
                   "roster_bad.csv --partial --rejects " + rejects);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "imported 2 of 6"));
    CHECK(contains(r.err, "4 row(s) rejected"));
    const auto rj = slurp(rejects);
    CHECK(rj.rfind("\xEF\xBB\xBF"
                   "name,id_number,org_credit_code,role,since,reject_row,"
                   "reject_reason\r\n",
                   0) == 0);
    CHECK(contains(
        rj,
        "赵强,370602********5325,914403001922038216,boss,,5,\"role: unknown role \"\"boss\"\""));
    r = runCommand(kCtl + " ledger verify --db " + db);
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "5 event(s)"));  // 1 + 2 people x (registered + role)

    r = runCommand(kCtl + " ledger import --db " + db + " " + kRosters + "roster_good.csv");
    CHECK(r.exitCode == 1);  // 王伟 is already registered: the whole roster is refused
    CHECK(
        contains(r.err, "roster_good.csv:2: id_number: 370102********1233 is already registered"));
    r = runCommand(kCtl + " ledger import --db " + db + " " + dir + "/missing.csv");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "cannot read roster"));
}
