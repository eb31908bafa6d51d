#include "ledger/checkpoint.h"

#include "ledger/canonical_json.h"
#include "ledger/event_store.h"
#include "ledger/sqlite_event_storage.h"

namespace drillbase::ledger {

namespace {

constexpr const char* kSignedPrefix = "drillbase-ledger-checkpoint-v1\n";
constexpr const char* kFormat = "drillbase-ledger-checkpoints";

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS ledger_checkpoints(
  number      INTEGER PRIMARY KEY,
  seq         INTEGER NOT NULL,
  head_hash   TEXT NOT NULL,
  event_count INTEGER NOT NULL,
  at          TEXT NOT NULL,
  base_id     TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  signature   TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS checkpoints_no_update BEFORE UPDATE ON ledger_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'ledger checkpoints are append-only: UPDATE refused');
END;
CREATE TRIGGER IF NOT EXISTS checkpoints_no_delete BEFORE DELETE ON ledger_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'ledger checkpoints are append-only: DELETE refused');
END;
)sql";

std::string label(std::int64_t number) {
    return "checkpoint " + std::to_string(number);
}

// One checkpoint read back from an export; std::nullopt when a field is missing or mistyped.
std::optional<Checkpoint> fromJson(const nlohmann::json& j) {
    if (!j.is_object()) return std::nullopt;
    auto integer = [&](const char* k) { return j.contains(k) && j[k].is_number_integer(); };
    auto text = [&](const char* k) { return j.contains(k) && j[k].is_string(); };
    if (!integer("number") || !integer("seq") || !integer("event_count") || !text("head_hash") ||
        !text("at") || !text("base_id") || !text("public_key") || !text("signature"))
        return std::nullopt;
    Checkpoint c;
    c.number = j["number"].get<std::int64_t>();
    c.seq = j["seq"].get<std::int64_t>();
    c.eventCount = j["event_count"].get<std::int64_t>();
    c.headHash = j["head_hash"].get<std::string>();
    c.at = j["at"].get<std::string>();
    c.baseId = j["base_id"].get<std::string>();
    c.publicKey = j["public_key"].get<std::string>();
    c.signature = j["signature"].get<std::string>();
    return c;
}

}  // namespace

std::string Checkpoint::signedBytes() const {
    const nlohmann::json content = {{"at", at},
                                    {"base_id", baseId},
                                    {"event_count", eventCount},
                                    {"head_hash", headHash},
                                    {"number", number},
                                    {"seq", seq}};
    return kSignedPrefix + canonicalJson(content);
}

CheckpointBook::CheckpointBook(SqliteDb& db) : db_(db) {
    SqliteEventStorage storage(db_);
    EventStore store(storage);  // throws EventStoreError when the ledger is not initialised
    db_.exec(kSchema);
}

Checkpoint CheckpointBook::create(const SigningKey& key, const std::string& at) {
    if (!isValidUtcTimestamp(at))
        throw CheckpointError("checkpoint time \"" + at + "\" is not YYYY-MM-DDTHH:MM:SSZ");
    SqliteEventStorage storage(db_);
    const EventStore store(storage);
    Checkpoint c;
    // One write transaction: no event can be appended between reading the head and storing
    // the checkpoint, and two checkpoints cannot take the same number.
    storage.inTransaction([&] {
        const auto result = store.verify();
        if (!result.ok()) throw CheckpointError("not signing a broken chain: " + result.message());
        if (result.eventsChecked == 0) throw CheckpointError("the ledger has no events to sign");
        auto st = db_.prepare("SELECT COALESCE(MAX(number), 0) FROM ledger_checkpoints");
        st.step();
        c.number = st.columnInt(0) + 1;
        c.seq = result.eventsChecked;
        c.eventCount = result.eventsChecked;
        c.headHash = result.headHash;
        c.at = at;
        c.baseId = store.baseId();
        c.publicKey = key.publicKeyHex();
        c.signature = key.signHex(c.signedBytes());
        auto ins = db_.prepare(
            "INSERT INTO ledger_checkpoints(number, seq, head_hash, event_count, at, base_id, "
            "public_key, signature) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, c.number).bind(2, c.seq).bind(3, c.headHash).bind(4, c.eventCount);
        ins.bind(5, c.at).bind(6, c.baseId).bind(7, c.publicKey).bind(8, c.signature);
        ins.step();
    });
    return c;
}

std::vector<Checkpoint> CheckpointBook::list() {
    std::vector<Checkpoint> out;
    auto st = db_.prepare(
        "SELECT number, seq, head_hash, event_count, at, base_id, public_key, signature "
        "FROM ledger_checkpoints ORDER BY number");
    while (st.step())
        out.push_back({st.columnInt(0), st.columnInt(1), st.columnText(2), st.columnInt(3),
                       st.columnText(4), st.columnText(5), st.columnText(6), st.columnText(7)});
    return out;
}

nlohmann::json exportCheckpoints(const std::vector<Checkpoint>& checkpoints,
                                 const std::string& baseId, const std::string& publicKey) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : checkpoints)
        list.push_back({{"number", c.number},
                        {"seq", c.seq},
                        {"head_hash", c.headHash},
                        {"event_count", c.eventCount},
                        {"at", c.at},
                        {"base_id", c.baseId},
                        {"public_key", c.publicKey},
                        {"signature", c.signature}});
    return {
        {"format", kFormat},
        {"version", 1},
        {"algorithm", "Ed25519"},
        {"signed_bytes", std::string("\"drillbase-ledger-checkpoint-v1\\n\" + canonical JSON of "
                                     "{at, base_id, event_count, head_hash, number, seq}")},
        {"base_id", baseId},
        {"public_key", publicKey},
        {"checkpoints", std::move(list)}};
}

CheckpointVerification verifyCheckpoints(const nlohmann::json& exported, SqliteDb& db,
                                         const std::optional<std::string>& trustedPublicKey) {
    CheckpointVerification v;
    auto fail = [&](std::int64_t number, const std::string& why) {
        v.failedNumber = number;
        v.message = (number > 0 ? label(number) + " failed: " : std::string()) + why;
        return v;
    };
    // Typed look-ups: a field of the wrong type is a bad file (exit 1), not an exception.
    auto field = [&](const char* key) -> const nlohmann::json* {
        return exported.is_object() && exported.contains(key) ? &exported[key] : nullptr;
    };
    const auto* format = field("format");
    const auto* version = field("version");
    const auto* list = field("checkpoints");
    const auto* filePublicKey = field("public_key");
    if (!format || *format != kFormat || !list || !list->is_array())
        return fail(0, "not a drillbase checkpoint export (format \"" + std::string(kFormat) +
                           "\" with a checkpoints list expected)");
    if (!version || *version != 1)
        return fail(0, "checkpoint export version is not 1; this drillctl reads version 1 only");
    if (list->empty()) return fail(0, "the export holds no checkpoints");
    if (!trustedPublicKey && (!filePublicKey || !filePublicKey->is_string()))
        return fail(0, "the export names no public key; pass the base's key explicitly");
    const std::string trusted =
        trustedPublicKey ? *trustedPublicKey : filePublicKey->get<std::string>();

    SqliteEventStorage storage(db);
    const EventStore store(storage);
    const auto chain = store.verify();
    v.chainIntact = chain.ok();
    // The stored hash of an event, read only where the chain up to it is intact.
    auto hashAt = [&](std::int64_t seq) -> std::optional<std::string> {
        std::optional<std::string> hash;
        storage.scan(seq, [&](const StoredEvent& e) {
            if (e.seq == seq) hash = e.hash;
            return false;
        });
        return hash;
    };

    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto c = fromJson((*list)[i]);
        if (!c) return fail(0, "entry " + std::to_string(i + 1) + " of the export is malformed");
        if (c->publicKey != trusted)
            return fail(c->number,
                        "signed with key " + c->publicKey + ", not the trusted key " + trusted);
        if (!verifySignatureHex(c->signedBytes(), c->signature, c->publicKey))
            return fail(c->number,
                        "the signature does not match the checkpoint's content "
                        "(the export was edited, or signed by another key)");
        if (c->baseId != store.baseId())
            return fail(c->number, "signed for base \"" + c->baseId +
                                       "\", but this ledger is base \"" + store.baseId() + "\"");
        if (c->eventCount != c->seq)
            return fail(c->number, "event count " + std::to_string(c->eventCount) +
                                       " does not match seq " + std::to_string(c->seq));
        if (!chain.ok() && chain.brokenSeq <= c->seq) return fail(c->number, chain.message());
        if (chain.eventsChecked < c->seq)
            return fail(c->number, "the ledger has " + std::to_string(chain.eventsChecked) +
                                       " event(s), but the checkpoint signed " +
                                       std::to_string(c->seq) + ": events were removed");
        const auto stored = hashAt(c->seq);
        if (!stored || *stored != c->headHash)
            return fail(c->number, "event " + std::to_string(c->seq) + " has hash " +
                                       stored.value_or("(none)") + " but the signed head was " +
                                       c->headHash + ": history up to event " +
                                       std::to_string(c->seq) + " was rewritten");
        ++v.checked;
    }
    v.ok = true;
    v.message = "all " + std::to_string(v.checked) + " checkpoint(s) verified against " +
                store.baseId() + "; chain " + (chain.ok() ? "intact" : "broken after them") + " (" +
                chain.message() + ")";
    return v;
}

}  // namespace drillbase::ledger
