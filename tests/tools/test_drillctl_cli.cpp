#include "run_command.h"

#include <doctest/doctest.h>

namespace {
const std::string kExe = DRILLCTL_EXE;
const std::string kFixtures = FIXTURES_DIR;
bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}
}  // namespace

TEST_CASE("drillctl --help lists the subcommands and exits 0") {
    const auto r = runCommand(kExe + " --help");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "content"));
    CHECK(contains(r.out, "drillctl"));
}

TEST_CASE("drillctl --version prints the version") {
    const auto r = runCommand(kExe + " --version");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "drillctl 0."));
}

TEST_CASE("drillctl with no subcommand fails with a message") {
    const auto r = runCommand(kExe);
    CHECK(r.exitCode != 0);
    CHECK_FALSE((r.out + r.err).empty());
}

TEST_CASE("content check passes on the shipped content and scenarios") {
    const auto r = runCommand(kExe + " content check");
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "all valid"));
}

TEST_CASE("content check passes on a good fixture tree") {
    const auto r = runCommand(kExe + " content check " + kFixtures + "/good");
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "checked 3 file(s): all valid"));
}

TEST_CASE("content check reports every broken file as FILE:LINE:COL and exits 1") {
    const auto r = runCommand(kExe + " content check " + kFixtures + "/bad");
    CHECK(r.exitCode == 1);
    // A syntax error: the missing comma after line 2 is noticed once "b" (line 3) is read.
    CHECK(contains(r.err, kFixtures + "/bad/syntax.json:3:5: invalid JSON: "));
    // A catalog value of the wrong type, at the value itself.
    CHECK(contains(r.err, kFixtures + "/bad/i18n/en.json:4:17: /home.title: must be a string"));
    // A key present in one locale but missing in the other, reported at the object.
    CHECK(contains(r.err, kFixtures + "/bad/i18n/en.json:1:1: /: missing key \"home.extra\""));
    CHECK(contains(r.out, "checked 3 file(s): 3 error(s)"));
}

TEST_CASE("content check on a missing path names it") {
    const auto r = runCommand(kExe + " content check /nonexistent/drillbase-content");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "/nonexistent/drillbase-content:1:1: no such file or folder"));
}

TEST_CASE("content check validates the certification rules with line and column") {
    const auto r = runCommand(kExe + " content check " + kFixtures + "/bad-rules");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, kFixtures + "/bad-rules/certification-rules.json:"));
    CHECK(contains(r.err, "/exams/0/pass_points"));
}
