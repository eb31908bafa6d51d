// event_store.h — the append-only, hash-chained event log that is the certification ledger.
// Every change (a person registered, hours trained, an exam taken, a certificate issued, a
// correction) is one event; the tables officials query are derived from the events.
//
// Hash of an event (the contract a provincial ledger re-computes):
//   hash = lower-hex SHA-256 of canonicalJson({"at", "event_id", "kind", "payload",
//                                              "prev_hash", "seq"})
// where payload is the event's JSON value and prev_hash the previous event's hash (64 zeros
// for the first). Changing any byte of any stored event breaks its own hash or the next
// event's link, and verify() names the first such event.
#pragma once

#include "ledger/event_storage.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::ledger {

inline constexpr const char* kGenesisPrevHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// An event to append: the store assigns seq, id and hashes.
struct NewEvent {
    std::string kind;  // past tense, UpperCamelCase: "PersonRegistered"
    std::string at;    // UTC "YYYY-MM-DDTHH:MM:SSZ", from the caller (no hidden clock)
    nlohmann::json payload = nlohmann::json::object();  // integers only, see canonical_json.h
};

enum class VerifyProblem {
    None,
    SeqGap,            // a sequence number is missing or out of order
    PrevLinkMismatch,  // prev_hash is not the hash of the event before
    HashMismatch,      // the stored hash is not the hash of the stored content
    BadPayload,        // payload is not JSON, or not in canonical form
    BadEventId,        // event_id does not end in ":<seq>"
    // Signatures (batch_signature.h): the chain may be intact, but not as the base signed it.
    UnsignedEvents,      // events after the last signature: appended without the base's key
    BadSignature,        // a batch's signature does not match its content under the key
    WrongKey,            // signed by another key than the trusted one
    SignatureGap,        // the signed batches do not tile the log
    SignedHeadMismatch,  // the event at a batch's end is not the one the base signed
    EventsRemoved,       // signatures cover events past the end: the tail was cut
};

struct VerifyResult {
    VerifyProblem problem = VerifyProblem::None;
    std::int64_t brokenSeq = 0;       // first broken event (0 when ok)
    std::int64_t eventsChecked = 0;   // events found intact before the break
    std::string detail;               // what exactly differs
    std::string headHash;             // hash of the last intact event
    bool guardsPresent = true;        // append-only triggers still in place
    std::int64_t batchesChecked = 0;  // signed batches whose signature and head held
    std::int64_t signedThrough = 0;   // the last event covered by a valid signature
    // Where the trusted public key came from: "given", "key file <path>" or "recorded in the
    // ledger" (which someone who rewrote the file could have rewritten too).
    std::string keySource;
    std::string publicKey;
    bool unsignedLedger = false;  // from before signatures, and never written since: a warning

    bool ok() const { return problem == VerifyProblem::None; }
    std::string message() const;  // English, names the event: "event 3 (base-1:3): ..."
};

// Thrown when an event cannot be recorded (bad kind or time, non-canonical payload, no base).
class EventStoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The newest signature does not hold (batch_signature.h trustedHead): nothing the ledger holds
// can be acted on until verify has been run.
class UntrustedSignatureError : public EventStoreError {
public:
    using EventStoreError::EventStoreError;
};

class EventStore {
public:
    // Creates the schema and records the base id once; a second call with another id fails,
    // because ids already issued under the first one must stay unique.
    // A base id: 3 to 64 characters of letters, digits, '-', '_' and '.'.
    static void initialize(EventStorage& storage, const std::string& baseId);
    // A store over an initialised storage; throws EventStoreError when not initialised.
    explicit EventStore(EventStorage& storage);

    const std::string& baseId() const { return baseId_; }

    StoredEvent append(const NewEvent& e);
    // All or nothing, in one transaction.
    std::vector<StoredEvent> appendAll(const std::vector<NewEvent>& events);

    std::vector<StoredEvent> readAll() const { return readFrom(1); }
    std::vector<StoredEvent> readFrom(std::int64_t seq) const;
    // The seq of the event with this hash, if any. An official who wrote down the head hash
    // on an earlier visit (an anchor) can check it is still in the chain: rewriting history
    // before it and recomputing every later hash would pass verify() but lose the anchor.
    std::optional<std::int64_t> seqOfHash(const std::string& hash) const;
    // Checks the chain and the signatures of every batch. The signatures are checked against
    // `trustedPublicKey` when given (an inspector's own note of the base's key), otherwise the
    // key file beside the database, otherwise the key the ledger records (said in keySource).
    VerifyResult verify(const std::optional<std::string>& trustedPublicKey = std::nullopt) const;

    // The last event covered by a valid signature (batch_signature.h trustedHead()).
    std::int64_t trustedHead(std::int64_t ownFrom = std::numeric_limits<std::int64_t>::max(),
                             std::int64_t chainFrom = 0) const;

    // The hash of an event with these fields (exposed for tests and the provincial import).
    static std::string computeHash(std::int64_t seq, const std::string& eventId,
                                   const std::string& kind, const std::string& at,
                                   const nlohmann::json& payload, const std::string& prevHash);

private:
    EventStorage& storage_;
    std::string baseId_;
};

// "YYYY-MM-DDTHH:MM:SSZ" with a real date and time.
bool isValidUtcTimestamp(const std::string& at);

}  // namespace drillbase::ledger
