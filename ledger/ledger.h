// ledger.h — the certification ledger's write side: each call checks its input against the
// records and the rules in force, then appends one event and brings the derived tables up to
// date. Nothing here reads a clock: `at` (when it was recorded, UTC) and the dates of the
// facts come from the caller.
#pragma once

#include "common/assessment.h"
#include "ledger/certificate_history.h"
#include "ledger/compliance.h"
#include "ledger/event_store.h"
#include "ledger/identity_document.h"
#include "ledger/industries.h"
#include "ledger/projections.h"
#include "ledger/rules.h"
#include "ledger/sqlite_db.h"
#include "ledger/sqlite_event_storage.h"
#include "ledger/training_kinds.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace drillbase::ledger {

// A refused record; the message says why in words a clerk can act on.
class LedgerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The ledger will not serve records it cannot vouch for: a derived table changed by hand, its
// seals removed or unsigned (projection_seal.h), or a newest signature that does not hold
// (batch_signature.h). `reason` and `table` let a screen say it in the user's language.
class LedgerUntrustedError : public LedgerError {
public:
    enum class Reason { TableChanged, SealsRemoved, SealNotSigned, SignatureBroken };
    LedgerUntrustedError(Reason r, std::string t, const std::string& message)
        : LedgerError(message), reason(r), table(std::move(t)) {}
    Reason reason;
    std::string table;  // the derived table, for TableChanged
};

enum class ExamPart { Theory, Practical };

// An organisation as registered. Only creditCode, name and industry are required; the other
// fields are left out of the event when empty, so events written before they existed (and
// their hashes) stay as they were.
struct OrganisationInput {
    std::string creditCode, name, industry;
    // GB/T 2260 six-digit code of the county-level division. When empty the projection takes
    // characters 3-8 of the credit code: GB 32100-2015 puts the registering authority's
    // division code (登记管理机关行政区划码) there.
    std::string region;
    std::string town;  // township or sub-district (乡镇/街道), free text
    // The supervising emergency-management level: national | provincial | city | county
    // (分级属地监管).
    std::string supervisionLevel;
    // Safety risk colour of the four-colour grading (安全风险四色分级): red (major) | orange
    // (high) | yellow (moderate) | blue (low).
    std::string riskColour;
};
std::string_view examPartName(ExamPart p);  // "theory", "practical"

// One training record of one person (一人一档: time, content, hours, who gave it).
struct TrainingInput {
    std::string personId;
    CivilDate date;
    int hours = 0;
    // kind: initial | annual | review | three_level | first_lesson | special_ops | drill
    std::string kind;
    std::string topic;
    std::string provider;    // training body (optional)
    std::string instructor;  // teacher's name (optional)
};

class Ledger {
public:
    // `db` must hold an initialised ledger (EventStore::initialize). The content is what
    // openLedgerFiles() loads from content/ (ledger_files.h).
    Ledger(SqliteDb& db, LookupKey key, IndustryList industries, CertificationRules rules,
           TrainingKindList trainingKinds);
    // The members refer to each other (store_ to storage_): not copyable or movable.
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;

    // Each returns the new event's id.
    std::string registerOrganisation(const std::string& creditCode, const std::string& name,
                                     const std::string& industry, const std::string& at);
    // Refused for a malformed region (six digits), an over-long town, or a supervision level or
    // risk colour outside the lists above; the message names the field.
    std::string registerOrganisation(const OrganisationInput& o, const std::string& at);
    // Refused when the same document is already registered (found by its keyed hash).
    std::string registerPerson(const std::string& name, const IdentityDocument& doc,
                               const std::string& at);
    std::string assignRole(const std::string& personId, const std::string& creditCode, Role role,
                           const CivilDate& since, const std::string& at);
    // A new person and their role at an employer, written as one: both events and their
    // derived rows commit together or not at all, so a refused role (an organisation not
    // registered, a malformed credit code) or a crash in between never leaves a person without
    // the post they were registered for. The same checks as registerPerson and assignRole.
    struct PersonWithRole {
        std::string personId;     // the PersonRegistered event's id
        std::string roleEventId;  // the RoleAssigned event's id
    };
    PersonWithRole registerPersonWithRole(const std::string& name, const IdentityDocument& doc,
                                          const std::string& creditCode, Role role,
                                          const CivilDate& since, const std::string& at);
    // kind: one of trainingKinds() (content/training-kinds.json decides which hours each
    // counts toward; a kind the file does not list is refused); hours
    // are class hours (1..100 per record); topic required; provider and instructor optional
    // (left out of the event when empty). The message of a refusal names the field.
    std::string recordTraining(const TrainingInput& t, const std::string& at);
    // The form without provider and instructor; the same event as the one above.
    std::string recordTraining(const std::string& personId, const CivilDate& date, int hours,
                               const std::string& kind, const std::string& topic,
                               const std::string& at);
    // Enforces the exam rule in force on `date`: score within 0..max, theory passed before a
    // practical, at most 1 + makeups attempts before retraining, a passed part not retaken.
    std::string recordExam(const std::string& personId, const std::string& exam, ExamPart part,
                           const CivilDate& date, int score, const std::string& at);
    // --- special-operations certificates (ledger_certificates.cpp) ---
    // Refused unless both exam parts were passed by `issued` and the practical pass is within
    // its validity. `number` is "T" + the holder's 18-character identity number (checked
    // against the registered person without storing it); passport holders' numbers are taken
    // as printed. Returns the certificate id.
    std::string issueSpecialOpsCertificate(const std::string& personId, const std::string& number,
                                           const std::string& operation, const CivilDate& issued,
                                           const std::string& at);
    // Refused outside the review window, after expiry or a missed review, and without the
    // review training hours since the last review (Order No. 30 art. 19-21).
    std::string recordCertificateReview(const std::string& certificateId, const CivilDate& date,
                                        const std::string& at);
    // Revoked (撤销, art. 30): final; refused once revoked or cancelled.
    std::string revokeCertificate(const std::string& certificateId, const CivilDate& date,
                                  const std::string& reason, const std::string& at);
    // Suspended (暂扣) from `date`; `until`, when given, is the first day it is valid again.
    // Refused on a revoked or cancelled certificate, one not valid on `date` (not yet issued,
    // expired, review missed, already suspended), or an `until` not after `date`.
    std::string suspendCertificate(const std::string& certificateId, const CivilDate& date,
                                   const std::string& reason, const std::optional<CivilDate>& until,
                                   const std::string& at);
    // Lifts the suspension in force on `date`; refused when it is not suspended then.
    std::string reinstateCertificate(const std::string& certificateId, const CivilDate& date,
                                     const std::string& reason, const std::string& at);
    // Cancelled (注销, art. 31: death, the holder's request, or after a revocation): final.
    std::string cancelCertificate(const std::string& certificateId, const CivilDate& date,
                                  const std::string& reason, const std::string& at);
    // Each of the four above needs a reason and is refused when dated before the issue or the
    // certificate's latest suspension, reinstatement, revocation or cancellation, so that the
    // history reads in the order it happened.
    // The certificate as recorded, evaluated on `on` with the rule in force then.
    CertificateStatus certificateStatus(const std::string& certificateId, const CivilDate& on);
    // Issue, reviews, suspensions, reinstatements, revocation and cancellation, oldest first;
    // voided records are not in it. Refused for an unknown certificate.
    std::vector<CertificateChange> certificateHistory(const std::string& certificateId);

    // A drill's or quiz's result (ledger_assessments.cpp). Refused for an unknown person, a
    // malformed date, a score outside 0..100, an attempt below 1 or a result without the hash
    // of the log or paper it came from.
    std::string recordAssessment(const AssessmentResult& result, const std::string& at);
    // 1 + the number of results this person already has for this scenario or paper.
    int nextAttempt(const std::string& personId, const std::string& reference);

    // The compensating event: the voided record no longer counts anywhere.
    std::string voidEvent(const std::string& eventId, const std::string& reason,
                          const std::string& at);

    std::optional<std::string> findPerson(const IdentityDocument& doc);
    bool personExists(const std::string& personId);
    bool organisationExists(const std::string& creditCode);

    // The signed-in user whose records follow: every event appended from now on carries
    // "recorded_by": <login name> in its payload, so the hash chain (and a signed checkpoint)
    // says who entered each record, not only when. Empty (the default, local mode without
    // users) leaves the field out, so those events are byte-identical to a BulkWriter's.
    void setRecordedBy(std::string userName) { recordedBy_ = std::move(userName); }

    EventStore& events() { return store_; }
    const CertificationRules& rules() const { return rules_; }
    const TrainingKindList& trainingKinds() const { return trainingKinds_; }

private:
    std::string append(const char* kind, const std::string& at, nlohmann::json payload);
    // Inside a write transaction: the derived tables caught up under its lock.
    void lockedCatchUp();
    void requirePerson(const std::string& personId);
    struct CertificateRow {
        std::string personId;
        SpecialOpsCertificate cert;
        std::vector<CertificateChange> history;
    };
    // The date of the latest status change (issue, suspension, reinstatement, revocation,
    // cancellation); refuses `date` before it.
    void requireInOrder(const CertificateRow& row, const CivilDate& date, const char* what);
    CertificateRow loadCertificate(const std::string& certificateId);
    const SpecialOpsCertificateRule& specialOpsRule(const CivilDate& on) const;

    SqliteDb& db_;
    SqliteEventStorage storage_;
    EventStore store_;
    Projections projections_;
    LookupKey key_;
    IndustryList industries_;
    CertificationRules rules_;
    TrainingKindList trainingKinds_;
    std::string recordedBy_;
};

}  // namespace drillbase::ledger
