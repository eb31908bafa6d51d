#include "ledger/projections.h"

#include "ledger/projection_seal.h"

#include "ledger/certificate_history.h"
#include "ledger/event_kinds.h"
#include "ledger/organisation_fields.h"
#include "ledger/records_indexes.h"

#include <limits>
#include <set>

namespace drillbase::ledger {

namespace {

// Portable SQL (no SQLite-only types) so the provincial PostgreSQL ledger can reuse it.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS organisations(
  credit_code TEXT PRIMARY KEY, name TEXT NOT NULL, industry TEXT NOT NULL,
  event_id TEXT NOT NULL, region TEXT NOT NULL, town TEXT NOT NULL,
  supervision_level TEXT NOT NULL, risk_colour TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS people(
  person_id TEXT PRIMARY KEY, name TEXT NOT NULL, document_type TEXT NOT NULL,
  country TEXT NOT NULL, id_hash TEXT NOT NULL UNIQUE, id_masked TEXT NOT NULL,
  birth_date TEXT);
CREATE TABLE IF NOT EXISTS roles(
  event_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, credit_code TEXT NOT NULL,
  role TEXT NOT NULL, since TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS training(
  event_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, on_date TEXT NOT NULL,
  hours INTEGER NOT NULL, kind TEXT NOT NULL, topic TEXT NOT NULL, provider TEXT,
  instructor TEXT);
CREATE TABLE IF NOT EXISTS assessments(
  event_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, exam TEXT NOT NULL, part TEXT NOT NULL,
  on_date TEXT NOT NULL, score INTEGER NOT NULL, max_points INTEGER NOT NULL,
  passed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS certificates(
  certificate_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, type TEXT NOT NULL,
  operation TEXT NOT NULL, number_masked TEXT NOT NULL, number_hash TEXT NOT NULL UNIQUE,
  issued TEXT NOT NULL, revoked TEXT, cancelled TEXT);
CREATE TABLE IF NOT EXISTS results(
  event_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
  reference TEXT NOT NULL, on_date TEXT NOT NULL, score_tenths INTEGER NOT NULL,
  pass_tenths INTEGER NOT NULL, passed INTEGER NOT NULL, attempt INTEGER NOT NULL,
  grade TEXT NOT NULL, source_hash TEXT NOT NULL, complete INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS certificate_reviews(
  event_id TEXT PRIMARY KEY, certificate_id TEXT NOT NULL, on_date TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS certificate_events(
  event_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, certificate_id TEXT NOT NULL,
  on_date TEXT NOT NULL, change TEXT NOT NULL, reason TEXT NOT NULL, until_date TEXT);
CREATE INDEX IF NOT EXISTS certificate_events_certificate
  ON certificate_events(certificate_id, on_date, seq);
)sql";

constexpr const char* kTables[] = {"organisations",
                                   "people",
                                   "roles",
                                   "training",
                                   "assessments",
                                   "certificates",
                                   "certificate_reviews",
                                   "results",
                                   "certificate_events"};

std::string str(const nlohmann::json& p, const char* key) {
    const auto it = p.find(key);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t num(const nlohmann::json& p, const char* key) {
    const auto it = p.find(key);
    return it != p.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

// NULL when the payload leaves the field out (an optional field, or an event from before it).
void bindOptional(Statement& st, int index, const nlohmann::json& p, const char* key) {
    if (p.contains(key))
        st.bind(index, str(p, key));
    else
        st.bindNull(index);
}

}  // namespace

std::span<const char* const> projectionTables() {
    return kTables;
}

int Projections::schemaVersion() {
    auto st = db_.prepare("SELECT value FROM ledger_meta WHERE key = 'projection_schema'");
    return st.step() ? std::stoi(st.columnText(0)) : 1;
}

// CREATE TABLE IF NOT EXISTS leaves a table of an older shape as it is, so an older database
// would lack the new columns. The tables are derived (event sourcing): drop them and let the
// next catchUp() replay the whole log into the new shape. The version is read again under the
// write lock, so two processes opening an old database do not both drop the tables.
void Projections::createSchema() {
    // The look-up indexes (records_indexes.h) come with the tables, so that the first reader
    // of a new ledger (an export while a clerk writes) need not take the write lock for them.
    if (schemaVersion() >= kProjectionSchemaVersion) {
        db_.exec(kSchema);  // IF NOT EXISTS on existing tables: a read, no write lock
        createRecordsIndexes(db_);
        return;
    }
    Transaction tx(db_);
    if (schemaVersion() >= kProjectionSchemaVersion) {
        db_.exec(kSchema);
        createRecordsIndexes(db_);
        tx.commit(false);
        return;
    }
    requestProjectionSeal(db_);
    for (const char* t : kTables) db_.exec(std::string("DROP TABLE IF EXISTS ") + t);
    db_.exec(kSchema);
    // The one place the mark goes down: the tables it described were just dropped.
    auto st = db_.prepare(
        "INSERT INTO ledger_meta(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, std::string_view("projected_through")).bind(2, std::string_view("0"));
    st.step();
    st.reset();
    st.bind(1, std::string_view("projection_schema"));
    st.bind(2, std::to_string(kProjectionSchemaVersion));
    st.step();
    createRecordsIndexes(db_);
    tx.commit(false);
}

std::int64_t Projections::projectedThrough() {
    auto st = db_.prepare("SELECT value FROM ledger_meta WHERE key = 'projected_through'");
    return st.step() ? std::stoll(st.columnText(0)) : 0;
}

bool Projections::upToDate() {
    auto st = db_.prepare(
        "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM ledger_meta "
        "WHERE key = 'projected_through'), 0) >= (SELECT COALESCE(MAX(seq), 0) FROM events)");
    return st.step() && st.columnInt(0) != 0;
}

// Read and raised in one statement: whatever this connection believed the mark to be, it
// only ever goes up.
void Projections::raiseMark(std::int64_t seq) {
    requestProjectionSeal(db_);  // what the tables hold now is signed at the commit
    auto st = db_.prepare(
        "INSERT INTO ledger_meta(key, value) VALUES('projected_through', ?1) "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(MAX(CAST(value AS INTEGER), ?2) AS TEXT)");
    st.bind(1, std::to_string(seq)).bind(2, seq);
    st.step();
}

void Projections::clear() {
    requestProjectionSeal(db_);
    for (const char* t : kTables) db_.exec(std::string("DELETE FROM ") + t);
}

void Projections::rebuild(const EventStore& store) {
    Transaction tx(db_);
    rebuildInside(store, std::numeric_limits<std::int64_t>::max());
    tx.commit(false);
}

void Projections::rebuildInside(const EventStore& store, std::int64_t strictFrom) {
    clear();
    // Voids first, so a voided event is skipped wherever it sits in the log.
    auto all = store.readAll();
    keepSigned(store, all, strictFrom);
    std::set<std::string> voided;
    for (const auto& e : all)
        if (e.kind == kinds::kEventVoided)
            voided.insert(str(nlohmann::json::parse(e.payload), "event_id"));
    std::int64_t last = 0;
    for (const auto& e : all) {
        if (!voided.count(e.eventId)) apply(e, e.seq >= strictFrom);
        last = e.seq;
    }
    raiseMark(last);
}

void Projections::catchUp(const EventStore& store) {
    // Outside a transaction, look first: a reader (an export, a query) then takes no write
    // lock and is not held up by a long import. The decision to write is made again below,
    // under the lock.
    if (sqlite3_get_autocommit(db_.handle()) != 0 && upToDate()) return;
    catchUpFrom(store, std::numeric_limits<std::int64_t>::max());
}

void Projections::projectAppended(const EventStore& store, std::int64_t firstNewSeq) {
    if (sqlite3_get_autocommit(db_.handle()) != 0)
        throw DbError("projectAppended must run inside the writer's transaction");
    catchUpFrom(store, firstNewSeq);
}

// The tables show only what the base signed (batch_signature.h trustedHead): an event appended
// by someone without the key never reaches a query, a compliance check or an export. A
// writer's own new events (strictFrom on) are signed when it commits, or not kept at all.
void Projections::keepSigned(const EventStore& store, std::vector<StoredEvent>& events,
                             std::int64_t strictFrom) {
    if (events.empty()) return;
    // The chain from just before the first event to apply: those are the ones acted on.
    const auto trusted = store.trustedHead(strictFrom, events.front().seq - 1);
    std::erase_if(events,
                  [&](const StoredEvent& e) { return e.seq > trusted && e.seq < strictFrom; });
}

void Projections::catchUpFrom(const EventStore& store, std::int64_t strictFrom) {
    Transaction tx(db_);  // the write lock (or a savepoint under the caller's) before any read
    const auto from = projectedThrough();
    auto fresh = store.readFrom(from + 1);
    keepSigned(store, fresh, strictFrom);
    // Under the lock and before anything is applied: tables edited by hand since the last
    // seal must not be built upon and sealed over (projection_seal.h).
    // Once per transaction: after its own first change the tables differ from the last seal
    // by what this transaction did, which its commit seals.
    if (!fresh.empty() && !db_.hasBeforeCommit(kProjectionSealHook)) requireSealedTables(db_);
    if (fresh.empty()) {
        tx.commit(false);
        return;
    }
    bool hasVoid = false;
    for (const auto& e : fresh) hasVoid = hasVoid || e.kind == kinds::kEventVoided;
    // From nothing (a mark reset by hand or a lost cache): every table is rebuilt, so no row
    // left in them survives unless the events give it.
    if (hasVoid || from == 0) {
        rebuildInside(store, strictFrom);
    } else {
        for (const auto& e : fresh) apply(e, e.seq >= strictFrom);
        raiseMark(fresh.back().seq);
    }
    tx.commit(false);
}

// One line of a certificate's status history (Ledger::certificateHistory), only for a
// certificate that was projected (a duplicate issue that raced past the checks is not).
void Projections::addCertificateEvent(const StoredEvent& e, const std::string& certificateId,
                                      const std::string& date, std::string_view change,
                                      const nlohmann::json& p) {
    auto st = db_.prepare(
        "INSERT INTO certificate_events(event_id, seq, certificate_id, on_date, change, reason, "
        "until_date) SELECT ?,?,?,?,?,?,? WHERE EXISTS "
        "(SELECT 1 FROM certificates WHERE certificate_id = ?) ON CONFLICT DO NOTHING");
    st.bind(1, e.eventId).bind(2, e.seq).bind(3, certificateId).bind(4, date);
    st.bind(5, change).bind(6, str(p, "reason"));
    bindOptional(st, 7, p, "until");
    st.bind(8, certificateId);
    st.step();
}

// A projection must accept every event already in the log, or it would be stuck for good.
// Two writers can race past the ledger's duplicate checks (the GUI and drillctl at once), so
// a second registration of one document or certificate is kept in the log but not projected
// ("ON CONFLICT DO NOTHING"); the first one stays authoritative.
// `strict` (a new event, projected by its writer before the commit): a second registration
// of one document or certificate number throws instead (DbError, a UNIQUE violation), so the
// writer's transaction rolls back and nothing is recorded. Every other row is keyed by the
// event it comes from (or is an update to the same values), so applying an event twice leaves
// the tables as applying it once.
void Projections::apply(const StoredEvent& e, bool strict) {
    const char* uniqueRule = strict ? "" : " ON CONFLICT DO NOTHING";
    const auto p = nlohmann::json::parse(e.payload);
    const std::string& k = e.kind;
    if (k == kinds::kOrganisationRegistered) {
        // Without a region the organisation counts where its credit code was registered
        // (organisation_fields.h regionFromCreditCode, GB 32100-2015).
        const std::string code = str(p, "credit_code");
        const std::string region =
            p.contains("region") ? str(p, "region") : regionFromCreditCode(code);
        auto st = db_.prepare(
            "INSERT INTO organisations(credit_code, name, industry, event_id, region, town, "
            "supervision_level, risk_colour) VALUES(?,?,?,?,?,?,?,?) "
            "ON CONFLICT(credit_code) DO UPDATE SET name = excluded.name, "
            "industry = excluded.industry, event_id = excluded.event_id, "
            "region = excluded.region, town = excluded.town, "
            "supervision_level = excluded.supervision_level, risk_colour = excluded.risk_colour");
        st.bind(1, code).bind(2, str(p, "name")).bind(3, str(p, "industry"));
        st.bind(4, e.eventId).bind(5, region).bind(6, str(p, "town"));
        st.bind(7, str(p, "supervision_level")).bind(8, str(p, "risk_colour"));
        st.step();
    } else if (k == kinds::kPersonRegistered) {
        auto st = db_.prepare(
            "INSERT INTO people(person_id, name, document_type, country, id_hash, id_masked, "
            "birth_date) VALUES(?,?,?,?,?,?,?)" +
            std::string(uniqueRule));
        st.bind(1, e.eventId).bind(2, str(p, "name")).bind(3, str(p, "document_type"));
        st.bind(4, str(p, "country")).bind(5, str(p, "id_hash")).bind(6, str(p, "id_masked"));
        if (p.contains("birth_date"))
            st.bind(7, str(p, "birth_date"));
        else
            st.bindNull(7);
        st.step();
    } else if (k == kinds::kRoleAssigned) {
        auto st = db_.prepare(
            "INSERT INTO roles(event_id, person_id, credit_code, role, since) VALUES(?,?,?,?,?) ON "
            "CONFLICT DO NOTHING");
        st.bind(1, e.eventId).bind(2, str(p, "person_id")).bind(3, str(p, "credit_code"));
        st.bind(4, str(p, "role")).bind(5, str(p, "since"));
        st.step();
    } else if (k == kinds::kTrainingRecorded) {
        auto st = db_.prepare(
            "INSERT INTO training(event_id, person_id, on_date, hours, kind, topic, provider, "
            "instructor) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
        st.bind(1, e.eventId).bind(2, str(p, "person_id")).bind(3, str(p, "date"));
        st.bind(4, num(p, "hours")).bind(5, str(p, "kind")).bind(6, str(p, "topic"));
        bindOptional(st, 7, p, "provider");
        bindOptional(st, 8, p, "instructor");
        st.step();
    } else if (k == kinds::kExamRecorded) {
        auto st = db_.prepare(
            "INSERT INTO assessments(event_id, person_id, exam, part, on_date, score, "
            "max_points, passed) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
        st.bind(1, e.eventId).bind(2, str(p, "person_id")).bind(3, str(p, "exam"));
        st.bind(4, str(p, "part")).bind(5, str(p, "date")).bind(6, num(p, "score"));
        st.bind(7, num(p, "max_points"));
        st.bind(8, static_cast<std::int64_t>(p.value("passed", false) ? 1 : 0));
        st.step();
    } else if (k == kinds::kAssessmentRecorded) {
        auto st = db_.prepare(
            "INSERT INTO results(event_id, person_id, kind, title, reference, on_date, "
            "score_tenths, "
            "pass_tenths, passed, attempt, grade, source_hash, complete) "
            "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
        st.bind(1, e.eventId).bind(2, str(p, "person_id")).bind(3, str(p, "kind"));
        st.bind(4, str(p, "title")).bind(5, str(p, "reference")).bind(6, str(p, "date"));
        st.bind(7, num(p, "score_tenths")).bind(8, num(p, "pass_tenths"));
        st.bind(9, static_cast<std::int64_t>(p.value("passed", false) ? 1 : 0));
        st.bind(10, num(p, "attempt")).bind(11, str(p, "grade")).bind(12, str(p, "source_hash"));
        st.bind(13, static_cast<std::int64_t>(p.value("complete", false) ? 1 : 0));
        st.step();
    } else if (k == kinds::kCertificateIssued) {
        auto st = db_.prepare(
            "INSERT INTO certificates(certificate_id, person_id, type, operation, number_masked, "
            "number_hash, issued) VALUES(?,?,?,?,?,?,?)" +
            std::string(uniqueRule));
        st.bind(1, e.eventId).bind(2, str(p, "person_id")).bind(3, str(p, "type"));
        st.bind(4, str(p, "operation")).bind(5, str(p, "number_masked"));
        st.bind(6, str(p, "number_hash")).bind(7, str(p, "issued"));
        st.step();
        addCertificateEvent(e, e.eventId, str(p, "issued"), kChangeIssued, p);
    } else if (k == kinds::kCertificateReviewed) {
        auto st = db_.prepare(
            "INSERT INTO certificate_reviews(event_id, certificate_id, on_date) VALUES(?,?,?) ON "
            "CONFLICT DO NOTHING");
        st.bind(1, e.eventId).bind(2, str(p, "certificate_id")).bind(3, str(p, "date"));
        st.step();
        addCertificateEvent(e, str(p, "certificate_id"), str(p, "date"), kChangeReviewed, p);
    } else if (k == kinds::kCertificateRevoked) {
        auto st = db_.prepare("UPDATE certificates SET revoked = ? WHERE certificate_id = ?");
        st.bind(1, str(p, "date")).bind(2, str(p, "certificate_id"));
        st.step();
        addCertificateEvent(e, str(p, "certificate_id"), str(p, "date"), kChangeRevoked, p);
    } else if (k == kinds::kCertificateSuspended) {
        addCertificateEvent(e, str(p, "certificate_id"), str(p, "date"), kChangeSuspended, p);
    } else if (k == kinds::kCertificateReinstated) {
        addCertificateEvent(e, str(p, "certificate_id"), str(p, "date"), kChangeReinstated, p);
    } else if (k == kinds::kCertificateCancelled) {
        auto st = db_.prepare("UPDATE certificates SET cancelled = ? WHERE certificate_id = ?");
        st.bind(1, str(p, "date")).bind(2, str(p, "certificate_id"));
        st.step();
        addCertificateEvent(e, str(p, "certificate_id"), str(p, "date"), kChangeCancelled, p);
    }
    // Unknown kinds (from a newer version) change no table: the event stays in the log and
    // a later version's rebuild will project it.
}

}  // namespace drillbase::ledger
