// Tampering with the ledger file as an attacker with a shell would: the sqlite3 command-line
// tool, sha256sum and the documented hash contract (event_store.h), but not the base's signing
// key. Each class must be caught by `drillctl ledger verify`, naming the first bad event or
// checkpoint, and must not take effect in what the ledger serves:
//  - a forged append (a trainee made an instructor by a correctly hashed UserRoleChanged);
//  - a forged signature row beside a forged event;
//  - a cut tail with the append-only triggers restored: events only; events and their
//    signatures; events, signatures and the checkpoints table (then only the checkpoint log
//    beside the database still knows).
// A rewritten history with every later hash recomputed is in test_drillctl_ledger_admin.cpp.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <vector>

using namespace ledger_cli;

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Runs SQL with the sqlite3 shell; returns its standard output.
std::string sql(const CliLedger& l, const std::string& statements) {
    const auto script = fs::path(l.dir) / "attack.sql";
    std::ofstream(script) << statements << '\n';
    const auto r = runCommand("sqlite3 " + l.db + " < " + script.string());
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return r.out;
}

std::string sha256Of(const CliLedger& l, const std::string& text) {
    const auto file = fs::path(l.dir) / "hash-input.json";
    std::ofstream(file, std::ios::binary) << text;
    const auto r = runCommand("sha256sum " + file.string());
    REQUIRE(r.exitCode == 0);
    return r.out.substr(0, 64);
}

// Appends an event with a correct seq, id, link and hash (nlohmann's compact dump is the
// canonical JSON for integers and ASCII strings). Returns its seq.
long forgeAppend(const CliLedger& l, const std::string& kind, const json& payload) {
    const auto rows = json::parse(runCommand("sqlite3 -json " + l.db +
                                             " \"SELECT seq, event_id, hash FROM events ORDER BY "
                                             "seq DESC LIMIT 1\"")
                                      .out);
    const long seq = rows[0]["seq"].get<long>() + 1;
    const std::string base = rows[0]["event_id"].get<std::string>();
    const std::string eventId = base.substr(0, base.rfind(':')) + ":" + std::to_string(seq);
    const std::string at = "2026-11-30T08:00:00Z";
    const std::string prev = rows[0]["hash"].get<std::string>();
    const json doc = {{"at", at},           {"event_id", eventId}, {"kind", kind},
                      {"payload", payload}, {"prev_hash", prev},   {"seq", seq}};
    const auto hash = sha256Of(l, doc.dump());
    sql(l, "INSERT INTO events(seq, event_id, kind, at, payload, prev_hash, hash) VALUES(" +
               std::to_string(seq) + ", '" + eventId + "', '" + kind + "', '" + at + "', '" +
               payload.dump() + "', '" + prev + "', '" + hash + "');");
    return seq;
}

// Deletes every event, signature and (with `checkpointsToo`) checkpoint after `keep`, then puts
// the append-only triggers back exactly as they were, so verify sees no missing guard.
void cutTail(const CliLedger& l, long keep, bool signaturesToo, bool checkpointsToo) {
    const auto triggers = runCommand("sqlite3 " + l.db +
                                     " \"SELECT sql || ';' FROM sqlite_master WHERE type = "
                                     "'trigger'\"")
                              .out;
    REQUIRE(contains(triggers, "events_no_delete"));
    const std::vector<std::string> dropped = {"events_no_delete", "event_signatures_no_delete",
                                              "checkpoints_no_delete"};
    std::string attack;
    for (const auto& t : dropped) attack += "DROP TRIGGER IF EXISTS " + t + ";\n";
    const auto k = std::to_string(keep);
    attack += "DELETE FROM events WHERE seq > " + k + ";\n";
    if (signaturesToo) attack += "DELETE FROM event_signatures WHERE last_seq > " + k + ";\n";
    if (checkpointsToo) attack += "DELETE FROM ledger_checkpoints WHERE seq > " + k + ";\n";
    // Back as they were: the dropped ones, from their own text.
    std::string restore;
    std::size_t at = 0;
    while ((at = triggers.find("CREATE TRIGGER", at)) != std::string::npos) {
        const auto end = triggers.find("END;", at);
        const auto one = triggers.substr(at, end + 4 - at);
        for (const auto& t : dropped)
            if (contains(one, "EXISTS " + t + " ") || contains(one, "TRIGGER " + t + " "))
                restore += one + "\n";
        at = end;
    }
    sql(l, attack + restore);
    CHECK(countRows(l.db, "sqlite_master WHERE type = 'trigger' AND name LIKE '%no_delete'") == 4);
}

// A ledger with an admin, a trainee, an organisation, a person and some training, every write
// by its own drillctl command (so each closed with a checkpoint).
CliLedger populated(const std::string& name) {
    auto l = freshLedger("tamper", name, "base-tamper");
    addUsers(l, {{"chen", "admin", "admin pass 1"},
                 {"wang", "instructor", "instr pass 1"},
                 {"li", "trainee", "trainee pass 1"}});
    auto r = l.run(
        "org add --as wang --code 914403001922038216 --name Huawei --industry "
        "manufacturing",
        "instr pass 1\n");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    r = l.run("person add --as wang --name Zhang --id-number 11010519491231002X", "instr pass 1\n");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    for (int i = 0; i < 3; ++i) {
        r = l.run("train --as wang --id-number 11010519491231002X --date 2025-01-1" +
                      std::to_string(i) + " --hours 4 --kind annual --topic drill",
                  "instr pass 1\n");
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    }
    REQUIRE(l.run("verify").exitCode == 0);
    return l;
}

}  // namespace

TEST_CASE("tamper: a forged append is named, grants nothing and stops the next write") {
    if (runCommand("(command -v sqlite3 && command -v sha256sum)").exitCode != 0) {
        MESSAGE("sqlite3 shell or sha256sum not installed: skipped");
        return;
    }
    const auto l = populated("forged-append");
    const long seq =
        forgeAppend(l, "UserRoleChanged", {{"by", "chen"}, {"name", "li"}, {"role", "instructor"}});

    // The hash chain alone is intact; the missing signature is what verify names.
    auto r = l.run("verify");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "ledger broken at event " + std::to_string(seq) + ": unsigned events"));
    CHECK(contains(r.err, "appended by a program without it"));

    // Li is still a trainee: the forged role is not acted on, and she cannot record training.
    const long trainingRows = countRows(l.db, "training");
    r = l.run(
        "train --as li --id-number 11010519491231002X --date 2025-02-01 --hours 40 --kind "
        "annual --topic forged",
        "trainee pass 1\n");
    CHECK(r.exitCode != 0);
    CHECK(countRows(l.db, "training") == trainingRows);

    // Nor can an honest instructor write on top of it: that would sign the forged event.
    r = l.run(
        "train --as wang --id-number 11010519491231002X --date 2025-02-02 --hours 2 --kind "
        "annual --topic honest",
        "instr pass 1\n");
    CHECK(r.exitCode != 0);
    CHECK(contains(r.err, "carry no signature"));
    CHECK(contains(r.err, "Nothing was saved"));
    CHECK(countRows(l.db, "events") == seq);
}

TEST_CASE("tamper: a forged signature row beside a forged event is named") {
    if (runCommand("(command -v sqlite3 && command -v sha256sum)").exitCode != 0) return;
    const auto l = populated("forged-signature");
    const long seq = forgeAppend(l, "TrainingRecorded",
                                 {{"date", "2025-02-01"},
                                  {"hours", 40},
                                  {"kind", "annual"},
                                  {"person_id", "base-tamper:5"},
                                  {"topic", "forged"}});
    const auto head = runCommand("sqlite3 " + l.db + " \"SELECT hash FROM events WHERE seq = " +
                                 std::to_string(seq) + "\"")
                          .out.substr(0, 64);
    const auto key = runCommand("sqlite3 " + l.db +
                                " \"SELECT value FROM ledger_meta WHERE key = "
                                "'signing_public_key'\"")
                         .out.substr(0, 64);
    sql(l,
        "INSERT INTO event_signatures(first_seq, last_seq, head_hash, public_key, signature) "
        "VALUES(" +
            std::to_string(seq) + ", " + std::to_string(seq) + ", '" + head + "', '" + key +
            "', '" + std::string(128, 'a') + "');");
    auto r = l.run("verify");
    CHECK(r.exitCode == 1);
    CHECK(contains(
        r.err, "ledger broken at event " + std::to_string(seq) + ": forged or damaged signature"));
    std::ofstream(fs::path(l.dir) / "password.txt") << "instr pass 1\n";
    // Readers refuse to act on a ledger whose newest signature does not hold.
    r = runCommand(kCtl + " ledger query person --db " + l.db + " --name Zhang --as wang < " +
                   (fs::path(l.dir) / "password.txt").string());
    CHECK(r.exitCode != 0);
    CHECK(contains(r.err, "newest signature"));
}

TEST_CASE("tamper: a cut tail with the triggers restored is caught at each depth") {
    if (runCommand("(command -v sqlite3 && command -v sha256sum)").exitCode != 0) return;
    SUBCASE("events only: the signatures name the removed events") {
        const auto l = populated("cut-events");
        const long n = countRows(l.db, "events");
        cutTail(l, n - 2, false, false);
        const auto r = l.run("verify");
        CHECK(r.exitCode == 1);
        CHECK(contains(
            r.err, "ledger broken at event " + std::to_string(n - 1) + ": signed events removed"));
    }
    SUBCASE("events and signatures: the ledger's own checkpoints name them") {
        const auto l = populated("cut-signatures");
        const long n = countRows(l.db, "events");
        cutTail(l, n - 2, true, false);
        const auto r = l.run("verify");
        CHECK(r.exitCode == 1);
        CHECK(contains(r.err, "the ledger's checkpoints: checkpoint"));
        CHECK(contains(r.err, "events were removed"));
    }
    SUBCASE("events, signatures and checkpoints: the checkpoint log still knows") {
        const auto l = populated("cut-all");
        const long n = countRows(l.db, "events");
        cutTail(l, n - 2, true, true);
        const auto r = l.run("verify");
        CHECK(r.exitCode == 1);
        CHECK(contains(r.err, "checkpoint log: checkpoint"));
        CHECK(contains(r.err, "is missing from the ledger's own checkpoints: they were cut"));
        CHECK_FALSE(contains(r.out + r.err, "triggers have been removed"));
    }
}

TEST_CASE("tamper: a derived table edited by hand is named, not served, and rebuilt") {
    if (runCommand("command -v sqlite3").exitCode != 0) return;
    const auto l = populated("projection-edit");
    std::ofstream(fs::path(l.dir) / "wang.txt") << "instr pass 1\n";
    const std::string query = kCtl + " ledger query person --db " + l.db +
                              " --name Zhang --as wang < " +
                              (fs::path(l.dir) / "wang.txt").string();
    REQUIRE(runCommand(query).exitCode == 0);

    // Forty hours where the events give four.
    sql(l, "UPDATE training SET hours = 40 WHERE rowid = (SELECT MIN(rowid) FROM training);");
    auto r = l.run("verify");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "projection training differs"));
    CHECK(contains(r.err, "column hours is 40 but the events give 4"));
    r = runCommand(query);
    CHECK(r.exitCode != 0);
    CHECK(contains(r.err, "the derived table training was changed after the base last sealed it"));
    CHECK_FALSE(contains(r.out, "40"));

    // The repair: the events decide, and the tables are sealed again.
    CHECK(l.run("rebuild --as wang", "instr pass 1\n").exitCode != 0);  // admins only
    r = l.run("rebuild --as chen", "admin pass 1\n");
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    CHECK(l.run("verify").exitCode == 0);
    r = runCommand(query);
    CHECK(r.exitCode == 0);

    // Removing every seal (to have edits sealed afresh) is itself refused.
    sql(l, "DROP TRIGGER projection_seals_no_delete; DELETE FROM projection_seals;");
    r = runCommand(query);
    CHECK(r.exitCode != 0);
    CHECK(contains(r.err, "the seals were removed"));
}

TEST_CASE("tamper: removing every signature and the recorded key does not get forgeries adopted") {
    if (runCommand("(command -v sqlite3 && command -v sha256sum)").exitCode != 0) return;
    const auto l = populated("unsign");
    sql(l,
        "DROP TRIGGER event_signatures_no_delete; DELETE FROM event_signatures; "
        "DELETE FROM ledger_meta WHERE key = 'signing_public_key';");
    const long seq =
        forgeAppend(l, "UserRoleChanged", {{"by", "chen"}, {"name", "li"}, {"role", "admin"}});
    // The key file says signing began: the missing signatures are named, not excused.
    auto r = l.run("verify");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "the signatures were removed"));
    // No honest write signs the forged event along with its own.
    r = l.run("org add --as wang --code 91110000100000000H --name Other --industry manufacturing",
              "instr pass 1\n");
    CHECK(r.exitCode != 0);
    CHECK(countRows(l.db, "events") == seq);
    CHECK(countRows(l.db, "event_signatures") == 0);
    // Nor does Li's forged role grant her the admin's commands.
    CHECK(l.run("user list --as li", "trainee pass 1\n").exitCode != 0);
}

TEST_CASE("tamper: a payload edited in place (hash left alone) is not acted on") {
    if (runCommand("command -v sqlite3").exitCode != 0) return;
    const auto l = populated("payload-edit");
    sql(l,
        "DROP TRIGGER events_no_update; UPDATE events SET payload = replace(payload, "
        "'\"trainee\"', '\"admin\"') WHERE kind = 'UserAdded' AND payload LIKE '%\"li\"%';");
    auto r = l.run("user list --as li", "trainee pass 1\n");
    CHECK(r.exitCode != 0);
    CHECK(contains(r.err, "does not match the hash chain"));
    r = l.run("verify");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "content does not match its hash"));
}

TEST_CASE("tamper: a signature row claiming events that do not exist cannot turn signing off") {
    if (runCommand("command -v sqlite3").exitCode != 0) return;
    const auto l = populated("bogus-range");
    const long n = countRows(l.db, "events");
    sql(l,
        "INSERT INTO event_signatures(first_seq, last_seq, head_hash, public_key, signature) "
        "VALUES(" +
            std::to_string(n + 1) + ", 1000000000, 'x', 'y', 'z');");
    const auto r = l.run(
        "train --as wang --id-number 11010519491231002X --date 2025-03-01 "
        "--hours 2 --kind annual --topic after",
        "instr pass 1\n");
    CHECK(r.exitCode != 0);
    CHECK(countRows(l.db, "events") == n);
    CHECK(l.run("verify").exitCode == 1);
}

TEST_CASE("verify: a copy without its key file is UNVERIFIED unless the inspector gives the key") {
    if (runCommand("command -v sqlite3").exitCode != 0) return;
    const auto l = populated("copy");
    const auto key = runCommand("sqlite3 " + l.db +
                                " \"SELECT value FROM ledger_meta WHERE key = "
                                "'signing_public_key'\"")
                         .out.substr(0, 64);
    const auto copyDir = fs::path(l.dir) / "inspector";
    fs::create_directories(copyDir);
    const auto copy = (copyDir / "ledger.sqlite").string();
    REQUIRE(runCommand("sqlite3 " + l.db + " \".backup " + copy + "\"").exitCode == 0);
    fs::copy_file(l.db + ".checkpoints.jsonl", copy + ".checkpoints.jsonl");
    auto r = runCommand(kCtl + " ledger verify --db " + copy);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "UNVERIFIED"));
    r = runCommand(kCtl + " ledger verify --db " + copy + " --public-key " + key);
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    r = runCommand(kCtl + " ledger verify --db " + copy + " --public-key " + std::string(64, 'a'));
    CHECK(r.exitCode == 1);
    // Without the checkpoint log, a cut tail could no longer be found: verify says so.
    fs::remove(copy + ".checkpoints.jsonl");
    r = runCommand(kCtl + " ledger verify --db " + copy + " --public-key " + key);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "checkpoint log"));
    CHECK(contains(r.err, "is missing"));
}

TEST_CASE("sign-existing: a ledger from before signatures is signed once, on an admin's word") {
    if (runCommand("command -v sqlite3").exitCode != 0) return;
    const auto l = populated("legacy");
    // What a ledger written before signatures looks like: no signatures, seals, checkpoints,
    // recorded key, key file or log.
    sql(l,
        "DROP TABLE event_signatures; DROP TABLE projection_seals; DROP TABLE "
        "ledger_checkpoints; DELETE FROM ledger_meta WHERE key = 'signing_public_key';");
    fs::remove(l.db + ".sign.key");
    fs::remove(l.db + ".checkpoints.jsonl");
    auto r = l.run("verify");
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "predates signatures"));
    r = l.run(
        "train --as wang --id-number 11010519491231002X --date 2025-03-01 --hours 2 "
        "--kind annual --topic blocked",
        "instr pass 1\n");
    CHECK(r.exitCode != 0);
    CHECK(contains(r.err, "sign-existing"));
    CHECK(l.run("sign-existing --as wang", "instr pass 1\n").exitCode != 0);  // admins only
    r = l.run("sign-existing --as chen", "admin pass 1\n");
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "signed events 1.."));
    r = l.run(
        "train --as wang --id-number 11010519491231002X --date 2025-03-01 --hours 2 "
        "--kind annual --topic after",
        "instr pass 1\n");
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    r = l.run("verify");
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "Signed: events 1.."));
}
