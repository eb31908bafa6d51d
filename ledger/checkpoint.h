// checkpoint.h — signed statements about the ledger's hash chain, for inspectors.
// A checkpoint says "base <base_id> had <event_count> events and the event at <seq> had hash
// <head_hash>", signed with the base's Ed25519 key (signing_key.h), and links to the checkpoint
// before it (prev), so checkpoints form a chain of their own (as Certificate Transparency's
// signed tree heads do).
//
// Why, beside the per-write signatures (batch_signature.h): those live in the same file as the
// events, so whoever can write the file can cut its tail — events and signatures together —
// and what is left still verifies. A checkpoint is copied out of the database: to the
// checkpoint log beside it (checkpoint_log.h), to an inspector's export, and to the central
// ledger (its own issue). A copy names a head the database must still hold; a cut tail or a
// rewritten history no longer has it.
//
// When: every kCheckpointEveryEvents events (inside the write that passes the mark), and at
// every close of a connection that wrote (checkpointAtClose), and on demand
// (`drillctl ledger checkpoint create`).
//
// Why a table and not events on the chain: a checkpoint is a statement about the chain. As an
// event it would advance the head it attests (each checkpoint immediately out of date).
//
// The signed bytes, a fixed prefix for domain separation — so a signature made for something
// else can never pass as a checkpoint — followed by canonical JSON (canonical_json.h):
//   version 2: "drillbase-ledger-checkpoint-v2\n" +
//              canonicalJson({at, base_id, event_count, head_hash, number, prev, seq})
//   version 1 (read only, written before the chain of checkpoints): "...-v1\n" + the same
//              object without prev.
// prev is digest() of the checkpoint before: SHA-256 of its signed bytes, "\n" and its
// signature; 64 zeros for the first.
#pragma once

#include "ledger/signing_key.h"
#include "ledger/sqlite_db.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace drillbase::ledger {

// How many events may pass before a write makes a checkpoint of its own. Not a domain rule
// but an operational bound: at most this many events live only in the database file before a
// copy of their head goes to the checkpoint log.
inline constexpr std::int64_t kCheckpointEveryEvents = 1000;

struct Checkpoint {
    int version = 2;
    std::int64_t number = 0;      // 1, 2, 3 ... per database
    std::int64_t seq = 0;         // the chain head's seq when signed
    std::string headHash;         // that event's hash
    std::int64_t eventCount = 0;  // events 1..seq (equal to seq in an intact chain)
    std::string at;               // UTC "YYYY-MM-DDTHH:MM:SSZ", from the caller
    std::string baseId;
    std::string publicKey;  // hex, the key that signed
    std::string signature;  // hex, Ed25519 over signedBytes()
    std::string prev;       // version 2: digest() of checkpoint number - 1

    std::string signedBytes() const;
    std::string digest() const;
    nlohmann::json toJson() const;
    // std::nullopt when a field is missing or mistyped.
    static std::optional<Checkpoint> fromJson(const nlohmann::json& j);
};

class CheckpointError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class CheckpointBook {
public:
    // The database must hold an initialised ledger; creates the checkpoint table when missing.
    explicit CheckpointBook(SqliteDb& db);

    // Signs the current head after checking the whole chain and its signatures. Refused for an
    // empty ledger, a chain that fails verify() (signing it would vouch for the damage), and a
    // key that is not the ledger's. Also appended to the checkpoint log after the commit.
    Checkpoint create(const SigningKey& key, const std::string& at);
    std::vector<Checkpoint> list();
    std::optional<Checkpoint> last();

private:
    SqliteDb& db_;
};

// Inside a write transaction (the storage runs it before COMMIT): a checkpoint when the head is
// kCheckpointEveryEvents or more past the last one. The head is vouched for by the batch
// signature just made, so no full verify is needed; timed at the head event's `at`.
void checkpointIfDue(SqliteDb& db);
// Its own transaction: a checkpoint when the head has moved since the last one. Run when a
// connection that wrote closes (SqliteDb's close hook); a busy ledger or a missing key skips it
// (the next close makes one). True when a checkpoint was made.
bool checkpointAtClose(SqliteDb& db);

// Appends to the checkpoint log (checkpoint_log.h) every checkpoint of the table newer than the
// log's last line. Run after each commit that made a checkpoint.
void catchUpCheckpointLog(SqliteDb& db);

// The file handed to an inspector: {format, version: 2, algorithm, base_id, public_key,
// checkpoints: [Checkpoint::toJson()...]}.
nlohmann::json exportCheckpoints(const std::vector<Checkpoint>& checkpoints,
                                 const std::string& baseId, const std::string& publicKey);

struct CheckpointVerification {
    bool ok = false;
    std::int64_t failedNumber = 0;  // the first checkpoint that fails (0 when ok or unreadable)
    std::int64_t checked = 0;       // checkpoints that passed before it
    bool chainIntact = false;       // the whole chain passes verify(), not only up to them
    std::string message;            // English, names the checkpoint and what is wrong
};

// Re-checks every checkpoint of an export (version 1 or 2) against `db`, in file order: the
// key is the trusted one (`trustedPublicKey` when given — the inspector's own note of the
// base's key — otherwise the file's public_key), the signature matches the content, the base
// id is the database's, consecutive version-2 checkpoints link by prev, the chain is intact up
// to its seq, and the event at seq has the signed head hash.
CheckpointVerification verifyCheckpoints(const nlohmann::json& exported, SqliteDb& db,
                                         const std::optional<std::string>& trustedPublicKey);
// The same checks for a list already read (the table, the checkpoint log). With `contiguous`,
// numbers must run 1, 2, 3 ... with every prev link present (the database's own table).
CheckpointVerification verifyCheckpointList(const std::vector<Checkpoint>& list, SqliteDb& db,
                                            const std::string& trustedPublicKey, bool contiguous);

}  // namespace drillbase::ledger
