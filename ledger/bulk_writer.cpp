#include "ledger/bulk_writer.h"

#include "ledger/event_kinds.h"
#include "ledger/event_payloads.h"
#include "ledger/id_number.h"
#include "ledger/projection_seal.h"
#include "ledger/projections.h"
#include "ledger/records_indexes.h"

namespace drillbase::ledger {

BulkWriter::BulkWriter(SqliteDb& db, LookupKey key, CertificationRules rules)
    : db_(db), storage_(db), store_(storage_), key_(key), rules_(std::move(rules)) {
    Projections projections(db_);
    projections.createSchema();
    createRecordsIndexes(db_);
    try {
        requireSealedTables(db_);
        projections.catchUp(store_);
    } catch (const UntrustedTablesError& e) {
        throw LedgerError(e.what());
    } catch (const UntrustedSignatureError& e) {
        throw LedgerError(e.what());
    }
}

// The derived tables are brought up to date inside the batch's own transaction, after its last
// event and before the commit: a crash, a busy timeout or a refused row leaves neither the
// events nor their rows, and a success leaves both. A person or certificate number registered
// meanwhile by another program breaks a UNIQUE index here, and the whole batch rolls back.
void BulkWriter::batch(const std::function<void()>& body) {
    if (storage_.open) {  // already inside a batch: part of it
        body();
        return;
    }
    Transaction tx(db_);  // BEGIN IMMEDIATE: no other writer can slip in between
    Projections projections(db_);
    projections.catchUp(store_);  // under the lock, in case an older writer left them behind
    const auto before = storage_.lastEvent();
    const std::int64_t firstNew = (before ? before->seq : 0) + 1;
    storage_.open = true;
    try {
        body();
    } catch (...) {
        storage_.open = false;
        throw;  // tx rolls back
    }
    storage_.open = false;
    try {
        projections.projectAppended(store_, firstNew);
    } catch (const DbError& err) {
        if (!err.isUniqueViolation()) throw;
        throw LedgerError(
            "a person or certificate number in this batch was registered at the same moment by "
            "another program; nothing was saved (" +
            std::string(err.what()) + ")");
    }
    tx.commit();
}

std::string BulkWriter::append(const char* kind, const std::string& at, nlohmann::json payload) {
    std::string id;
    batch([&] {
        try {
            id = store_.append({kind, at, std::move(payload)}).eventId;
        } catch (const EventStoreError& err) {
            throw LedgerError(err.what());
        }
    });
    return id;
}

// The same payload builders as Ledger (event_payloads.h), so both paths write identical events.
std::string BulkWriter::registerOrganisation(const OrganisationInput& o, const std::string& at) {
    return append(kinds::kOrganisationRegistered, at, organisationRegisteredPayload(o));
}

std::string BulkWriter::registerPerson(const std::string& name, const IdentityDocument& doc,
                                       const std::string& at) {
    return append(kinds::kPersonRegistered, at, personRegisteredPayload(name, doc, key_));
}

std::string BulkWriter::assignRole(const std::string& personId, const std::string& creditCode,
                                   Role role, const CivilDate& since, const std::string& at) {
    return append(kinds::kRoleAssigned, at, roleAssignedPayload(personId, creditCode, role, since));
}

std::string BulkWriter::recordTraining(const std::string& personId, const CivilDate& date,
                                       int hours, const std::string& kind, const std::string& topic,
                                       const std::string& at) {
    return append(kinds::kTrainingRecorded, at,
                  trainingRecordedPayload(personId, date, hours, kind, topic));
}

std::string BulkWriter::recordExam(const std::string& personId, const std::string& exam,
                                   ExamPart part, const CivilDate& date, int score,
                                   const std::string& at) {
    const ExamRule* rule = rules_.examFor(exam, date);
    if (!rule) throw LedgerError("no exam rule \"" + exam + "\" in force on " + date.iso());
    return append(kinds::kExamRecorded, at,
                  examRecordedPayload(personId, exam, part, date, score, *rule));
}

std::string BulkWriter::issueSpecialOpsCertificate(const std::string& personId,
                                                   const std::string& number,
                                                   const std::string& operation,
                                                   const CivilDate& issued, const std::string& at) {
    const auto id = number.size() > 1 && (number[0] == 'T' || number[0] == 't')
                        ? parseResidentId(number.substr(1), issued)
                        : IdentityParse{};
    if (!id.document && number.size() < 5)
        throw LedgerError("certificate number must have 5 to 32 characters");
    const auto certNumber =
        id.document ? residentCertificateNumber(*id.document) : printedCertificateNumber(number);
    return append(kinds::kCertificateIssued, at,
                  certificateIssuedPayload(personId, operation, certNumber, key_, issued));
}

std::string BulkWriter::recordCertificateReview(const std::string& certificateId,
                                                const CivilDate& date, const std::string& at) {
    return append(kinds::kCertificateReviewed, at, certificateReviewedPayload(certificateId, date));
}

}  // namespace drillbase::ledger
