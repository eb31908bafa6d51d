#include "ledger/ledger.h"

#include "ledger/credit_code.h"
#include "ledger/event_kinds.h"
#include "ledger/event_payloads.h"
#include "ledger/organisation_fields.h"
#include "ledger/projection_seal.h"

namespace drillbase::ledger {

std::string_view examPartName(ExamPart p) {
    return p == ExamPart::Theory ? "theory" : "practical";
}

Ledger::Ledger(SqliteDb& db, LookupKey key, IndustryList industries, CertificationRules rules,
               TrainingKindList trainingKinds)
    : db_(db),
      storage_(db),
      store_(storage_),
      projections_(db),
      key_(key),
      industries_(std::move(industries)),
      rules_(std::move(rules)),
      trainingKinds_(std::move(trainingKinds)) {
    using Reason = LedgerUntrustedError::Reason;
    // Nothing is served from, or built upon, tables edited by hand (projection_seal.h), nor
    // from events the base's signature does not hold (batch_signature.h).
    try {
        projections_.createSchema();
        requireSealedTables(db_);
        projections_.catchUp(store_);
    } catch (const UntrustedSignatureError& e) {
        throw LedgerUntrustedError(Reason::SignatureBroken, "", e.what());
    } catch (const UntrustedTablesError& e) {
        throw LedgerUntrustedError(e.problem == SealProblem::TableChanged   ? Reason::TableChanged
                                   : e.problem == SealProblem::SealsRemoved ? Reason::SealsRemoved
                                                                            : Reason::SealNotSigned,
                                   e.table, e.what());
    }
}

// The event and the rows derived from it commit together, in one write transaction (or as
// part of the caller's, see lockedCatchUp): a command never fails after its record is durable,
// and no other writer can catch the tables up in between. A second registration of a document
// or certificate number breaks a UNIQUE index of the tables, and the event is rolled back.
std::string Ledger::append(const char* kind, const std::string& at, nlohmann::json payload) {
    if (!recordedBy_.empty()) payload["recorded_by"] = recordedBy_;
    try {
        Transaction tx(db_);
        const auto e = store_.append({kind, at, std::move(payload)});
        projections_.projectAppended(store_, e.seq);
        tx.commit();
        return e.eventId;
    } catch (const EventStoreError& err) {
        throw LedgerError(err.what());
    } catch (const DbError& err) {
        if (!err.isUniqueViolation()) throw;
        if (std::string_view(kind) == kinds::kPersonRegistered)
            throw LedgerError(
                "this document is already registered (at the same moment, by "
                "another program); nothing was saved");
        if (std::string_view(kind) == kinds::kCertificateIssued)
            throw LedgerError(
                "this certificate number is already recorded (at the same moment, "
                "by another program); nothing was saved");
        throw;
    }
}

// Why a write takes the lock before its checks: a check read outside it (no such person yet,
// theory passed, ...) may be stale by the time the event is appended. Under BEGIN IMMEDIATE no
// other writer can change what was checked; the tables are caught up first in case a writer of
// an older version left them behind.
void Ledger::lockedCatchUp() {
    projections_.catchUp(store_);
}

bool Ledger::personExists(const std::string& personId) {
    auto st = db_.prepare("SELECT 1 FROM people WHERE person_id = ?");
    st.bind(1, personId);
    return st.step();
}

bool Ledger::organisationExists(const std::string& creditCode) {
    auto st = db_.prepare("SELECT 1 FROM organisations WHERE credit_code = ?");
    st.bind(1, creditCode);
    return st.step();
}

void Ledger::requirePerson(const std::string& personId) {
    if (!personExists(personId)) throw LedgerError("no person " + personId + " in the ledger");
}

std::optional<std::string> Ledger::findPerson(const IdentityDocument& doc) {
    auto st = db_.prepare("SELECT person_id FROM people WHERE id_hash = ?");
    st.bind(1, lookupHash(doc, key_));
    if (!st.step()) return std::nullopt;
    return st.columnText(0);
}

std::string Ledger::registerOrganisation(const std::string& creditCode, const std::string& name,
                                         const std::string& industry, const std::string& at) {
    return registerOrganisation(OrganisationInput{creditCode, name, industry, "", "", "", ""}, at);
}

std::string Ledger::registerOrganisation(const OrganisationInput& o, const std::string& at) {
    Transaction tx(db_);  // the write lock before anything is read (see lockedCatchUp)
    lockedCatchUp();
    const auto code = parseCreditCode(o.creditCode);
    if (!code.ok()) throw LedgerError(code.message());
    if (o.name.empty()) throw LedgerError("organisation name is empty");
    if (!industries_.find(o.industry))
        throw LedgerError("unknown industry \"" + o.industry + "\" (see content/industries.json)");
    if (const auto problem = organisationFieldProblem(o)) throw LedgerError(*problem);
    if (organisationExists(code.normalized))
        throw LedgerError("organisation " + code.normalized + " is already registered");
    OrganisationInput normalized = o;
    normalized.creditCode = code.normalized;
    auto id = append(kinds::kOrganisationRegistered, at, organisationRegisteredPayload(normalized));
    tx.commit();
    return id;
}

std::string Ledger::registerPerson(const std::string& name, const IdentityDocument& doc,
                                   const std::string& at) {
    Transaction tx(db_);  // the write lock before anything is read (see lockedCatchUp)
    lockedCatchUp();
    if (name.empty()) throw LedgerError("person name is empty");
    if (const auto existing = findPerson(doc))
        throw LedgerError("this " + std::string(documentTypeName(doc.type)) + " (" +
                          maskDocument(doc) + ") is already registered as person " + *existing);
    auto id = append(kinds::kPersonRegistered, at, personRegisteredPayload(name, doc, key_));
    tx.commit();
    return id;
}

std::string Ledger::assignRole(const std::string& personId, const std::string& creditCode,
                               Role role, const CivilDate& since, const std::string& at) {
    Transaction tx(db_);  // the write lock before anything is read (see lockedCatchUp)
    lockedCatchUp();
    requirePerson(personId);
    const auto code = parseCreditCode(creditCode);
    if (!code.ok()) throw LedgerError(code.message());
    if (!organisationExists(code.normalized))
        throw LedgerError("organisation " + code.normalized + " is not registered");
    auto id = append(kinds::kRoleAssigned, at,
                     roleAssignedPayload(personId, code.normalized, role, since));
    tx.commit();
    return id;
}

// The outer transaction makes the two appends one write: registerPerson and assignRole each
// open a nested Transaction, which is a savepoint inside this one, so the person's event is
// durable only when the role's is. The organisation is checked first so that the usual refusal
// costs no work, but the rollback is what guarantees nothing of a refused pair is kept.
Ledger::PersonWithRole Ledger::registerPersonWithRole(const std::string& name,
                                                      const IdentityDocument& doc,
                                                      const std::string& creditCode, Role role,
                                                      const CivilDate& since,
                                                      const std::string& at) {
    Transaction tx(db_);  // the write lock before anything is read (see lockedCatchUp)
    lockedCatchUp();
    const auto code = parseCreditCode(creditCode);
    if (!code.ok()) throw LedgerError(code.message() + "; nothing was saved");
    if (!organisationExists(code.normalized))
        throw LedgerError("organisation " + code.normalized +
                          " is not registered; nothing was saved");
    PersonWithRole r;
    r.personId = registerPerson(name, doc, at);
    r.roleEventId = assignRole(r.personId, code.normalized, role, since, at);
    tx.commit();
    return r;
}

std::string Ledger::recordTraining(const TrainingInput& t, const std::string& at) {
    Transaction tx(db_);  // the write lock before anything is read (see lockedCatchUp)
    lockedCatchUp();
    requirePerson(t.personId);
    if (t.hours < 1 || t.hours > 100)
        throw LedgerError("training hours: " + std::to_string(t.hours) +
                          " is not 1 to 100 class hours per record");
    if (!trainingKinds_.contains(t.kind))
        throw LedgerError("training kind: \"" + t.kind + "\" is not " + trainingKinds_.listText());
    if (t.topic.empty()) throw LedgerError("training topic is empty: name what was taught");
    // The archive is read on screens and printed: one line each, of a sensible length.
    const std::pair<const char*, const std::string*> texts[] = {
        {"topic", &t.topic}, {"provider", &t.provider}, {"instructor", &t.instructor}};
    for (const auto& [field, text] : texts) {
        if (text->size() > 600)
            throw LedgerError(std::string("training ") + field + " is longer than 600 bytes");
        for (const char c : *text)
            if (static_cast<unsigned char>(c) < 0x20)
                throw LedgerError(std::string("training ") + field +
                                  " contains a line break or control character");
    }
    auto id = append(kinds::kTrainingRecorded, at,
                     trainingRecordedPayload(t.personId, t.date, t.hours, t.kind, t.topic,
                                             t.provider, t.instructor));
    tx.commit();
    return id;
}

std::string Ledger::recordTraining(const std::string& personId, const CivilDate& date, int hours,
                                   const std::string& kind, const std::string& topic,
                                   const std::string& at) {
    return recordTraining(TrainingInput{personId, date, hours, kind, topic, {}, {}}, at);
}

std::string Ledger::recordExam(const std::string& personId, const std::string& exam, ExamPart part,
                               const CivilDate& date, int score, const std::string& at) {
    Transaction tx(db_);  // the write lock before anything is read (see lockedCatchUp)
    lockedCatchUp();
    requirePerson(personId);
    const ExamRule* rule = rules_.examFor(exam, date);
    if (!rule) throw LedgerError("no exam rule \"" + exam + "\" in force on " + date.iso());
    if (score < 0 || score > rule->maxPoints)
        throw LedgerError("score must be 0 to " + std::to_string(rule->maxPoints));
    const std::string partName(examPartName(part));
    bool partKnown = false;
    for (const auto& p : rule->partsInOrder) partKnown = partKnown || p == partName;
    if (!partKnown) throw LedgerError("exam \"" + exam + "\" has no " + partName + " part");

    // A pass counts while it is valid (pass_valid_months, 0 = always) on the date asked about.
    auto currentPass = [&](const std::string& p) -> std::optional<CivilDate> {
        auto st = db_.prepare(
            "SELECT MAX(on_date) FROM assessments WHERE person_id = ? AND exam = ? AND part = ? "
            "AND passed = 1 AND on_date <= ?");
        st.bind(1, personId).bind(2, exam).bind(3, p).bind(4, date.iso());
        if (!st.step() || st.columnIsNull(0)) return std::nullopt;
        const auto d = parseIsoDate(st.columnText(0));
        if (!d || (rule->passValidMonths > 0 && d->addMonths(rule->passValidMonths) <= date))
            return std::nullopt;
        return d;
    };
    if (const auto passed = currentPass(partName))
        throw LedgerError("the " + partName + " part of \"" + exam + "\" was already passed on " +
                          passed->iso());
    // Failed attempts since the last training up to this date: a failed make-up means
    // retraining (Order No. 30), and retraining opens a new round of attempts.
    std::string lastTraining;
    {
        auto st =
            db_.prepare("SELECT MAX(on_date) FROM training WHERE person_id = ? AND on_date <= ?");
        st.bind(1, personId).bind(2, date.iso());
        if (st.step() && !st.columnIsNull(0)) lastTraining = st.columnText(0);
    }
    auto failures = db_.prepare(
        "SELECT COUNT(*) FROM assessments WHERE person_id = ? AND exam = ? AND part = ? "
        "AND passed = 0 AND on_date >= ? AND on_date <= ?");
    failures.bind(1, personId).bind(2, exam).bind(3, partName).bind(4, lastTraining);
    failures.bind(5, date.iso());
    failures.step();
    if (failures.columnInt(0) >= 1 + rule->makeups)
        throw LedgerError("the " + partName + " part was failed " +
                          std::to_string(failures.columnInt(0)) + " times (" +
                          std::to_string(rule->makeups) +
                          " make-up allowed): record retraining before another attempt");
    // Each part needs every earlier part passed first (theory before practical), and that
    // pass must still be valid on the date of this attempt.
    for (const auto& earlier : rule->partsInOrder) {
        if (earlier == partName) break;
        if (!currentPass(earlier))
            throw LedgerError(
                "the " + earlier + " part must be passed before the " + partName + " part" +
                (rule->passValidMonths > 0
                     ? " (a pass counts for " + std::to_string(rule->passValidMonths) + " months)"
                     : std::string()));
    }
    auto id = append(kinds::kExamRecorded, at,
                     examRecordedPayload(personId, exam, part, date, score, *rule));
    tx.commit();
    return id;
}

std::string Ledger::voidEvent(const std::string& eventId, const std::string& reason,
                              const std::string& at) {
    Transaction tx(db_);  // the write lock before anything is read (see lockedCatchUp)
    lockedCatchUp();
    if (reason.empty()) throw LedgerError("a correction needs a reason");
    auto payload = eventVoidedPayload(eventId, reason);  // checked before anything is scanned
    bool found = false;
    bool alreadyVoided = false;
    bool isVoid = false;
    storage_.scan(1, [&](const StoredEvent& e) {
        if (e.eventId == eventId) {
            found = true;
            isVoid = e.kind == kinds::kEventVoided;
        }
        if (e.kind == kinds::kEventVoided &&
            nlohmann::json::parse(e.payload).value("event_id", "") == eventId)
            alreadyVoided = true;
        return true;
    });
    if (!found) throw LedgerError("no event " + eventId + " in the ledger");
    // Undoing a correction would make the meaning of the log depend on the order of voids.
    if (isVoid) throw LedgerError("a correction cannot be voided; record the fact again");
    if (alreadyVoided) throw LedgerError("event " + eventId + " is already voided");
    auto id = append(kinds::kEventVoided, at, std::move(payload));
    tx.commit();
    return id;
}

}  // namespace drillbase::ledger
