#include "ledger/event_store.h"

#include "ledger/batch_signature.h"
#include "ledger/canonical_json.h"
#include "ledger/civil_date.h"
#include "ledger/sha256.h"

#include <vector>

namespace drillbase::ledger {

namespace {

bool isValidBaseId(const std::string& id) {
    if (id.size() < 3 || id.size() > 64) return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

bool isValidKind(const std::string& kind) {
    if (kind.empty() || kind.size() > 64 || kind[0] < 'A' || kind[0] > 'Z') return false;
    for (const char c : kind)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    return true;
}

bool isSignatureProblem(VerifyProblem p) {
    return p == VerifyProblem::UnsignedEvents || p == VerifyProblem::BadSignature ||
           p == VerifyProblem::WrongKey || p == VerifyProblem::SignatureGap ||
           p == VerifyProblem::SignedHeadMismatch || p == VerifyProblem::EventsRemoved;
}

std::string eventIdFor(const std::string& baseId, std::int64_t seq) {
    return baseId + ":" + std::to_string(seq);
}

}  // namespace

bool isValidUtcTimestamp(const std::string& at) {
    if (at.size() != 20 || at[10] != 'T' || at[13] != ':' || at[16] != ':' || at[19] != 'Z')
        return false;
    if (!parseIsoDate(std::string_view(at).substr(0, 10))) return false;
    auto two = [&](std::size_t i) {
        if (at[i] < '0' || at[i] > '9' || at[i + 1] < '0' || at[i + 1] > '9') return 99;
        return (at[i] - '0') * 10 + (at[i + 1] - '0');
    };
    return two(11) < 24 && two(14) < 60 && two(17) < 60;
}

std::string EventStore::computeHash(std::int64_t seq, const std::string& eventId,
                                    const std::string& kind, const std::string& at,
                                    const nlohmann::json& payload, const std::string& prevHash) {
    const nlohmann::json doc = {{"seq", seq}, {"event_id", eventId}, {"kind", kind},
                                {"at", at},   {"payload", payload},  {"prev_hash", prevHash}};
    return sha256Hex(canonicalJson(doc));
}

void EventStore::initialize(EventStorage& storage, const std::string& baseId) {
    if (!isValidBaseId(baseId))
        throw EventStoreError("base id \"" + baseId +
                              "\" must be 3 to 64 letters, digits, '-', '_' or '.'");
    storage.createSchema();
    storage.inTransaction([&] {
        const auto existing = storage.meta("base_id");
        if (existing && *existing != baseId)
            throw EventStoreError("ledger already belongs to base \"" + *existing +
                                  "\"; its event ids cannot be reissued under \"" + baseId + "\"");
        if (!existing) {
            storage.setMeta("base_id", baseId);
            storage.setMeta("schema_version", "1");
            // Signing begins with the ledger: every event from the first one is signed.
            storage.setMeta("signing_public_key", storage.signingKeyOrCreate().publicKeyHex());
        }
    });
}

EventStore::EventStore(EventStorage& storage) : storage_(storage) {
    std::optional<std::string> id;
    try {
        id = storage_.meta("base_id");
    } catch (const std::exception&) {
        // No metadata table: the database was never initialised.
    }
    if (!id) throw EventStoreError("the ledger is not initialised (run `drillctl ledger init`)");
    baseId_ = *id;
}

StoredEvent EventStore::append(const NewEvent& e) {
    return appendAll({e}).front();
}

std::vector<StoredEvent> EventStore::appendAll(const std::vector<NewEvent>& events) {
    // Validate and canonicalise everything before the transaction starts, so a bad event
    // leaves no trace and holds no lock.
    std::vector<std::string> payloads;
    for (const auto& e : events) {
        if (!isValidKind(e.kind))
            throw EventStoreError("event kind \"" + e.kind + "\" must be UpperCamelCase letters");
        if (!isValidUtcTimestamp(e.at))
            throw EventStoreError("event time \"" + e.at + "\" must be UTC YYYY-MM-DDTHH:MM:SSZ");
        if (!e.payload.is_object())
            throw EventStoreError("event " + e.kind + ": payload must be a JSON object");
        try {
            payloads.push_back(canonicalJson(e.payload));
        } catch (const CanonicalJsonError& err) {
            throw EventStoreError("event " + e.kind + ": " + err.what());
        }
    }
    std::vector<StoredEvent> written;
    storage_.inTransaction([&] {
        written.clear();
        const auto last = storage_.lastEvent();
        std::int64_t seq = last ? last->seq : 0;
        std::string prev = last ? last->hash : kGenesisPrevHash;
        for (std::size_t i = 0; i < events.size(); ++i) {
            StoredEvent s;
            s.seq = ++seq;
            s.eventId = eventIdFor(baseId_, s.seq);
            s.kind = events[i].kind;
            s.at = events[i].at;
            s.payload = payloads[i];
            s.prevHash = prev;
            s.hash = computeHash(s.seq, s.eventId, s.kind, s.at, events[i].payload, s.prevHash);
            storage_.insert(s);
            prev = s.hash;
            written.push_back(std::move(s));
        }
        // Signed once per write transaction, right before it commits (batch_signature.h).
        if (!written.empty()) {
            const std::int64_t first = written.front().seq;
            storage_.beforeCommit([first](EventStorage& st) { sealHead(st, first); });
        }
    });
    return written;
}

std::optional<std::int64_t> EventStore::seqOfHash(const std::string& hash) const {
    std::optional<std::int64_t> seq;
    storage_.scan(1, [&](const StoredEvent& e) {
        if (e.hash == hash) seq = e.seq;
        return !seq;
    });
    return seq;
}

std::int64_t EventStore::trustedHead(std::int64_t ownFrom, std::int64_t chainFrom) const {
    return ledger::trustedHead(storage_, ownFrom, chainFrom);
}

std::vector<StoredEvent> EventStore::readFrom(std::int64_t seq) const {
    std::vector<StoredEvent> all;
    storage_.scan(seq, [&](const StoredEvent& e) {
        all.push_back(e);
        return true;
    });
    return all;
}

VerifyResult EventStore::verify(const std::optional<std::string>& trustedPublicKey) const {
    VerifyResult r;
    r.guardsPresent = storage_.appendOnlyGuardsPresent();
    // The batches, with the stored hash of the event at each one's end filled in by the scan.
    std::vector<BatchSignature> batches;
    storage_.scanSignatures([&](const BatchSignature& b) {
        batches.push_back(b);
        return true;
    });
    std::vector<std::string> storedHeads(batches.size());
    std::size_t nextBatch = 0;
    std::string prev = kGenesisPrevHash;
    std::int64_t expectedSeq = 1;
    auto fail = [&](const StoredEvent& e, VerifyProblem p, std::int64_t seq, std::string detail) {
        r.problem = p;
        r.brokenSeq = seq;
        r.detail = e.eventId.empty() ? std::move(detail) : e.eventId + ": " + std::move(detail);
        return false;
    };
    storage_.scan(1, [&](const StoredEvent& e) {
        if (e.seq != expectedSeq)
            return fail(e, VerifyProblem::SeqGap, expectedSeq,
                        "expected seq " + std::to_string(expectedSeq) + ", found seq " +
                            std::to_string(e.seq));
        // Built by appending: `":" + std::to_string(...)` trips GCC 12's false -Wrestrict.
        std::string suffix(1, ':');
        suffix += std::to_string(e.seq);
        if (e.eventId.size() <= suffix.size() ||
            e.eventId.compare(e.eventId.size() - suffix.size(), suffix.size(), suffix) != 0)
            return fail(e, VerifyProblem::BadEventId, e.seq,
                        "event id does not end in \"" + suffix + "\"");
        if (e.prevHash != prev)
            return fail(
                e, VerifyProblem::PrevLinkMismatch, e.seq,
                "prev_hash " + e.prevHash + " is not the hash of the event before (" + prev + ")");
        nlohmann::json payload;
        try {
            payload = nlohmann::json::parse(e.payload);
            if (canonicalJson(payload) != e.payload)
                return fail(e, VerifyProblem::BadPayload, e.seq, "payload is not canonical JSON");
        } catch (const std::exception&) {
            return fail(e, VerifyProblem::BadPayload, e.seq, "payload is not valid JSON");
        }
        const std::string actual = computeHash(e.seq, e.eventId, e.kind, e.at, payload, e.prevHash);
        if (actual != e.hash)
            return fail(e, VerifyProblem::HashMismatch, e.seq,
                        "stored hash " + e.hash + " but the content hashes to " + actual);
        while (nextBatch < batches.size() && batches[nextBatch].lastSeq < e.seq) ++nextBatch;
        if (nextBatch < batches.size() && batches[nextBatch].lastSeq == e.seq)
            storedHeads[nextBatch] = e.hash;
        prev = e.hash;
        r.headHash = e.hash;
        ++r.eventsChecked;
        ++expectedSeq;
        return true;
    });
    if (r.ok()) checkSignatures(storage_, baseId_, trustedPublicKey, batches, storedHeads, r);
    return r;
}

std::string VerifyResult::message() const {
    std::string guards =
        guardsPresent ? "" : " WARNING: the append-only triggers have been removed.";
    std::string signatures;
    if (unsignedLedger)
        signatures =
            " WARNING: no event is signed and there is no signing key (the ledger "
            "predates signatures): only the hash chain was checked; nothing can be "
            "recorded until an administrator runs `drillctl ledger sign-existing`.";
    else if (batchesChecked > 0)
        signatures = " Signed: events 1.." + std::to_string(signedThrough) + " in " +
                     std::to_string(batchesChecked) + " batch(es) by key " + publicKey + " (" +
                     keySource + ").";
    if (ok())
        return "ledger intact: " + std::to_string(eventsChecked) + " event(s), head " +
               (headHash.empty() ? std::string("(empty)") : headHash) + "." + signatures + guards;
    const char* what = "";
    switch (problem) {
        case VerifyProblem::SeqGap: what = "sequence gap"; break;
        case VerifyProblem::PrevLinkMismatch: what = "broken link to the previous event"; break;
        case VerifyProblem::HashMismatch: what = "content does not match its hash"; break;
        case VerifyProblem::BadPayload: what = "damaged payload"; break;
        case VerifyProblem::BadEventId: what = "damaged event id"; break;
        case VerifyProblem::UnsignedEvents: what = "unsigned events"; break;
        case VerifyProblem::BadSignature: what = "forged or damaged signature"; break;
        case VerifyProblem::WrongKey: what = "signed by another key"; break;
        case VerifyProblem::SignatureGap: what = "gap in the signatures"; break;
        case VerifyProblem::SignedHeadMismatch:
            what = "history differs from what was signed";
            break;
        case VerifyProblem::EventsRemoved: what = "signed events removed"; break;
        case VerifyProblem::None: break;
    }
    return "ledger broken at event " + std::to_string(brokenSeq) + ": " + what + " (" + detail +
           "); " +
           (isSignatureProblem(problem)
                ? std::to_string(signedThrough) + " event(s) before it are signed and intact."
                : std::to_string(eventsChecked) + " event(s) before it are intact.") +
           guards;
}

}  // namespace drillbase::ledger
