#include "ledger/batch_signature.h"

#include "ledger/canonical_json.h"
#include "ledger/event_store.h"

namespace drillbase::ledger {

namespace {

constexpr const char* kBatchPrefix = "drillbase-ledger-batch-v1\n";

std::string range(std::int64_t first, std::int64_t last) {
    return first == last ? std::to_string(first)
                         : std::to_string(first) + ".." + std::to_string(last);
}

}  // namespace

std::string batchSignedBytes(const std::string& baseId, const BatchSignature& s) {
    const nlohmann::json content = {{"base_id", baseId},
                                    {"first_seq", s.firstSeq},
                                    {"head_hash", s.headHash},
                                    {"last_seq", s.lastSeq}};
    return kBatchPrefix + canonicalJson(content);
}

void sealHead(EventStorage& storage, std::int64_t firstNewSeq) {
    const auto head = storage.lastEvent();
    const auto last = storage.lastSignature();
    const std::int64_t signedThrough = last ? last->lastSeq : 0;
    if (!head || head->seq <= signedThrough) return;  // nothing new (all rolled back)

    const auto recorded = storage.meta("signing_public_key");
    auto key = storage.signingKey();
    if (!key) {
        // A ledger that has signed before must keep its key: writing on without it would
        // leave unsigned events no one could tell from forged ones.
        if (recorded || last)
            throw EventStoreError("the base's signing key " + storage.signingKeyLocation() +
                                  " is missing, so nothing can be recorded; restore the key "
                                  "file from its backup. Nothing was saved.");
        key = storage.signingKeyOrCreate();  // a ledger from before signatures: begins now
    }
    const std::string publicKey = key->publicKeyHex();
    if (recorded && *recorded != publicKey)
        throw EventStoreError("the signing key " + storage.signingKeyLocation() +
                              " is not this ledger's key (" + *recorded +
                              "); nothing was saved");
    // Events between the last signature and this write came from someone without the key (a
    // writer always signs before it commits). Signing now would vouch for them.
    // A ledger from before signatures has its older events adopted by this first signature
    // (verify reports that batch as such).
    const bool adopting = !recorded && !last;
    if (!adopting && signedThrough + 1 < firstNewSeq)
        throw EventStoreError("events " + range(signedThrough + 1, firstNewSeq - 1) +
                              " carry no signature of the base's key (written by a program "
                              "without it); run `drillctl ledger verify`. Nothing was saved.");
    if (!recorded) storage.setMeta("signing_public_key", publicKey);

    BatchSignature s;
    s.firstSeq = signedThrough + 1;
    s.lastSeq = head->seq;
    s.headHash = head->hash;
    s.publicKey = publicKey;
    const auto baseId = storage.meta("base_id");
    s.signature = key->signHex(batchSignedBytes(baseId.value_or(""), s));
    storage.insertSignature(s);
}

std::int64_t trustedHead(EventStorage& storage) {
    const auto last = storage.lastSignature();
    const auto recorded = storage.meta("signing_public_key");
    if (!last) {
        if (recorded) return 0;  // signing began, and nothing carries a signature
        const auto head = storage.lastEvent();
        return head ? head->seq : 0;  // from before signatures
    }
    std::string publicKey;
    if (const auto key = storage.signingKey())
        publicKey = key->publicKeyHex();
    else if (recorded)
        publicKey = *recorded;
    std::optional<std::string> storedHead;
    storage.scan(last->lastSeq, [&](const StoredEvent& e) {
        if (e.seq == last->lastSeq) storedHead = e.hash;
        return false;
    });
    const auto baseId = storage.meta("base_id").value_or("");
    if (last->publicKey != publicKey ||
        !verifySignatureHex(batchSignedBytes(baseId, *last), last->signature, publicKey) ||
        storedHead != last->headHash)
        throw UntrustedSignatureError("the ledger's newest signature (events " +
                              range(last->firstSeq, last->lastSeq) +
                              ") does not hold: its records cannot be trusted; run `drillctl "
                              "ledger verify`");
    return last->lastSeq;
}

void checkSignatures(EventStorage& storage, const std::string& baseId,
                     const std::optional<std::string>& trustedPublicKey,
                     const std::vector<BatchSignature>& batches,
                     const std::vector<std::string>& storedHeads, VerifyResult& r) {
    const auto recorded = storage.meta("signing_public_key");
    std::optional<SigningKey> keyFile;
    try {
        keyFile = storage.signingKey();
    } catch (const std::exception&) {
        // An unreadable key file is reported through the key source below.
    }
    if (trustedPublicKey) {
        r.publicKey = *trustedPublicKey;
        r.keySource = "given";
    } else if (keyFile) {
        r.publicKey = keyFile->publicKeyHex();
        r.keySource = "key file " + storage.signingKeyLocation();
    } else if (recorded) {
        r.publicKey = *recorded;
        r.keySource = "recorded in the ledger";
    }
    auto fail = [&](VerifyProblem p, std::int64_t seq, std::string detail) {
        r.problem = p;
        r.brokenSeq = seq;
        r.detail = std::move(detail);
    };
    const std::int64_t head = r.eventsChecked;
    if (batches.empty() && !recorded) {
        r.unsignedLedger = head > 0;  // from before signatures; its next write signs it
        return;
    }
    if (recorded && !r.publicKey.empty() && *recorded != r.publicKey)
        return fail(VerifyProblem::WrongKey, batches.empty() ? 1 : batches.front().firstSeq,
                    "the ledger records signing key " + *recorded + ", not the trusted key " +
                        r.publicKey + " (" + r.keySource + ")");
    std::int64_t expectedFirst = 1;
    for (std::size_t i = 0; i < batches.size(); ++i) {
        const auto& b = batches[i];
        const std::string what = "batch " + range(b.firstSeq, b.lastSeq);
        if (b.firstSeq != expectedFirst || b.lastSeq < b.firstSeq)
            return fail(VerifyProblem::SignatureGap, expectedFirst,
                        what + " does not start at event " + std::to_string(expectedFirst));
        if (b.lastSeq > head)
            return fail(VerifyProblem::EventsRemoved, head + 1,
                        what + " was signed, but the ledger ends at event " +
                            std::to_string(head) + ": signed events were removed");
        if (b.publicKey != r.publicKey)
            return fail(VerifyProblem::WrongKey, b.firstSeq,
                        what + " is signed by key " + b.publicKey + ", not the trusted key " +
                            r.publicKey + " (" + r.keySource + ")");
        if (!verifySignatureHex(batchSignedBytes(baseId, b), b.signature, b.publicKey))
            return fail(VerifyProblem::BadSignature, b.firstSeq,
                        what + ": the signature does not match the signed head (the signature "
                               "row was edited or made without the key)");
        if (storedHeads[i] != b.headHash)
            return fail(VerifyProblem::SignedHeadMismatch, b.firstSeq,
                        "event " + std::to_string(b.lastSeq) + " has hash " + storedHeads[i] +
                            ", but the base signed " + b.headHash + " for " + what +
                            ": events up to " + std::to_string(b.lastSeq) +
                            " were rewritten and rehashed");
        expectedFirst = b.lastSeq + 1;
        r.signedThrough = b.lastSeq;
        ++r.batchesChecked;
    }
    if (r.signedThrough < head)
        return fail(VerifyProblem::UnsignedEvents, r.signedThrough + 1,
                    "events " + range(r.signedThrough + 1, head) +
                        " carry no signature of the base's key: appended by a program "
                        "without it");
}

}  // namespace drillbase::ledger
