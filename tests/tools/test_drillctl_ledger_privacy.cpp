// End-to-end: what the ledger's files and commands give away. The --partial reject file
// (mode 0600, numbers masked, formulas neutralised), the export, names refused with their
// place in the roster, the sign-in rate limit with its audit events, and `user list`.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace ledger_cli;

namespace {

namespace fs = std::filesystem;

const std::string kOrg = "914403001922038216";

CliLedger ledgerWithOrg(const std::string& name) {
    const auto l = freshLedger("privacy", name, "base-priv");
    const auto r = l.run("org add --code " + kOrg + " --name Huawei --industry manufacturing");
    REQUIRE(r.exitCode == 0);
    return l;
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

unsigned modeOf(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("ledger import --partial: the reject file is 0600, masks numbers, neutralises formulas") {
    const auto l = ledgerWithOrg("rejects");
    const fs::path dir = l.dir;
    const auto roster = dir / "roster.csv";
    std::ofstream(roster, std::ios::binary)
        << "name,id_number,org_credit_code,role\n"
        << "王伟,370102198503121233," << kOrg << ",safety_manager\n"
        << "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",370602199902285325," << kOrg
        << ",boss\n"
        << "李\x1b[2J娜,370202199207042468," << kOrg << ",new_worker\n"
        << "张\a敏,370303197801150810," << kOrg << ",new_worker\n";
    const auto rejects = dir / "rejects.csv";
    fs::remove(rejects);
    auto r = runCommand(kCtl + " ledger import --db " + l.db + " " + roster.string() +
                        " --partial --rejects " + rejects.string());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "imported 1 of 4"));
    // Located: file, row, column, reason.
    CHECK(contains(r.err, "roster.csv:3: role: unknown role \"boss\""));
    CHECK(contains(r.err,
                   "roster.csv:4: name: contains U+001B at character 2, a control character "
                   "(column 1)"));
    CHECK(contains(r.err, "roster.csv:5: name: contains U+0007 at character 2"));
    CHECK_FALSE(contains(r.err, "name is empty"));

    CHECK(modeOf(rejects) == 0600);
    const auto rj = slurp(rejects);
    CHECK_FALSE(contains(rj, "370602199902285325"));
    CHECK_FALSE(contains(rj, "370202199207042468"));
    CHECK_FALSE(contains(rj, "370303197801150810"));
    CHECK(contains(rj, "370602********5325"));
    CHECK(
        contains(rj, "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",370602********5325"));
    CHECK(contains(rj, "370202********2468"));
    CHECK(l.events() == 1 + 2);  // the organisation, and 王伟 with a role

    // An existing reject file with a wider mode is narrowed, not left readable.
    ::chmod(rejects.c_str(), 0644);
    r = runCommand(kCtl + " ledger import --db " + l.db + " " + roster.string() +
                   " --partial --rejects " + rejects.string());
    CHECK(modeOf(rejects) == 0600);

    // All or nothing: the bad names are reported with their place and nothing is written.
    const auto names = dir / "names.csv";
    std::ofstream(names, std::ios::binary)
        << "name,id_number,org_credit_code,role\n"
        << std::string("Wang\0Wei", 8) << ",370702198809091543," << kOrg << ",new_worker\n"
        << std::string(70, 'x') << ",370602199902285325," << kOrg << ",new_worker\n";
    r = runCommand(kCtl + " ledger import --db " + l.db + " " + names.string());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "names.csv:2: name: contains U+0000 at character 5"));
    CHECK(
        contains(r.err, "names.csv:3: name: is 70 characters long; a person name has at most 64"));
    CHECK(l.events() == 3);
}

TEST_CASE("ledger export: owner-only file, formula cells written as text") {
    const auto l = ledgerWithOrg("export");
    auto r = l.run("person add --name =1+2 --id-number 11010519491231002X --org " + kOrg +
                   " --role safety_manager");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const auto out = fs::path(l.dir) / "export.csv";
    r = l.run("export --format csv --out " + out.string());
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(modeOf(out) == 0600);
    const auto csv = slurp(out);
    CHECK(contains(csv, ",'=1+2,110105********002X,"));
    CHECK_FALSE(contains(csv, ",=1+2,"));
    // A name with an escape sequence never reaches the ledger.
    l.checkRefused(
        std::string("person add --name \"$(printf 'Li\\033Na')\" --id-number 370102198503121233 "
                    "--org ") +
            kOrg + " --role new_worker",
        "person name contains U+001B");
}

TEST_CASE("ledger sign-in: repeated wrong passwords are locked out and audited") {
    const auto l = ledgerWithOrg("signin");
    addUsers(l, {{"chen", "admin", "admin pass 1"}, {"li", "official", "li pass 1"}});
    const long before = l.events();
    for (int i = 0; i < 5; ++i)
        l.checkRefused("user list --as chen", "wrong name or password",
                       "guess " + std::to_string(i) + "\n");
    // The 6th attempt, even with the right password, is refused for a while.
    l.checkRefused("user list --as chen", "5 failed attempts in a row; try again after",
                   "admin pass 1\n");
    CHECK(l.events() == before + 6);  // each failure an event on the chain
    const auto dump = runCommand(
        "sqlite3 " + l.db + " \"SELECT kind, payload FROM events WHERE kind = 'SignInFailed'\"");
    CHECK(contains(dump.out, "SignInFailed|{\"name\":\"chen\",\"reason\":\"wrong_password\"}"));
    CHECK(contains(dump.out, "\"reason\":\"locked\""));
    CHECK_FALSE(contains(dump.out, "guess"));
    CHECK_FALSE(contains(dump.out, "admin pass"));
    // Other accounts are not affected.
    l.checkRefused("user list --as li", "only an admin may list users", "li pass 1\n");
}

TEST_CASE("ledger user list: needs a signed-in admin once the ledger has users") {
    const auto l = ledgerWithOrg("userlist");
    auto r = l.run("user list");
    CHECK(r.exitCode == 0);  // local mode: no users to show
    CHECK(contains(r.out, "no users"));
    addUsers(l, {{"chen", "admin", "admin pass 1"}, {"wang", "instructor", "wang pass 1"}});
    l.checkRefused("user list", "listing them needs an admin, --as ADMIN");
    l.checkRefused("user list --as wang", "only an admin may list users", "wang pass 1\n");
    l.checkRefused("user list --as chen", "wrong name or password", "not it\n");
    r = l.run("user list --as chen", "admin pass 1\n");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "chen\tadmin\tenabled"));
    CHECK(contains(r.out, "wang\tinstructor\tenabled"));
}
