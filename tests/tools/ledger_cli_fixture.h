// ledger_cli_fixture.h — what the `drillctl ledger ...` end-to-end tests share, written once so
// each test file keeps only the commands it is about: a new ledger in a folder of its own, driven
// through the real binary with passwords piped in, and the event count `ledger verify` reports.
//
// Folders are <tmp>/drillbase-ledger-cli-<pid>/<suite>/<name>: the pid keeps parallel runs
// (ctest -j, the sanitizer build) apart, the suite (one per test file) and the name (one per
// test case) keep the cases of one run apart.
#pragma once

#include "run_command.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace ledger_cli {

inline const std::string kCtl = DRILLCTL_EXE;

inline bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

// An empty folder for one test case.
inline std::filesystem::path freshDir(const std::string& suite, const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("drillbase-ledger-cli-" + std::to_string(::getpid())) / suite / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// `drillctl ARGS` with `lines` on standard input: passwords are read only from there, so the
// tests pipe them as a script would.
inline CommandResult withInput(const std::filesystem::path& dir, const std::string& lines,
                               const std::string& args) {
    const auto input = dir / "stdin.txt";
    std::ofstream(input) << lines;
    return runCommand(kCtl + " " + args + " < " + input.string());
}

// The event count `ledger verify` reports ("ledger intact: N event(s)"); -1 when it fails.
inline long eventCount(const std::string& db) {
    const auto r = runCommand(kCtl + " ledger verify --db " + db);
    std::smatch m;
    if (r.exitCode != 0 || !std::regex_search(r.out, m, std::regex("(\\d+) event\\(s\\)")))
        return -1;
    return std::stol(m[1].str());
}

// Events other than the audit of sign-ins (SignInFailed, SignInSucceeded): what a refused
// command must leave unchanged, since every failed sign-in is itself recorded.
inline long recordEventCount(const std::string& db) {
    const auto r = runCommand("sqlite3 " + db +
                              " \"SELECT count(*) FROM events WHERE kind NOT IN "
                              "('SignInFailed', 'SignInSucceeded')\"");
    return r.exitCode == 0 ? std::stol(r.out) : -1;
}

// Rows of `table`, read with the sqlite3 shell; -1 when it cannot be read.
inline long countRows(const std::string& db, const std::string& table) {
    const auto r = runCommand("sqlite3 " + db + " \"SELECT count(*) FROM " + table + "\"");
    return r.exitCode == 0 ? std::stol(r.out) : -1;
}

// A ledger database in a folder of its own.
struct CliLedger {
    std::string dir, db;

    // `drillctl ledger ARGS --db DB` with `input` on standard input.
    CommandResult run(const std::string& args, const std::string& input = "") const {
        return withInput(dir, input, "ledger " + args + " --db " + db);
    }
    // The number of events in the chain, which must verify.
    long events() const {
        const long n = eventCount(db);
        REQUIRE(n >= 0);
        return n;
    }
    // The same without the audit of sign-ins.
    long records() const {
        REQUIRE(eventCount(db) >= 0);
        return recordEventCount(db);
    }
    // `ledger ARGS` is refused as bad input (exit 1) with a message that contains `message`.
    void checkRefused(const std::string& args, const std::string& message,
                      const std::string& input = "") const {
        CAPTURE(args);
        const auto r = run(args, input);
        CHECK(r.exitCode == 1);
        CHECK(contains(r.err, message));
    }
};

// A new ledger (`ledger init`) whose event ids start with `baseId`.
inline CliLedger freshLedger(const std::string& suite, const std::string& name,
                             const std::string& baseId) {
    const auto dir = freshDir(suite, name);
    CliLedger l{dir.string(), (dir / "ledger.sqlite").string()};
    REQUIRE(l.run("init --base-id " + baseId).exitCode == 0);
    return l;
}

struct CliUser {
    std::string name, role, password;
};

// Adds `users` in order: the first, an admin, in local mode; each other one signed in as it.
inline void addUsers(const CliLedger& l, const std::vector<CliUser>& users) {
    REQUIRE_FALSE(users.empty());
    const auto& admin = users.front();
    auto r =
        l.run("user add --name " + admin.name + " --role " + admin.role, admin.password + "\n");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    for (std::size_t i = 1; i < users.size(); ++i) {
        const auto& u = users[i];
        r = l.run("user add --name " + u.name + " --role " + u.role + " --as " + admin.name,
                  admin.password + "\n" + u.password + "\n");
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    }
}

}  // namespace ledger_cli
