// event_storage.h — the small storage interface under the event store.
// Why an interface: today each training base keeps its ledger in SQLite; later a provincial
// ledger on PostgreSQL receives signed batches from offline bases. The hash chain, ids and
// verification live above this line (event_store.h) and must not change with the database,
// so the SQL each backend needs stays behind these few calls, written in portable SQL.
#pragma once

#include "ledger/signing_key.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace drillbase::ledger {

// One row of the events table exactly as stored (payload is canonical JSON text).
struct StoredEvent {
    std::int64_t seq = 0;  // 1, 2, 3 ... with no gaps
    std::string eventId;   // "<base id>:<seq>", unique across every base of the province
    std::string kind;      // past tense: "PersonRegistered", "CertificateIssued"
    std::string at;        // when it was recorded, UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string payload;   // canonical JSON (canonical_json.h)
    std::string prevHash;  // hash of seq - 1; 64 zeros for the first event
    std::string hash;      // SHA-256 hex, see event_store.h
};

// One signed batch (batch_signature.h): events firstSeq..lastSeq, lastSeq's hash, the key.
struct BatchSignature {
    std::int64_t firstSeq = 0;
    std::int64_t lastSeq = 0;
    std::string headHash;
    std::string publicKey;  // hex
    std::string signature;  // hex, Ed25519 over batchSignedBytes()
};

class EventStorage {
public:
    virtual ~EventStorage() = default;

    // Creates the events and metadata tables and the append-only guards when missing.
    virtual void createSchema() = 0;
    virtual std::optional<std::string> meta(const std::string& key) = 0;
    virtual void setMeta(const std::string& key, const std::string& value) = 0;

    // Runs `body` in one transaction: everything it appends is kept, or nothing.
    virtual void inTransaction(const std::function<void()>& body) = 0;
    virtual std::optional<StoredEvent> lastEvent() = 0;
    virtual void insert(const StoredEvent& e) = 0;
    // Every event with seq >= fromSeq in seq order; stops early when `visit` returns false.
    virtual void scan(std::int64_t fromSeq,
                      const std::function<bool(const StoredEvent&)>& visit) = 0;

    // True when the database itself refuses UPDATE and DELETE on events (triggers, rules or
    // grants, depending on the backend). Verification warns when they have been removed.
    virtual bool appendOnlyGuardsPresent() = 0;

    // --- signatures (batch_signature.h) ---
    virtual std::optional<BatchSignature> lastSignature() = 0;
    virtual void insertSignature(const BatchSignature& s) = 0;
    // Every batch signature in lastSeq order; stops early when `visit` returns false.
    virtual void scanSignatures(const std::function<bool(const BatchSignature&)>& visit) = 0;
    // Runs `seal` once, inside the current write transaction, right before it commits, on a
    // storage that is valid then (this object may be gone by that time). The first request of
    // a transaction wins, so `seal` may capture where that transaction's writes began.
    virtual void beforeCommit(std::function<void(EventStorage&)> seal) = 0;
    // The base's signing key where this backend keeps it (for SQLite, the file beside the
    // database); std::nullopt when there is none.
    virtual std::optional<SigningKey> signingKey() = 0;
    virtual SigningKey signingKeyOrCreate() = 0;
    virtual std::string signingKeyLocation() = 0;  // for messages: where the key should be
};

}  // namespace drillbase::ledger
