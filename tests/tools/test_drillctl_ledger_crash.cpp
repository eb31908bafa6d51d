// `drillctl ledger` writers killed with SIGKILL at many points, as real processes. After every
// kill: `ledger verify` passes; the command's change is all or nothing (the events, or the
// checkpoint row, are as before or as after the whole command); the derived tables agree with
// the events present; and the ledger accepts the next write.
//
// Where the kills land does not depend on the machine's speed:
//  - the writer's standard output is a pipe filled to the brim before it starts, so a writer
//    that finishes its work blocks in its final flush at exit and cannot end on its own: every
//    run ends in a SIGKILL that lands, before, during or after the write;
//  - "at start": killed as soon as posix_spawn returns (before it opened the database);
//  - "in transaction": killed once SQLite's WAL write lock is seen held by the writer, then
//    after growing extra offsets; the lock is looked at with F_GETLK, which takes nothing;
//  - "committed": killed once a reader sees its change committed, the last moment before exit;
//  - a sweep of plain delays in between, whose outcome may differ between machines: only
//    that each ends in one of the two consistent states is asserted for them.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

using namespace ledger_cli;

namespace {

const std::string kOrg = "914403001922038216";
constexpr int kImportRows = 2000;

// A valid resident identity number (GB 11643-1999) for every n: born 1950-01-01 + n / 1000
// days in 110105, sequence code n % 1000.
std::string residentId(int n) {
    // Days since 1970-01-01 to a civil date (H. Hinnant, "chrono-compatible low-level date
    // algorithms", civil_from_days).
    long z = -7305 + n / 1000 + 719468;  // 1950-01-01 is day -7305
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[96];  // room for any long the compiler cannot bound
    std::snprintf(buf, sizeof buf, "110105%04ld%02ld%02ld%03d", y, m, d, n % 1000);
    std::string id = buf;
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (id[static_cast<std::size_t>(i)] - '0') * weights[i];
    return id + "10X98765432"[sum % 11];
}

// The database as the killed writer left it, read with SQLite itself. Kept open for the whole
// test: a reader beside the writers, as the GUI would be, and the -shm file stays in place.
class Peek {
public:
    explicit Peek(const std::string& file) {
        REQUIRE(sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
        sqlite3_busy_timeout(db_, 5000);
    }
    ~Peek() { sqlite3_close(db_); }
    Peek(const Peek&) = delete;
    Peek& operator=(const Peek&) = delete;
    std::int64_t count(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        // Not an assertion per call: the polling loops call this thousands of times.
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            FAIL(sqlite3_errmsg(db_));
        std::int64_t n = -1;
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        return n;
    }
    std::int64_t events() { return count("SELECT count(*) FROM events"); }
    // The table is created by the first `checkpoint create`.
    std::int64_t checkpoints() {
        if (count("SELECT count(*) FROM sqlite_master WHERE name = 'ledger_checkpoints'") == 0)
            return 0;
        return count("SELECT count(*) FROM ledger_checkpoints");
    }
    // Events of `kind` that no EventVoided event takes back: what the derived tables show.
    std::int64_t standing(const std::string& kind) {
        return count("SELECT count(*) FROM events e WHERE e.kind = '" + kind +
                     "' AND NOT EXISTS (SELECT 1 FROM events v WHERE v.kind = 'EventVoided' "
                     "AND json_extract(v.payload, '$.event_id') = e.event_id)");
    }

private:
    sqlite3* db_ = nullptr;
};

// Whether another process holds SQLite's WAL write lock: byte 120 of the -shm file
// (WALINDEX_LOCK_OFFSET in wal.c, UNIX_SHM_BASE in os_unix.c; lock 0 is WAL_WRITE_LOCK).
// A writer holds it from BEGIN IMMEDIATE to its commit or rollback.
bool writeLockHeldBy(int shmFd, pid_t pid) {
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 120;
    fl.l_len = 1;
    return ::fcntl(shmFd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK && fl.l_pid == pid;
}

// The -shm file, open for F_GETLK for as long as the Peek beside it. Opened once, before the
// Peek, and closed after it: closing any descriptor of a file drops every fcntl lock this
// process holds on it (POSIX), Peek's SQLite locks on the -shm included, after which the next
// writer believes it is alone, rebuilds the -shm under the Peek's mapping and finds committed
// frames the index did not show yet.
class ShmFile {
public:
    explicit ShmFile(const std::string& db)
        : fd_(::open((db + "-shm").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
        REQUIRE(fd_ >= 0);
    }
    ~ShmFile() { ::close(fd_); }
    ShmFile(const ShmFile&) = delete;
    ShmFile& operator=(const ShmFile&) = delete;
    int fd() const { return fd_; }

private:
    int fd_;
};

// A pipe whose buffer is full: a process writing to its write end blocks until it is killed.
struct FullPipe {
    int fds[2] = {-1, -1};
    FullPipe() {
        REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
        REQUIRE(::fcntl(fds[1], F_SETFL, O_NONBLOCK) == 0);
        const std::string chunk(4096, 'x');
        while (::write(fds[1], chunk.data(), chunk.size()) > 0) {
        }
        while (::write(fds[1], "x", 1) > 0) {
        }
        // Blocking again: the flag belongs to the open file, which the writer shares.
        REQUIRE(::fcntl(fds[1], F_SETFL, 0) == 0);
    }
    ~FullPipe() {
        ::close(fds[0]);
        ::close(fds[1]);
    }
    FullPipe(const FullPipe&) = delete;
    FullPipe& operator=(const FullPipe&) = delete;
};

enum class Trigger { AtStart, Delay, InTransaction, Committed };

struct KillPoint {
    Trigger trigger;
    int micros;  // the delay, or the offset after the write lock was seen
};

// The schedule for each command: 14 kills.
const std::vector<KillPoint> kSchedule = {
    {Trigger::AtStart, 0},           {Trigger::Delay, 100},          {Trigger::Delay, 300},
    {Trigger::Delay, 1000},          {Trigger::Delay, 3000},         {Trigger::Delay, 10000},
    {Trigger::Delay, 30000},         {Trigger::Delay, 100000},       {Trigger::InTransaction, 0},
    {Trigger::InTransaction, 200},   {Trigger::InTransaction, 1000}, {Trigger::InTransaction, 5000},
    {Trigger::InTransaction, 20000}, {Trigger::Committed, 0},
};

struct State {
    std::int64_t events = 0, checkpoints = 0;
};

struct Killed {
    bool signalled = false;
    bool lockHeld = false;  // the writer held the write lock right before the kill
    std::string err;
};

// Starts `drillctl ledger ARGS` and kills it at `point`.
Killed runAndKill(const std::vector<std::string>& args, const KillPoint& point,
                  const ShmFile& shmFile, Peek& peek, const State& before,
                  const std::string& errFile) {
    FullPipe out;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out.fds[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<std::string> argv = {kCtl, "ledger"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, kCtl.c_str(), &fa, nullptr, cargv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    REQUIRE(rc == 0);

    const int shm = shmFile.fd();
    const auto committed = [&] {
        return peek.events() > before.events || peek.checkpoints() > before.checkpoints;
    };
    // A guard against a hang only (a writer stuck on something else); never reached in a run
    // that works, whatever the speed.
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int status = 0;
    bool exited = false;
    const auto waitFor = [&](const std::function<bool()>& seen) {
        while (!seen()) {
            if (::waitpid(pid, &status, WNOHANG) == pid) {
                exited = true;
                return;
            }
            if (std::chrono::steady_clock::now() > giveUp) {
                FAIL_CHECK("the writer neither wrote nor ended within 60 s");
                return;
            }
        }
    };
    switch (point.trigger) {
        case Trigger::AtStart: break;
        case Trigger::Delay:
            std::this_thread::sleep_for(std::chrono::microseconds(point.micros));
            break;
        case Trigger::InTransaction:
            // A write that commits between two looks is caught as committed instead.
            waitFor([&] { return writeLockHeldBy(shm, pid) || committed(); });
            std::this_thread::sleep_for(std::chrono::microseconds(point.micros));
            break;
        case Trigger::Committed: waitFor(committed); break;
    }
    Killed k;
    if (!exited) {
        k.lockHeld = writeLockHeldBy(shm, pid);
        ::kill(pid, SIGKILL);
        REQUIRE(::waitpid(pid, &status, 0) == pid);
    }
    k.signalled = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    k.err = slurp(errFile);
    return k;
}

struct Command {
    std::string name;
    std::function<std::vector<std::string>()> args;  // after `ledger`, for the next run
    std::int64_t events;                             // what the whole command appends
    std::int64_t checkpoints;                        // checkpoint rows its write adds
    // A writer that appended leaves one more checkpoint when it closes, in a transaction of
    // its own after the commit (checkpoint.h): a kill may land before it or after it.
    bool closeCheckpoint;
};

// The arguments of a command line without quoted spaces (the test's paths have none).
std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

struct Tally {
    int kills = 0, before = 0, after = 0, midWrite = 0;
};

}  // namespace

TEST_CASE("drillctl ledger writers killed (SIGKILL) at many points: all or nothing, verified") {
    const auto l = freshLedger("crash", "kill9", "base-kill");
    auto r = l.run("org add --code " + kOrg + " --name Huawei --industry manufacturing");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    int next = 0;  // the next unused identity number (residentId)
    r = l.run("person add --name 王伟 --id-number " + residentId(next++));
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("registered person (\\S+)")));
    const std::string trainee = m[1].str();

    int runs = 0;
    const std::vector<Command> commands = {
        {"import",
         [&] {
             const auto roster = l.dir + "/roster" + std::to_string(runs) + ".csv";
             std::ofstream csv(roster);
             csv << "name,id_number,org_credit_code,role,since\n";
             for (int row = 0; row < kImportRows; ++row)
                 csv << "李娜," << residentId(next++) << ',' << kOrg << ",new_worker,2024-03-01\n";
             return std::vector<std::string>{"import", roster, "--db", l.db};
         },
         // 4000 events: the write passes kCheckpointEveryEvents and signs one inside itself.
         2 * kImportRows, 1, true},
        {"train",
         [&] {
             return words("train --person " + trainee +
                          " --date 2025-01-15 --hours 2 --kind annual --topic run-" +
                          std::to_string(runs) + " --db " + l.db);
         },
         1, 0, true},
        {"checkpoint create", [&] { return words("checkpoint create --db " + l.db); }, 0, 1, false},
        {"person add --org --role",
         [&] {
             return words("person add --name 张敏 --id-number " + residentId(next++) + " --org " +
                          kOrg + " --role new_worker --since 2024-03-01 --db " + l.db);
         },
         2, 0, true},
    };

    const ShmFile shm(l.db);  // before the Peek: see ShmFile
    Peek peek(l.db);
    Tally total;
    for (const auto& c : commands) {
        Tally t;
        for (const auto& point : kSchedule) {
            CAPTURE(c.name);
            const int trigger = static_cast<int>(point.trigger);  // as in enum Trigger
            CAPTURE(trigger);
            CAPTURE(point.micros);
            ++runs;
            const State before{peek.events(), peek.checkpoints()};
            const auto k = runAndKill(c.args(), point, shm, peek, before,
                                      l.dir + "/err" + std::to_string(runs) + ".txt");
            CAPTURE(k.err);
            // Valid input: the writer is never done before the kill (its output cannot leave).
            REQUIRE(k.signalled);
            ++t.kills;

            // (2) All or nothing.
            const State after{peek.events(), peek.checkpoints()};
            const bool unchanged =
                after.events == before.events && after.checkpoints == before.checkpoints;
            const auto added = after.checkpoints - before.checkpoints;
            const bool whole =
                after.events == before.events + c.events &&
                (added == c.checkpoints || (c.closeCheckpoint && added == c.checkpoints + 1));
            CHECK((unchanged || whole));
            unchanged ? ++t.before : ++t.after;
            if (unchanged && k.lockHeld) ++t.midWrite;

            // (3) The derived tables agree with the events present, without a catch-up.
            CHECK(peek.count("SELECT count(*) FROM people") == peek.standing("PersonRegistered"));
            CHECK(peek.count("SELECT count(*) FROM roles") == peek.standing("RoleAssigned"));
            CHECK(peek.count("SELECT count(*) FROM training") == peek.standing("TrainingRecorded"));
            CHECK(peek.count("SELECT CAST(value AS INTEGER) FROM ledger_meta "
                             "WHERE key = 'projected_through'") == after.events);

            // (1) The chain verifies, (4) takes the next write and verifies again.
            CHECK(eventCount(l.db) == after.events);
            r = l.run("person add --name 周杰 --id-number " + residentId(next++));
            CHECK_MESSAGE(r.exitCode == 0, r.err);
            CHECK(eventCount(l.db) == after.events + 1);
        }
        MESSAGE(c.name << ": " << t.kills << " kills, " << t.before << " left it as before ("
                       << t.midWrite << " inside the write transaction), " << t.after
                       << " as after");
        // At start leaves it as before, committed as after, whatever the speed.
        CHECK(t.before >= 1);
        CHECK(t.after >= 1);
        total.kills += t.kills;
        total.before += t.before;
        total.after += t.after;
        total.midWrite += t.midWrite;
    }
    MESSAGE("in all: " << total.kills << " kills, " << total.before << " before (" << total.midWrite
                       << " mid-write), " << total.after << " after");
    CHECK(total.kills == static_cast<int>(commands.size() * kSchedule.size()));
    CHECK(total.kills >= 40);
    // The import's transaction (thousands of rows, checked and written under the lock) lasts far
    // longer than the look at the lock and the kill: those kills land inside it.
    CHECK(total.midWrite >= 1);
    CHECK(peek.checkpoints() >= 1);
    r = l.run("checkpoint create");
    CHECK_MESSAGE(r.exitCode == 0, r.err);
}
