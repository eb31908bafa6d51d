// batch_signature.h — every committed write of the ledger is signed with the base's key.
// At the end of each write transaction, right before COMMIT, the events it appended are
// covered by one Ed25519 signature (signing_key.h) over the chain head they reached:
//   "drillbase-ledger-batch-v1\n" +
//   canonicalJson({base_id, first_seq, head_hash, last_seq})
// Because each event's hash links to the one before (event_store.h), signing the head vouches
// for every event up to it; first_seq makes the batches tile the log with no gap.
//
// Why: a plain hash chain can be extended or rewritten by anyone who can write the file (they
// recompute the hashes). With the key outside the database (mode 0600), an event appended or
// rewritten without it has no valid signature, and verify() names it. What a holder of the key
// can still do is in ledger/README.md ("What the signatures do not stop").
#pragma once

#include "ledger/event_storage.h"
#include "ledger/event_store.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::ledger {

// The exact bytes a batch signature covers.
std::string batchSignedBytes(const std::string& baseId, const BatchSignature& s);

// Signs what the current write transaction appended; the storage runs it before COMMIT
// (EventStorage::beforeCommit). `firstNewSeq` is the first event that transaction wrote. Throws
// EventStoreError — and the transaction rolls back — when the key is missing or is not the
// ledger's, or when events before firstNewSeq carry no signature (someone without the key
// appended them: a writer must not vouch for them).
void sealHead(EventStorage& storage, std::int64_t firstNewSeq);

// The last event a valid signature of the base covers: what readers may act on (the derived
// tables, the users and their roles). Events after it were appended without the key and are
// ignored until verify has been run and the ledger repaired. Checks one signature (the
// newest batch) against the key file beside the database, or the key the ledger records; a
// ledger from before signatures, never written since, trusts all its events. Throws
// EventStoreError when the newest signature does not hold: then nothing can be trusted
// without a full `drillctl ledger verify`.
// `ownFrom`: the first of the caller's own events not yet signed (its commit signs them).
// `chainFrom`: only events after it will be acted on, so the chain is checked from there (0:
// the whole chain, once per process, as the users' replay needs).
std::int64_t trustedHead(EventStorage& storage,
                         std::int64_t ownFrom = std::numeric_limits<std::int64_t>::max(),
                         std::int64_t chainFrom = 0);

// Signs every event of a ledger that predates signatures, once (`drillctl ledger
// sign-existing`, after verify): the one place events not written by this version are
// vouched for, and only on an administrator's word. Refused when any signature exists.
void signExisting(EventStorage& storage, const SigningKey& key);

// The signature half of EventStore::verify(), run on an intact chain: `batches` in lastSeq
// order, `storedHeads[i]` the stored hash of the event at batches[i].lastSeq (empty when the
// log has no such event). Sets r.problem, brokenSeq and detail at the first failure, and the
// key source, batches checked and signed-through counts.
void checkSignatures(EventStorage& storage, const std::string& baseId,
                     const std::optional<std::string>& trustedPublicKey,
                     const std::vector<BatchSignature>& batches,
                     const std::vector<std::string>& storedHeads, VerifyResult& r);

}  // namespace drillbase::ledger
