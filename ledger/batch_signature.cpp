#include "ledger/batch_signature.h"

#include "ledger/canonical_json.h"
#include "ledger/event_store.h"

#include <map>
#include <mutex>

namespace drillbase::ledger {

namespace {

constexpr const char* kBatchPrefix = "drillbase-ledger-batch-v1\n";

std::string range(std::int64_t first, std::int64_t last) {
    return first == last ? std::to_string(first)
                         : std::to_string(first) + ".." + std::to_string(last);
}

}  // namespace

namespace {

void sign(EventStorage& storage, const SigningKey& key, std::int64_t firstSeq,
          const StoredEvent& head) {
    BatchSignature s;
    s.firstSeq = firstSeq;
    s.lastSeq = head.seq;
    s.headHash = head.hash;
    s.publicKey = key.publicKeyHex();
    s.signature = key.signHex(batchSignedBytes(storage.meta("base_id").value_or(""), s));
    storage.insertSignature(s);
}

// The chain under a signed head, checked once per process and then only from where the last
// check stopped: a reader that acts on events (the users, a catch-up) must know their payloads
// are the ones the signature vouches for, not only that the newest hash matches.
struct Checked {
    std::int64_t seq = 0;
    std::string hash;
};
std::mutex gCheckedMutex;
std::map<std::string, Checked> gChecked;  // by key location (one per database file)

// `chainFrom` > 0: only the events after it are to be acted on, so the chain is checked from
// the stored hash of event chainFrom: an edit after it cannot reach the signed head's hash.
// Such a partial check proves nothing about earlier events and is not remembered.
void requireChainUpTo(EventStorage& storage, const std::string& baseId,
                      const BatchSignature& signedHead, std::int64_t chainFrom) {
    const std::string where = storage.signingKeyLocation() + "|" + baseId;
    Checked from;
    {
        std::lock_guard lock(gCheckedMutex);
        const auto it = gChecked.find(where);
        if (it != gChecked.end() && it->second.seq <= signedHead.lastSeq) from = it->second;
    }
    bool partial = false;
    if (chainFrom > from.seq && chainFrom <= signedHead.lastSeq) {
        std::optional<std::string> anchor;
        storage.scan(chainFrom, [&](const StoredEvent& e) {
            if (e.seq == chainFrom) anchor = e.hash;
            return false;
        });
        if (anchor) {
            from = {chainFrom, *anchor};
            partial = true;
        }
    }
    if (from.seq == signedHead.lastSeq && from.hash == signedHead.headHash) return;
    // From where this process last checked; from event 1 again when that fails (the file may
    // have been replaced by another ledger since).
    std::optional<std::string> broken;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (attempt == 1) {
            if (from.seq == 0) break;
            from = {};
        }
        broken.reset();
        std::string prev = from.seq == 0 ? std::string(kGenesisPrevHash) : from.hash;
        std::int64_t expected = from.seq + 1;
        storage.scan(expected, [&](const StoredEvent& e) {
            if (e.seq > signedHead.lastSeq) return false;
            nlohmann::json payload;
            try {
                payload = nlohmann::json::parse(e.payload);
            } catch (const std::exception&) {
                broken = "event " + std::to_string(e.seq) + " has a damaged payload";
                return false;
            }
            if (e.seq != expected || e.prevHash != prev ||
                EventStore::computeHash(e.seq, e.eventId, e.kind, e.at, payload, e.prevHash) !=
                    e.hash) {
                broken = "event " + std::to_string(e.seq) + " does not match the hash chain";
                return false;
            }
            prev = e.hash;
            ++expected;
            return true;
        });
        if (!broken && (expected != signedHead.lastSeq + 1 || prev != signedHead.headHash))
            broken =
                "the chain does not reach the signed head " + std::to_string(signedHead.lastSeq);
        if (!broken) break;
    }
    if (broken)
        throw UntrustedSignatureError(*broken +
                                      ": its records cannot be trusted; run `drillctl "
                                      "ledger verify`");
    if (partial) return;
    std::lock_guard lock(gCheckedMutex);
    gChecked[where] = {signedHead.lastSeq, signedHead.headHash};
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
    if (!head || head->seq <= signedThrough) {
        // Nothing new (all rolled back) — or a signature row claims events that do not exist,
        // which would turn signing off for every later write.
        if (head && last && last->lastSeq > head->seq)
            throw EventStoreError("the newest signature claims events up to " +
                                  std::to_string(last->lastSeq) + ", but the ledger ends at " +
                                  std::to_string(head->seq) +
                                  "; run `drillctl ledger verify`. Nothing was saved.");
        return;
    }

    const auto recorded = storage.meta("signing_public_key");
    // Never adopt unsigned events silently: someone who deletes every signature and the
    // recorded key would otherwise have the next honest write sign their forgeries.
    if (!recorded && !last)
        throw EventStoreError(
            "this ledger's events carry no signatures (it predates them, or "
            "they were removed); an administrator checks it with `drillctl "
            "ledger verify` and signs it once with `drillctl ledger "
            "sign-existing`. Nothing was saved.");
    const auto key = storage.signingKey();
    // A ledger that has signed before must keep its key: writing on without it would leave
    // unsigned events no one could tell from forged ones.
    if (!key)
        throw EventStoreError("the base's signing key " + storage.signingKeyLocation() +
                              " is missing, so nothing can be recorded; restore the key file "
                              "from its backup. Nothing was saved.");
    const std::string publicKey = key->publicKeyHex();
    if (recorded && *recorded != publicKey)
        throw EventStoreError("the signing key " + storage.signingKeyLocation() +
                              " is not this ledger's key (" + *recorded + "); nothing was saved");
    // Events between the last signature and this write came from someone without the key (a
    // writer always signs before it commits). Signing now would vouch for them.
    if (signedThrough + 1 < firstNewSeq)
        throw EventStoreError("events " + range(signedThrough + 1, firstNewSeq - 1) +
                              " carry no signature of the base's key (written by a program "
                              "without it, or by a drillbase older than signatures); run "
                              "`drillctl ledger verify`. Nothing was saved.");
    // What this write builds on must itself hold: the newest signature and the chain under it.
    // (The newest signature only: the events under it were vouched for when it was made.)
    if (last) trustedHead(storage, std::numeric_limits<std::int64_t>::max(), last->lastSeq);
    sign(storage, *key, signedThrough + 1, *head);
}

void signExisting(EventStorage& storage, const SigningKey& key) {
    const auto head = storage.lastEvent();
    if (storage.lastSignature())
        throw EventStoreError("this ledger is signed already; nothing to do");
    const auto recorded = storage.meta("signing_public_key");
    if (recorded && *recorded != key.publicKeyHex())
        throw EventStoreError("the signing key is not the one this ledger records (" + *recorded +
                              ")");
    if (!recorded) storage.setMeta("signing_public_key", key.publicKeyHex());
    if (head) sign(storage, key, 1, *head);
}

std::int64_t trustedHead(EventStorage& storage, std::int64_t ownFrom, std::int64_t chainFrom) {
    const auto last = storage.lastSignature();
    const auto recorded = storage.meta("signing_public_key");
    std::optional<SigningKey> key;
    try {
        key = storage.signingKey();
    } catch (const std::exception& e) {
        throw UntrustedSignatureError(std::string("the signing key cannot be read: ") + e.what());
    }
    if (!last) {
        // Signing began (a recorded key or a key file) and nothing carries a signature: the
        // signatures were removed, or the ledger predates them and awaits `sign-existing`.
        const auto head = storage.lastEvent();
        if (recorded || key) {
            // Trusting nothing must not read as "no users, local mode": refuse outright when
            // events other than the caller's own new ones are there.
            if (head && ownFrom > 1 && head->seq >= 1)
                throw UntrustedSignatureError(
                    "no event of this ledger carries a signature, though it has a signing key: "
                    "the signatures were removed (or it predates them: then an administrator "
                    "runs `drillctl ledger sign-existing` after `drillctl ledger verify`)");
            return 0;
        }
        return head ? head->seq : 0;  // from before signatures, and no key at all
    }
    const std::string publicKey = key ? key->publicKeyHex() : recorded.value_or("");
    if (recorded && key && *recorded != publicKey)
        throw UntrustedSignatureError("the key file " + storage.signingKeyLocation() +
                                      " is not the key this ledger records (" + *recorded +
                                      "): its records cannot be trusted");
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
                                      ") does not hold: its records cannot be trusted; run "
                                      "`drillctl ledger verify`");
    requireChainUpTo(storage, baseId, *last, chainFrom);
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
        // From before signatures — unless a key says signing began: then they were removed.
        if (keyFile || trustedPublicKey)
            return fail(VerifyProblem::UnsignedEvents, 1,
                        "no event carries a signature, though the ledger has a signing key (" +
                            r.keySource +
                            "): the signatures were removed, or the ledger "
                            "predates them (then an administrator runs `drillctl ledger "
                            "sign-existing` after checking it)");
        r.unsignedLedger = head > 0;
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
                        what + " was signed, but the ledger ends at event " + std::to_string(head) +
                            ": signed events were removed");
        if (b.publicKey != r.publicKey)
            return fail(VerifyProblem::WrongKey, b.firstSeq,
                        what + " is signed by key " + b.publicKey + ", not the trusted key " +
                            r.publicKey + " (" + r.keySource + ")");
        if (!verifySignatureHex(batchSignedBytes(baseId, b), b.signature, b.publicKey))
            return fail(VerifyProblem::BadSignature, b.firstSeq,
                        what +
                            ": the signature does not match the signed head (the signature "
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
