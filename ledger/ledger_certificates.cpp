// ledger_certificates.cpp — the special-operations certificate part of Ledger
// (特种作业人员安全技术培训考核管理规定, SAWS Order No. 30).
#include "ledger/event_kinds.h"
#include "ledger/event_payloads.h"
#include "ledger/id_number.h"
#include "ledger/ledger.h"

namespace drillbase::ledger {

namespace {

std::optional<CivilDate> dateOrNull(const Statement& st, int col) {
    if (st.columnIsNull(col)) return std::nullopt;
    return parseIsoDate(st.columnText(col));
}

}  // namespace

const SpecialOpsCertificateRule& Ledger::specialOpsRule(const CivilDate& on) const {
    const auto* rule = rules_.specialOpsOn(on);
    if (!rule) throw LedgerError("no special-operations certificate rule in force on " + on.iso());
    return *rule;
}

std::string Ledger::issueSpecialOpsCertificate(const std::string& personId,
                                               const std::string& number,
                                               const std::string& operation,
                                               const CivilDate& issued, const std::string& at) {
    requirePerson(personId);
    if (operation.empty()) throw LedgerError("name the operation the certificate covers");
    specialOpsRule(issued);
    const ExamRule* exam = rules_.examFor("special_operations", issued);
    if (!exam) throw LedgerError("no special-operations exam rule in force on " + issued.iso());

    // Every part passed by the issue date; the passes count for passValidMonths.
    for (const auto& part : exam->partsInOrder) {
        auto st = db_.prepare(
            "SELECT MAX(on_date) FROM assessments WHERE person_id = ? AND exam = ? AND part = ? "
            "AND passed = 1 AND on_date <= ?");
        st.bind(1, personId).bind(2, std::string("special_operations")).bind(3, part);
        st.bind(4, issued.iso());
        st.step();
        const auto passed = dateOrNull(st, 0);
        if (!passed)
            throw LedgerError("no passed " + part + " exam by " + issued.iso() +
                              ": the certificate cannot be issued");
        if (exam->passValidMonths > 0 && passed->addMonths(exam->passValidMonths) <= issued)
            throw LedgerError("the " + part + " pass of " + passed->iso() + " is older than " +
                              std::to_string(exam->passValidMonths) + " months");
    }

    // The number is "T" + identity number (Order No. 30); it must be this person's.
    std::string idHash, documentType;
    {
        auto st = db_.prepare("SELECT id_hash, document_type FROM people WHERE person_id = ?");
        st.bind(1, personId);
        st.step();
        idHash = st.columnText(0);
        documentType = st.columnText(1);
    }
    CertificateNumber certNumber;
    if (documentType == "resident_id") {
        if (number.size() < 2 || (number[0] != 'T' && number[0] != 't'))
            throw LedgerError(
                "a special-operations certificate number is T followed by the "
                "holder's identity number");
        const auto id = parseResidentId(number.substr(1), issued);
        if (!id.document) throw LedgerError("certificate number: " + id.error);
        if (lookupHash(*id.document, key_) != idHash)
            throw LedgerError("certificate number " + maskIdNumber(id.document->number) +
                              " does not carry this person's identity number");
        certNumber = residentCertificateNumber(*id.document);
    } else {
        for (const char c : number)
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                throw LedgerError("certificate number may contain only letters and digits");
        if (number.size() < 5 || number.size() > 32)
            throw LedgerError("certificate number must have 5 to 32 characters");
        certNumber = printedCertificateNumber(number);
    }
    const auto numberHash = certificateNumberHash(certNumber, key_);
    {
        auto st = db_.prepare("SELECT certificate_id FROM certificates WHERE number_hash = ?");
        st.bind(1, numberHash);
        if (st.step())
            throw LedgerError("certificate " + certNumber.masked + " is already recorded as " +
                              st.columnText(0));
    }
    return append(kinds::kCertificateIssued, at,
                  certificateIssuedPayload(personId, operation, certNumber, key_, issued));
}

Ledger::CertificateRow Ledger::loadCertificate(const std::string& certificateId) {
    const auto summary = readCertificate(db_, certificateId);
    if (!summary) throw LedgerError("no certificate " + certificateId + " in the ledger");
    CertificateRow row;
    row.personId = summary->personId;
    row.history = readCertificateHistory(db_, certificateId);
    row.cert = specialOpsCertificateFrom(row.history);
    row.cert.issued = summary->issued;
    return row;
}

CertificateStatus Ledger::certificateStatus(const std::string& certificateId, const CivilDate& on) {
    const auto row = loadCertificate(certificateId);
    return specialOpsStatus(row.cert, specialOpsRule(on), on);
}

std::vector<CertificateChange> Ledger::certificateHistory(const std::string& certificateId) {
    return loadCertificate(certificateId).history;
}

void Ledger::requireInOrder(const CertificateRow& row, const CivilDate& date, const char* what) {
    CivilDate last = row.cert.issued;
    std::string lastChange(kChangeIssued);
    for (const auto& c : row.history)
        if (c.change != kChangeReviewed && last <= c.date) {
            last = c.date;
            lastChange = c.change;
        }
    if (date < last)
        throw LedgerError(std::string(what) + " dated " + date.iso() +
                          ", before the certificate's " + "last change (" + lastChange + " on " +
                          last.iso() + "): record changes in the order they happened");
}

std::string Ledger::recordCertificateReview(const std::string& certificateId, const CivilDate& date,
                                            const std::string& at) {
    const auto row = loadCertificate(certificateId);
    const auto& rule = specialOpsRule(date);
    const auto status = specialOpsStatus(row.cert, rule, date);
    if (status.state == CertificateState::Suspended)
        throw LedgerError("certificate " + certificateId + " is suspended on " + date.iso() +
                          ": reinstate it before recording a review (" + status.explanation + ")");
    if (status.state != CertificateState::ReviewDue)
        throw LedgerError("no review can be recorded on " + date.iso() + ": " + status.explanation);
    // Review training since the issue or the last review (Order No. 30 art. 23: at least 8
    // class hours): the records whose kind counts toward review hours on their date
    // (content/training-kinds.json).
    CivilDate since = row.cert.issued;
    for (const auto& d : row.cert.reviewsPassed) since = std::max(since, d);
    auto st = db_.prepare(
        "SELECT kind, on_date, hours FROM training WHERE person_id = ? AND on_date > ? "
        "AND on_date <= ?");
    st.bind(1, row.personId).bind(2, since.iso()).bind(3, date.iso());
    std::int64_t hours = 0;
    while (st.step()) {
        const auto on = parseIsoDate(st.columnText(1));
        if (on && trainingKinds_.countsAs(st.columnText(0), *on) == TrainingCount::ReviewHours)
            hours += st.columnInt(2);
    }
    if (hours < rule.reviewTrainingHours)
        throw LedgerError("review training: " + std::to_string(hours) + " of " +
                          std::to_string(rule.reviewTrainingHours) + " class hours since " +
                          since.iso() + ", short by " +
                          std::to_string(rule.reviewTrainingHours - hours));
    return append(kinds::kCertificateReviewed, at, certificateReviewedPayload(certificateId, date));
}

namespace {

// Revoked (art. 30) and cancelled (art. 31) certificates never come back.
void refuseIfFinal(const std::string& certificateId, const SpecialOpsCertificate& cert,
                   const char* what) {
    if (cert.cancelled)
        throw LedgerError(std::string(what) + " refused: certificate " + certificateId +
                          " was cancelled on " + cert.cancelled->iso() + ", which is final");
    if (cert.revoked)
        throw LedgerError(std::string(what) + " refused: certificate " + certificateId +
                          " was revoked on " + cert.revoked->iso() + ", which is final");
}

void requireReason(const std::string& reason, const char* what) {
    if (reason.empty()) throw LedgerError(std::string("reason is empty: ") + what + " needs one");
}

}  // namespace

std::string Ledger::revokeCertificate(const std::string& certificateId, const CivilDate& date,
                                      const std::string& reason, const std::string& at) {
    const auto row = loadCertificate(certificateId);
    requireReason(reason, "a revocation (Order No. 30 art. 30)");
    if (row.cert.cancelled)
        throw LedgerError("certificate " + certificateId + " was cancelled on " +
                          row.cert.cancelled->iso() + ", which is final");
    if (row.cert.revoked)
        throw LedgerError("certificate " + certificateId + " was already revoked on " +
                          row.cert.revoked->iso());
    if (date < row.cert.issued) throw LedgerError("revocation dated before the issue date");
    requireInOrder(row, date, "revocation");
    return append(kinds::kCertificateRevoked, at,
                  certificateStatusChangePayload(certificateId, date, reason));
}

std::string Ledger::suspendCertificate(const std::string& certificateId, const CivilDate& date,
                                       const std::string& reason,
                                       const std::optional<CivilDate>& until,
                                       const std::string& at) {
    const auto row = loadCertificate(certificateId);
    requireReason(reason, "a suspension");
    refuseIfFinal(certificateId, row.cert, "suspension");
    if (until && *until <= date)
        throw LedgerError("until: " + until->iso() + " is not after the suspension date " +
                          date.iso() + " (until is the first day the certificate is valid again)");
    requireInOrder(row, date, "suspension");
    const auto status = specialOpsStatus(row.cert, specialOpsRule(date), date);
    if (status.state == CertificateState::Suspended)
        throw LedgerError("certificate " + certificateId + " is already " + status.explanation);
    if (status.state != CertificateState::Valid && status.state != CertificateState::ReviewDue)
        throw LedgerError("certificate " + certificateId + " is not valid on " + date.iso() +
                          ", nothing to suspend: " + status.explanation);
    return append(kinds::kCertificateSuspended, at,
                  certificateStatusChangePayload(certificateId, date, reason, until));
}

std::string Ledger::reinstateCertificate(const std::string& certificateId, const CivilDate& date,
                                         const std::string& reason, const std::string& at) {
    const auto row = loadCertificate(certificateId);
    requireReason(reason, "a reinstatement");
    refuseIfFinal(certificateId, row.cert, "reinstatement");
    requireInOrder(row, date, "reinstatement");
    const auto status = specialOpsStatus(row.cert, specialOpsRule(date), date);
    if (status.state != CertificateState::Suspended)
        throw LedgerError("certificate " + certificateId + " is not suspended on " + date.iso() +
                          ", nothing to reinstate (" +
                          std::string(certificateStateName(status.state)) + ": " +
                          status.explanation + ")");
    return append(kinds::kCertificateReinstated, at,
                  certificateStatusChangePayload(certificateId, date, reason));
}

std::string Ledger::cancelCertificate(const std::string& certificateId, const CivilDate& date,
                                      const std::string& reason, const std::string& at) {
    const auto row = loadCertificate(certificateId);
    requireReason(reason, "a cancellation (Order No. 30 art. 31)");
    // A revoked certificate is still cancelled afterwards (art. 31(3)); a cancelled one is gone.
    if (row.cert.cancelled)
        throw LedgerError("certificate " + certificateId + " was already cancelled on " +
                          row.cert.cancelled->iso());
    if (date < row.cert.issued) throw LedgerError("cancellation dated before the issue date");
    requireInOrder(row, date, "cancellation");
    return append(kinds::kCertificateCancelled, at,
                  certificateStatusChangePayload(certificateId, date, reason));
}

}  // namespace drillbase::ledger
