// checkpoint.h — signed statements about the ledger's hash chain, for inspectors.
// A checkpoint says "on <at>, base <base_id> had <event_count> events and the event at <seq>
// had hash <head_hash>", signed with the base's Ed25519 key (signing_key.h).
//
// Why: a hash chain alone cannot detect someone who rewrites an event and recomputes every
// later hash (ledger/README.md). The signing key is outside the database, so such a rewrite
// cannot produce a new signed head; an inspector who keeps an exported checkpoint finds that
// the chain at its seq no longer has the signed hash.
//
// Why a table and not events on the chain: a checkpoint is a statement about the chain, and
// its signature, not the chain, protects it. As an event it would advance the head it attests
// (each checkpoint immediately out of date) and travel to the provincial ledger, which has its
// own signatures. The table is append-only (triggers, like the events table); deleting rows
// there gains nothing, because the inspector's exported copy is what is checked.
//
// The signed bytes (version 1), a fixed prefix for domain separation — so a signature made for
// something else can never pass as a checkpoint — followed by canonical JSON (canonical_json.h):
//   "drillbase-ledger-checkpoint-v1\n" +
//   canonicalJson({at, base_id, event_count, head_hash, number, seq})
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

struct Checkpoint {
    std::int64_t number = 0;      // 1, 2, 3 ... per database
    std::int64_t seq = 0;         // the chain head's seq when signed
    std::string headHash;         // that event's hash
    std::int64_t eventCount = 0;  // events 1..seq (equal to seq in an intact chain)
    std::string at;               // UTC "YYYY-MM-DDTHH:MM:SSZ", from the caller
    std::string baseId;
    std::string publicKey;  // hex, the key that signed
    std::string signature;  // hex, Ed25519 over signedBytes()

    std::string signedBytes() const;
};

class CheckpointError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class CheckpointBook {
public:
    // The database must hold an initialised ledger; creates the checkpoint table when missing.
    explicit CheckpointBook(SqliteDb& db);

    // Signs the current head. Refused for an empty ledger and for a chain that fails verify():
    // signing a broken chain would vouch for the damage.
    Checkpoint create(const SigningKey& key, const std::string& at);
    std::vector<Checkpoint> list();

private:
    SqliteDb& db_;
};

// The file handed to an inspector: {format, version, algorithm, base_id, public_key,
// checkpoints: [{number, seq, head_hash, event_count, at, base_id, public_key, signature}]}.
nlohmann::json exportCheckpoints(const std::vector<Checkpoint>& checkpoints,
                                 const std::string& baseId, const std::string& publicKey);

struct CheckpointVerification {
    bool ok = false;
    std::int64_t failedNumber = 0;  // the first checkpoint that fails (0 when ok or unreadable)
    std::int64_t checked = 0;       // checkpoints that passed before it
    bool chainIntact = false;       // the whole chain passes verify(), not only up to them
    std::string message;            // English, names the checkpoint and what is wrong
};

// Re-checks every checkpoint of an export against `db`, in file order: the key is the trusted
// one (`trustedPublicKey` when given — the inspector's own note of the base's key — otherwise
// the file's public_key), the signature matches the content, the base id is the database's,
// the chain is intact up to its seq, and the event at seq has the signed head hash.
CheckpointVerification verifyCheckpoints(const nlohmann::json& exported, SqliteDb& db,
                                         const std::optional<std::string>& trustedPublicKey);

}  // namespace drillbase::ledger
