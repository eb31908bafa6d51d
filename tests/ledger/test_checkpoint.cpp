// Signed checkpoints: Ed25519 signatures over the chain head, the export for inspectors, and
// detection of a history rewritten with every later hash recomputed.
#include "ledger/checkpoint.h"
#include "ledger/checkpoint_log.h"
#include "ledger/event_store.h"
#include "ledger/signing_key.h"
#include "ledger/sqlite_event_storage.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;
using nlohmann::json;

namespace {

constexpr const char* kDbFolder = "checkpoints";
constexpr const char* kBaseId = "base-cp";

// The folder of this file's databases, for the signing-key files beside them.
fs::path scratchDir() {
    const auto dir =
        fs::temp_directory_path() / ("drillbase-test-" + std::to_string(::getpid())) / kDbFolder;
    fs::create_directories(dir);
    return dir;
}

// A ledger with `n` events.
fs::path ledgerWithEvents(const std::string& name, int n) {
    const auto file = freshDb(kDbFolder, name, kBaseId);
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    EventStore store(storage);
    for (int i = 1; i <= n; ++i)
        store.append({"TrainingRecorded", "2026-11-23T08:00:00Z",
                      json{{"person_id", "base-cp:1"}, {"hours", i}, {"topic", "leak drill"}}});
    return file;
}

void appendEvent(SqliteDb& db, int hours) {
    SqliteEventStorage storage(db);
    EventStore store(storage);
    store.append({"TrainingRecorded", "2026-11-24T08:00:00Z",
                  json{{"person_id", "base-cp:1"}, {"hours", hours}, {"topic", "flood"}}});
}

// What an attacker with file access and the code can do: change event `seq`, then recompute
// that event's hash and every later link and hash, so the chain verifies again.
void rewriteHistory(SqliteDb& db, std::int64_t seq, const json& newPayload) {
    SqliteEventStorage storage(db);
    const EventStore store(storage);
    auto events = store.readAll();
    db.exec("DROP TRIGGER IF EXISTS events_no_update;");
    std::string prev = seq == 1 ? kGenesisPrevHash : events[static_cast<std::size_t>(seq - 2)].hash;
    for (auto& e : events) {
        if (e.seq < seq) continue;
        json payload = json::parse(e.payload);
        if (e.seq == seq) payload = newPayload;
        e.payload = payload.dump();  // integers and ASCII only: dump() is canonical here
        e.prevHash = prev;
        e.hash = EventStore::computeHash(e.seq, e.eventId, e.kind, e.at, payload, prev);
        prev = e.hash;
        auto st =
            db.prepare("UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?");
        st.bind(1, e.payload).bind(2, e.prevHash).bind(3, e.hash).bind(4, e.seq);
        st.step();
    }
}

// The base's own key, created beside the database by EventStore::initialize.
SigningKey ledgerKey(const fs::path& file) {
    auto key = loadSigningKey(signingKeyFileFor(file));
    REQUIRE(key);
    return *key;
}

// What a forger with another key does to an export: re-signs every checkpoint with it,
// relinking the chain, and puts its public key in the file.
void resignExport(json& exported, const SigningKey& other) {
    std::string prev(64, '0');
    exported["public_key"] = other.publicKeyHex();
    for (auto& entry : exported["checkpoints"]) {
        auto c = *Checkpoint::fromJson(entry);
        c.publicKey = other.publicKeyHex();
        c.prev = prev;
        c.signature = other.signHex(c.signedBytes());
        prev = c.digest();
        entry = c.toJson();
    }
}

CheckpointVerification verifyExport(const json& exported, const fs::path& file,
                                    const std::optional<std::string>& trusted = std::nullopt) {
    SqliteDb db(file);
    return verifyCheckpoints(exported, db, trusted);
}

}  // namespace

TEST_CASE("signing key: sign and verify, and a key file created owner-only") {
    const auto key = SigningKey::generate();
    const auto sig = key.signHex("head abc");
    CHECK(sig.size() == 128);
    CHECK(key.publicKeyHex().size() == 64);
    CHECK(verifySignatureHex("head abc", sig, key.publicKeyHex()));
    CHECK_FALSE(verifySignatureHex("head abd", sig, key.publicKeyHex()));
    CHECK_FALSE(verifySignatureHex("head abc", sig, SigningKey::generate().publicKeyHex()));
    CHECK_FALSE(verifySignatureHex("head abc", "zz", key.publicKeyHex()));

    const auto file = scratchDir() / "key-test.sqlite.sign.key";
    fs::remove(file);
    const auto created = loadOrCreateSigningKey(file);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const auto again = loadOrCreateSigningKey(file);
    CHECK(again.publicKeyHex() == created.publicKeyHex());
    CHECK(signingKeyFileFor("/x/ledger.sqlite") == fs::path("/x/ledger.sqlite.sign.key"));
    CHECK_FALSE(loadSigningKey(scratchDir() / "missing.sign.key"));
}

TEST_CASE("checkpoint: signed head, stored append-only, exported and verified") {
    const auto file = ledgerWithEvents("basic", 4);
    const auto key = ledgerKey(file);
    SqliteDb db(file);
    CheckpointBook book(db);
    // The connection that wrote the 4 events left checkpoint 1 when it closed.
    REQUIRE(book.list().size() == 1);
    CHECK(book.list()[0].seq == 4);
    const auto c = book.create(key, "2026-11-23T10:00:00Z");
    CHECK(c.number == 2);
    CHECK(c.seq == 4);
    CHECK(c.eventCount == 4);
    CHECK(c.baseId == "base-cp");
    CHECK(c.publicKey == key.publicKeyHex());
    CHECK(c.prev == book.list()[0].digest());
    CHECK(verifySignatureHex(c.signedBytes(), c.signature, key.publicKeyHex()));
    CHECK(c.signedBytes().rfind("drillbase-ledger-checkpoint-v2\n{\"at\":", 0) == 0);
    CHECK_THROWS_WITH_AS(book.create(SigningKey::generate(), "2026-11-23T10:00:00Z"),
                         doctest::Contains("not this ledger's key"), CheckpointError);

    appendEvent(db, 2);
    const auto c2 = book.create(key, "2026-11-24T10:00:00Z");
    CHECK(c2.number == 3);
    CHECK(c2.seq == 5);
    CHECK_THROWS_AS(book.create(key, "yesterday"), CheckpointError);
    CHECK_THROWS_AS(db.exec("DELETE FROM ledger_checkpoints WHERE number = 1"), DbError);
    CHECK_THROWS_AS(db.exec("UPDATE ledger_checkpoints SET seq = 3"), DbError);

    const auto exported = exportCheckpoints(book.list(), "base-cp", key.publicKeyHex());
    CHECK(exported["checkpoints"].size() == 3);
    CHECK(exported["version"] == 2);
    CHECK(exported["public_key"] == key.publicKeyHex());
    const auto v = verifyExport(exported, file);
    CHECK(v.ok);
    CHECK(v.chainIntact);
    CHECK(v.checked == 3);
    CHECK(verifyExport(exported, file, key.publicKeyHex()).ok);
}

TEST_CASE("checkpoint: an empty or broken chain is not signed") {
    {
        const auto file = ledgerWithEvents("empty", 0);
        SqliteDb db(file);
        CheckpointBook book(db);
        CHECK_THROWS_WITH_AS(book.create(ledgerKey(file), "2026-11-23T10:00:00Z"),
                             doctest::Contains("no events"), CheckpointError);
    }
    const auto file = ledgerWithEvents("broken", 3);
    SqliteDb db(file);
    db.exec(
        "DROP TRIGGER events_no_update; UPDATE events SET at = '2026-01-01T00:00:00Z' "
        "WHERE seq = 2");
    CheckpointBook book(db);
    const auto before = book.list().size();
    CHECK_THROWS_WITH_AS(book.create(ledgerKey(file), "2026-11-23T10:00:00Z"),
                         doctest::Contains("broken at event 2"), CheckpointError);
    CHECK(book.list().size() == before);
}

TEST_CASE("checkpoint: a modified checkpoint or a wrong public key is refused") {
    const auto file = ledgerWithEvents("forged", 3);
    const auto key = ledgerKey(file);
    json exported;
    {
        SqliteDb db(file);
        CheckpointBook book(db);
        book.create(key, "2026-11-23T10:00:00Z");
        exported = exportCheckpoints(book.list(), "base-cp", key.publicKeyHex());
    }

    SUBCASE("content edited after signing") {
        auto edited = exported;
        edited["checkpoints"][0]["at"] = "2026-11-30T10:00:00Z";
        const auto v = verifyExport(edited, file);
        CHECK_FALSE(v.ok);
        CHECK(v.failedNumber == 1);
        CHECK(v.message.find("signature does not match") != std::string::npos);
    }
    SUBCASE("an inspector's trusted key differs from the signer") {
        const auto other = SigningKey::generate();
        const auto v = verifyExport(exported, file, other.publicKeyHex());
        CHECK_FALSE(v.ok);
        CHECK(v.message.find("not the trusted key") != std::string::npos);
    }
    SUBCASE("public key swapped in the file, signature kept") {
        auto edited = exported;
        const auto other = SigningKey::generate().publicKeyHex();
        edited["public_key"] = other;
        edited["checkpoints"][0]["public_key"] = other;
        const auto v = verifyExport(edited, file);
        CHECK_FALSE(v.ok);
        CHECK(v.message.find("signature does not match") != std::string::npos);
    }
    SUBCASE("re-signed with another key and the file's key replaced: caught by the trusted key") {
        const auto other = SigningKey::generate();
        auto edited = exported;
        resignExport(edited, other);
        // Self-consistent, but the ledger's own batch signatures are by the base's key.
        auto v = verifyExport(edited, file);
        CHECK_FALSE(v.ok);
        CHECK(v.message.find("not the trusted key " + other.publicKeyHex()) != std::string::npos);
        CHECK_FALSE(verifyExport(edited, file, key.publicKeyHex()).ok);  // and inspectors pin it
    }
    SUBCASE("not an export") {
        const auto v = verifyExport(json{{"checkpoints", json::array()}}, file);
        CHECK_FALSE(v.ok);
        CHECK(v.failedNumber == 0);
    }
}

TEST_CASE("checkpoint: history rewritten with every later hash recomputed is detected") {
    const auto file = ledgerWithEvents("rewritten", 5);
    const auto key = ledgerKey(file);
    json exported;
    {
        SqliteDb db(file);
        CheckpointBook book(db);
        book.create(key, "2026-11-23T10:00:00Z");
        exported = exportCheckpoints(book.list(), "base-cp", key.publicKeyHex());
        CHECK(verifyCheckpoints(exported, db, std::nullopt).ok);
        appendEvent(db, 7);  // later events do not disturb an earlier checkpoint
        CHECK(verifyCheckpoints(exported, db, std::nullopt).ok);

        rewriteHistory(db, 2,
                       json{{"person_id", "base-cp:1"}, {"hours", 40}, {"topic", "leak drill"}});
        SqliteEventStorage storage(db);
        // The hash chain alone sees nothing; the base's signature of event 5's head does.
        const auto r = EventStore(storage).verify();
        CHECK(r.problem == VerifyProblem::SignedHeadMismatch);
        CHECK(r.brokenSeq == 2);  // each append was its own signed batch
        CHECK(r.message().find("events up to 2 were rewritten") != std::string::npos);
    }
    const auto v = verifyExport(exported, file);
    CHECK_FALSE(v.ok);
    CHECK(v.failedNumber == 1);
    CHECK(v.message.find("checkpoint 1 failed") != std::string::npos);
    CHECK(v.message.find("history up to event 5 was rewritten") != std::string::npos);
}

TEST_CASE("checkpoint: removed events and a foreign base are detected") {
    const auto file = ledgerWithEvents("truncated", 4);
    const auto key = ledgerKey(file);
    json exported;
    {
        SqliteDb db(file);
        CheckpointBook book(db);
        book.create(key, "2026-11-23T10:00:00Z");
        exported = exportCheckpoints(book.list(), "base-cp", key.publicKeyHex());
        db.exec("DROP TRIGGER events_no_delete; DELETE FROM events WHERE seq = 4");
    }
    auto v = verifyExport(exported, file);
    CHECK_FALSE(v.ok);
    CHECK(v.message.find("events were removed") != std::string::npos);

    const auto other = freshDb(kDbFolder, "other-base", "base-other");
    v = verifyExport(exported, other);
    CHECK_FALSE(v.ok);
    CHECK(v.message.find("base-other") != std::string::npos);
}

TEST_CASE("checkpoint: a malformed export is refused with a reason, not an exception") {
    const auto file = ledgerWithEvents("malformed", 2);
    for (const json& bad :
         {json::array(), json{{"format", 7}}, json{{"format", "drillbase-ledger-checkpoints"}},
          json{{"format", "drillbase-ledger-checkpoints"},
               {"version", "1"},
               {"checkpoints", json::array()}},
          json{{"format", "drillbase-ledger-checkpoints"},
               {"version", 1},
               {"public_key", 3},
               {"checkpoints", json::array({json::object()})}},
          json{{"format", "drillbase-ledger-checkpoints"},
               {"version", 1},
               {"public_key", "ab"},
               {"checkpoints", json::array({json{{"number", "1"}}})}}}) {
        CheckpointVerification v;
        CHECK_NOTHROW(v = verifyExport(bad, file));
        CHECK_FALSE(v.ok);
        CHECK_FALSE(v.message.empty());
    }
}

TEST_CASE("checkpoint log: a lost or torn last line is filled in after the next commit") {
    const auto file = ledgerWithEvents("log-catch-up", 1);
    for (int i = 0; i < 2; ++i) {
        SqliteDb db(file);
        appendEvent(db, i);
    }
    const auto log = checkpointLogFor(file);
    auto lines = [&] {
        std::ifstream in(log);
        std::vector<std::string> out;
        for (std::string l; std::getline(in, l);) out.push_back(l);
        return out;
    };
    const auto before = lines();
    REQUIRE(before.size() == 3);  // one close checkpoint per connection that wrote
    // A crash between a commit and its append: the last line lost, then one torn half-way.
    {
        std::ofstream out(log, std::ios::trunc);
        out << before[0] << '\n' << before[1].substr(0, 40);
    }
    CHECK(lastCheckpointInLog(log) == 1);
    CHECK(
        parseCheckpointLog(log.string(), before[0] + "\n" + before[1].substr(0, 40)).error.empty());
    {
        SqliteDb db(file);
        appendEvent(db, 9);
    }  // its close checkpoint appends 2, 3 and itself
    const auto read = readCheckpointLog(log);
    REQUIRE(read.error.empty());
    REQUIRE(read.entries.size() == 4);
    for (std::size_t i = 0; i < read.entries.size(); ++i)
        CHECK(read.entries[i].number == static_cast<std::int64_t>(i + 1));
    SqliteDb db(file);
    CHECK(verifyCheckpointLog(db, log, ledgerKey(file).publicKeyHex()).ok);
}
