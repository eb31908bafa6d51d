// event_payloads.h — the payload of each ledger event kind (event_kinds.h), built in one place.
// Ledger (checked, one record at a time) and BulkWriter (one transaction for many) must write
// byte-identical events, or the chain would depend on which path recorded a fact.
// For the same reason the text rules (text_rules.h) are applied here: a name or text that
// breaks them is refused with LedgerError ("person name contains U+001B at character 2, ...").
#pragma once

#include "ledger/civil_date.h"
#include "ledger/identity_document.h"
#include "ledger/rules.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace drillbase::ledger {

enum class ExamPart;

struct OrganisationInput;
// The optional fields (region, town, supervision_level, risk_colour) only when given.
nlohmann::json organisationRegisteredPayload(const OrganisationInput& o);
nlohmann::json personRegisteredPayload(const std::string& name, const IdentityDocument& doc,
                                       const LookupKey& key);
nlohmann::json roleAssignedPayload(const std::string& personId, const std::string& creditCode,
                                   Role role, const CivilDate& since);
// provider and instructor are left out of the payload when empty (event_kinds.h).
nlohmann::json trainingRecordedPayload(const std::string& personId, const CivilDate& date,
                                       int hours, const std::string& kind, const std::string& topic,
                                       const std::string& provider = {},
                                       const std::string& instructor = {});
nlohmann::json examRecordedPayload(const std::string& personId, const std::string& exam,
                                   ExamPart part, const CivilDate& date, int score,
                                   const ExamRule& rule);

// A special-operations certificate number as stored: never in the clear, only masked and as a
// keyed hash. "T" + identity number for residents (Order No. 30); a passport holder's number
// as printed.
struct CertificateNumber {
    std::string normalized;  // hashed, never stored
    std::string masked;
};
CertificateNumber residentCertificateNumber(const IdentityDocument& doc);
CertificateNumber printedCertificateNumber(const std::string& number);
std::string certificateNumberHash(const CertificateNumber& n, const LookupKey& key);
nlohmann::json certificateIssuedPayload(const std::string& personId, const std::string& operation,
                                        const CertificateNumber& number, const LookupKey& key,
                                        const CivilDate& issued);
// A correction: the voided event's id and why (text rules as any other free text).
nlohmann::json eventVoidedPayload(const std::string& eventId, const std::string& reason);
nlohmann::json certificateReviewedPayload(const std::string& certificateId, const CivilDate& date);
// CertificateRevoked, CertificateSuspended (with `until`), CertificateReinstated and
// CertificateCancelled: {certificate_id, date, reason, until?}.
nlohmann::json certificateStatusChangePayload(const std::string& certificateId,
                                              const CivilDate& date, const std::string& reason,
                                              const std::optional<CivilDate>& until = {});

}  // namespace drillbase::ledger
