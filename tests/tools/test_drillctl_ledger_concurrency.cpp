// Several `drillctl ledger` writers on one database at the same moment, as real processes.
// What must hold however the processes interleave (nothing here depends on timing): a command
// that exits 0 wrote exactly its events and their derived rows; a command that fails wrote
// nothing and says so; the chain verifies, the derived tables agree with it, and the ledger
// accepts another write afterwards. And two clerks registering one identity number at once:
// one succeeds, the other is told the number is taken, and the id printed exists.
#include "ledger_cli_fixture.h"

#include <sqlite3.h>

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

using namespace ledger_cli;

namespace {

const std::string kOrg = "914403001922038216";

// A valid resident identity number (GB 11643-1999) born 1980-01-01 in 110105 (n < 1000) or
// 110108 (n < 2000) whose sequence code is n % 1000: unique per n, and so is its masked form
// 1101xx********NNNC.
std::string residentId(int n) {
    std::string id = n < 1000 ? "11010519800101" : "11010819800101";
    const std::string seq = std::to_string(1000 + n % 1000).substr(1);
    id += seq;
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (id[static_cast<std::size_t>(i)] - '0') * weights[i];
    id += "10X98765432"[sum % 11];
    return id;
}

std::string masked(const std::string& id) {
    return id.substr(0, 6) + std::string(8, '*') + id.substr(14);
}

// Read-only look at the database the processes wrote, with SQLite itself.
class Peek {
public:
    explicit Peek(const std::string& file) {
        REQUIRE(sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        sqlite3_busy_timeout(db_, 5000);
    }
    ~Peek() { sqlite3_close(db_); }
    Peek(const Peek&) = delete;
    Peek& operator=(const Peek&) = delete;

    // The first column of the first row, with `?1` bound to `arg`.
    std::int64_t count(const std::string& sql, const std::string& arg = "") {
        sqlite3_stmt* st = nullptr;
        REQUIRE_MESSAGE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) == SQLITE_OK,
                        sqlite3_errmsg(db_));
        if (sqlite3_bind_parameter_count(st) > 0)
            sqlite3_bind_text(st, 1, arg.c_str(), -1, SQLITE_TRANSIENT);
        std::int64_t n = -1;
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        return n;
    }
    // Events of `kind` whose payload holds "field":"value" (canonical JSON, no spaces).
    std::int64_t events(const std::string& kind, const std::string& field,
                        const std::string& value) {
        return count(
            "SELECT count(*) FROM events WHERE kind = '" + kind + "' AND instr(payload, ?1) > 0",
            "\"" + field + "\":\"" + value + "\"");
    }

private:
    sqlite3* db_ = nullptr;
};

// One command of a round, started with the others at the same moment.
struct Job {
    enum Kind { PersonAdd, Train, Import, Export } kind;
    std::string args;                // after `drillctl ledger`
    std::vector<std::string> masks;  // masked numbers it registers (person add, import)
    std::string topic;               // training topic (train)
    CommandResult result;
};

// Starts every job at once (one shell, each in the background) and waits for all of them.
void runTogether(const std::filesystem::path& dir, std::vector<Job>& jobs) {
    const auto script = dir / "round.sh";
    {
        std::ofstream sh(script);
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            const auto base = (dir / ("job" + std::to_string(i))).string();
            sh << "( " << kCtl << " ledger " << jobs[i].args << " </dev/null >" << base << ".out 2>"
               << base << ".err; echo $? >" << base << ".rc ) &\n";
        }
        sh << "wait\n";
    }
    REQUIRE(runCommand("sh " + script.string()).exitCode == 0);
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const auto base = (dir / ("job" + std::to_string(i))).string();
        jobs[i].result.out = slurp(base + ".out");
        jobs[i].result.err = slurp(base + ".err");
        const std::string rc = slurp(base + ".rc");
        jobs[i].result.exitCode = rc.empty() ? -1 : std::stoi(rc);
        for (const char* ext : {".out", ".err", ".rc"}) std::filesystem::remove(base + ext);
    }
}

std::string captured(const std::smatch& m) {
    return m.size() > 1 ? m[1].str() : std::string();
}

}  // namespace

TEST_CASE("concurrent drillctl ledger writers: each command wrote exactly its events or nothing") {
    const auto l = freshLedger("concurrency", "writers", "base-cc");
    REQUIRE(l.run("org add --code " + kOrg + " --name Huawei --industry manufacturing").exitCode ==
            0);
    auto r = l.run("person add --name 王伟 --id-number " + residentId(1));
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("registered person (\\S+)")));
    const std::string trainee = captured(m);

    constexpr int kRounds = 10;
    constexpr int kWriters = 3;  // person add and train, each
    constexpr int kImportRows = 90;
    int next = 2;  // the next unused identity number (residentId)
    int ran = 0, succeeded = 0, failed = 0;
    std::int64_t expectedEvents = 2;  // the organisation and the trainee
    for (int round = 0; round < kRounds; ++round) {
        CAPTURE(round);
        std::vector<Job> jobs;
        for (int k = 0; k < kWriters; ++k) {
            const auto id = residentId(next++);
            jobs.push_back({Job::PersonAdd,
                            "person add --db " + l.db + " --name 王伟 --id-number " + id,
                            {masked(id)},
                            "",
                            {}});
        }
        for (int k = 0; k < kWriters; ++k) {
            const std::string topic =
                "round " + std::to_string(round) + " writer " + std::to_string(k);
            jobs.push_back({Job::Train,
                            "train --db " + l.db + " --person " + trainee +
                                " --date 2026-11-01 --hours 2 --kind annual --topic '" + topic +
                                "'",
                            {},
                            topic,
                            {}});
        }
        for (int k = 0; k < 2; ++k) {
            const auto roster = std::filesystem::path(l.dir) / ("roster" + std::to_string(round) +
                                                                "-" + std::to_string(k) + ".csv");
            Job import{Job::Import, "import " + roster.string() + " --db " + l.db, {}, "", {}};
            std::ofstream csv(roster);
            csv << "name,id_number,org_credit_code,role,since\n";
            for (int row = 0; row < kImportRows; ++row) {
                const auto id = residentId(next++);
                csv << "李娜," << id << ',' << kOrg << ",new_worker,2024-03-01\n";
                import.masks.push_back(masked(id));
            }
            jobs.push_back(import);
        }
        const auto exported =
            std::filesystem::path(l.dir) / ("export" + std::to_string(round) + ".csv");
        jobs.push_back({Job::Export,
                        "export --db " + l.db + " --format csv --out " + exported.string(),
                        {},
                        "",
                        {}});

        runTogether(l.dir, jobs);

        Peek db(l.db);
        for (const auto& j : jobs) {
            CAPTURE(j.args);
            CAPTURE(j.result.out);
            CAPTURE(j.result.err);
            ++ran;
            const bool ok = j.result.exitCode == 0;
            ok ? ++succeeded : ++failed;
            if (!ok) {
                // Valid, unique input: the only acceptable failure is a busy ledger, said so.
                CHECK(j.result.exitCode == 3);
                CHECK(contains(j.result.err, "nothing was saved"));
            }
            switch (j.kind) {
                case Job::PersonAdd: {
                    const auto n = db.events("PersonRegistered", "id_masked", j.masks[0]);
                    CHECK(n == (ok ? 1 : 0));
                    if (ok) {
                        std::smatch pm;
                        REQUIRE(std::regex_search(j.result.out, pm,
                                                  std::regex("registered person (\\S+)")));
                        CHECK(db.count("SELECT count(*) FROM people WHERE person_id = ?1",
                                       captured(pm)) == 1);
                        expectedEvents += 1;
                    }
                    break;
                }
                case Job::Train: {
                    const auto n = db.events("TrainingRecorded", "topic", j.topic);
                    CHECK(n == (ok ? 1 : 0));
                    CHECK(db.count("SELECT count(*) FROM training WHERE topic = ?1", j.topic) ==
                          (ok ? 1 : 0));
                    if (ok) expectedEvents += 1;
                    break;
                }
                case Job::Import: {
                    std::int64_t people = 0, rows = 0;
                    for (const auto& mask : j.masks) {
                        people += db.events("PersonRegistered", "id_masked", mask);
                        rows += db.count(
                            "SELECT count(*) FROM people p JOIN roles r ON r.person_id = "
                            "p.person_id WHERE p.id_masked = ?1",
                            mask);
                    }
                    const std::int64_t want = ok ? kImportRows : 0;
                    CHECK(people == want);
                    CHECK(rows == want);
                    if (ok) {
                        CHECK(contains(j.result.out, "imported " + std::to_string(kImportRows)));
                        expectedEvents += 2 * kImportRows;  // a person and a role per row
                    }
                    break;
                }
                case Job::Export:
                    if (ok) CHECK(std::filesystem::file_size(exported) > 0);
                    break;
            }
        }
        // Nothing else was written, and the derived tables agree with the chain.
        CHECK(db.count("SELECT count(*) FROM events") == expectedEvents);
        CHECK(db.count("SELECT CAST(value AS INTEGER) FROM ledger_meta "
                       "WHERE key = 'projected_through'") == expectedEvents);
        CHECK(db.count("SELECT count(*) FROM people") ==
              db.count("SELECT count(*) FROM events WHERE kind = 'PersonRegistered'"));
        CHECK(db.count("SELECT count(*) FROM training") ==
              db.count("SELECT count(*) FROM events WHERE kind = 'TrainingRecorded'"));
        CHECK(db.count("SELECT count(*) FROM roles") ==
              db.count("SELECT count(*) FROM events WHERE kind = 'RoleAssigned'"));
    }
    MESSAGE("concurrent commands: " << ran << " ran, " << succeeded << " succeeded, " << failed
                                    << " failed (busy, nothing saved)");
    CHECK(ran == kRounds * (2 * kWriters + 3));
    CHECK(l.events() == expectedEvents);  // `ledger verify` passes
    r = l.run("person add --name 王伟 --id-number " + residentId(next++));
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    r = l.run("train --person " + trainee +
              " --date 2026-11-02 --hours 1 --kind annual --topic afterwards");
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    CHECK(l.events() == expectedEvents + 2);
}

TEST_CASE("two concurrent person add of one identity number: exactly one succeeds") {
    const auto l = freshLedger("concurrency", "same-id", "base-same");
    constexpr int kPairs = 12;
    int refusedAsDuplicate = 0;
    for (int pair = 0; pair < kPairs; ++pair) {
        CAPTURE(pair);
        const auto id = residentId(500 + pair);
        std::vector<Job> jobs;
        for (const char* name : {"王伟", "李娜"})
            jobs.push_back(
                {Job::PersonAdd,
                 std::string("person add --db ") + l.db + " --name " + name + " --id-number " + id,
                 {masked(id)},
                 "",
                 {}});
        runTogether(l.dir, jobs);
        // A busy timeout saved nothing: that clerk tries again, now alone.
        for (auto& j : jobs)
            if (j.result.exitCode == 3) {
                CHECK(contains(j.result.err, "nothing was saved"));
                j.result = runCommand(kCtl + " ledger " + j.args + " </dev/null");
            }
        int ok = 0;
        std::string printed;
        for (const auto& j : jobs) {
            CAPTURE(j.result.out);
            CAPTURE(j.result.err);
            if (j.result.exitCode == 0) {
                ++ok;
                std::smatch pm;
                REQUIRE(
                    std::regex_search(j.result.out, pm, std::regex("registered person (\\S+)")));
                printed = captured(pm);
            } else {
                CHECK(j.result.exitCode == 1);
                CHECK(contains(j.result.err, "is already registered as person"));
                ++refusedAsDuplicate;
            }
        }
        CHECK(ok == 1);
        Peek db(l.db);
        CHECK(db.events("PersonRegistered", "id_masked", masked(id)) == 1);
        CHECK(db.count("SELECT count(*) FROM people WHERE person_id = ?1 AND id_masked = '" +
                           masked(id) + "'",
                       printed) == 1);
    }
    MESSAGE(kPairs << " pairs: " << refusedAsDuplicate << " second registrations refused");
    CHECK(refusedAsDuplicate == kPairs);
    CHECK(l.events() == kPairs);
}

TEST_CASE("a writer kept waiting past the busy timeout exits 3 and saves nothing") {
    const auto l = freshLedger("concurrency", "busy", "base-busy");
    REQUIRE(l.run("person add --name 王伟 --id-number " + residentId(900)).exitCode == 0);
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(l.db.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    // Another program holds the write lock for the whole command (no timing involved).
    const auto r = l.run("person add --name 李娜 --id-number " + residentId(901));
    const auto exported = std::filesystem::path(l.dir) / "export.csv";
    // A reader is not held up by the writer: the derived tables are up to date.
    const auto e = l.run("export --format csv --out " + exported.string());
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    CHECK(r.exitCode == 3);
    CHECK(contains(r.err, "the ledger is busy"));
    CHECK(contains(r.err, "nothing was saved"));
    CHECK_MESSAGE(e.exitCode == 0, e.err);
    Peek db(l.db);
    CHECK(db.events("PersonRegistered", "id_masked", masked(residentId(901))) == 0);
    CHECK(l.events() == 1);
    CHECK(l.run("person add --name 李娜 --id-number " + residentId(901)).exitCode == 0);
}
