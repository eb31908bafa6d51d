#include "ledger/event_payloads.h"

#include "ledger/id_number.h"
#include "ledger/ledger.h"
#include "ledger/text_rules.h"

namespace drillbase::ledger {

namespace {

// Every text that goes into an event passes the rules of text_rules.h here, the one place both
// Ledger and BulkWriter build payloads, so neither path can store a text the other refuses.
void requireText(const char* label, const std::string& value, TextField field) {
    if (const auto problem = textProblem(value, field))
        throw LedgerError(std::string(label) + " " + *problem);
}

}  // namespace

nlohmann::json organisationRegisteredPayload(const OrganisationInput& o) {
    requireText("organisation name", o.name, TextField::OrganisationName);
    requireText("organisation town", o.town, TextField::ShortText);
    nlohmann::json p = {{"credit_code", o.creditCode}, {"name", o.name}, {"industry", o.industry}};
    if (!o.region.empty()) p["region"] = o.region;
    if (!o.town.empty()) p["town"] = o.town;
    if (!o.supervisionLevel.empty()) p["supervision_level"] = o.supervisionLevel;
    if (!o.riskColour.empty()) p["risk_colour"] = o.riskColour;
    return p;
}

nlohmann::json personRegisteredPayload(const std::string& name, const IdentityDocument& doc,
                                       const LookupKey& key) {
    requireText("person name", name, TextField::PersonName);
    nlohmann::json p = {{"name", name},
                        {"document_type", documentTypeName(doc.type)},
                        {"country", doc.country},
                        {"id_hash", lookupHash(doc, key)},
                        {"id_masked", maskDocument(doc)}};
    if (doc.birthDate) p["birth_date"] = doc.birthDate->iso();
    return p;
}

nlohmann::json roleAssignedPayload(const std::string& personId, const std::string& creditCode,
                                   Role role, const CivilDate& since) {
    return {{"person_id", personId},
            {"credit_code", creditCode},
            {"role", roleName(role)},
            {"since", since.iso()}};
}

nlohmann::json trainingRecordedPayload(const std::string& personId, const CivilDate& date,
                                       int hours, const std::string& kind, const std::string& topic,
                                       const std::string& provider, const std::string& instructor) {
    requireText("training topic", topic, TextField::FreeText);
    requireText("training provider", provider, TextField::ShortText);
    requireText("training instructor", instructor, TextField::ShortText);
    nlohmann::json p = {{"person_id", personId},
                        {"date", date.iso()},
                        {"hours", hours},
                        {"kind", kind},
                        {"topic", topic}};
    if (!provider.empty()) p["provider"] = provider;
    if (!instructor.empty()) p["instructor"] = instructor;
    return p;
}

nlohmann::json examRecordedPayload(const std::string& personId, const std::string& exam,
                                   ExamPart part, const CivilDate& date, int score,
                                   const ExamRule& rule) {
    return {{"person_id", personId},
            {"exam", exam},
            {"part", std::string(examPartName(part))},
            {"date", date.iso()},
            {"score", score},
            {"max_points", rule.maxPoints},
            {"passed", score >= rule.passPoints},
            {"rule", rule.meta.id}};
}

CertificateNumber residentCertificateNumber(const IdentityDocument& doc) {
    // Appended, not `"T" + ...`: that form trips GCC 12's false -Wrestrict warning.
    CertificateNumber n;
    n.normalized = 'T';
    n.normalized += doc.number;
    n.masked = 'T';
    n.masked += maskIdNumber(doc.number);
    return n;
}

CertificateNumber printedCertificateNumber(const std::string& number) {
    const std::size_t shown = number.size() < 3 ? number.size() : 3;
    return {number, std::string(number.size() - shown, '*') + number.substr(number.size() - shown)};
}

std::string certificateNumberHash(const CertificateNumber& n, const LookupKey& key) {
    return keyedHash("special_operations_certificate|" + n.normalized, key);
}

nlohmann::json certificateIssuedPayload(const std::string& personId, const std::string& operation,
                                        const CertificateNumber& number, const LookupKey& key,
                                        const CivilDate& issued) {
    return {{"person_id", personId},
            {"type", "special_operations"},
            {"operation", operation},
            {"number_masked", number.masked},
            {"number_hash", certificateNumberHash(number, key)},
            {"issued", issued.iso()}};
}

nlohmann::json certificateReviewedPayload(const std::string& certificateId, const CivilDate& date) {
    return {{"certificate_id", certificateId}, {"date", date.iso()}};
}

nlohmann::json certificateStatusChangePayload(const std::string& certificateId,
                                              const CivilDate& date, const std::string& reason,
                                              const std::optional<CivilDate>& until) {
    requireText("reason", reason, TextField::FreeText);
    nlohmann::json p = {
        {"certificate_id", certificateId}, {"date", date.iso()}, {"reason", reason}};
    if (until) p["until"] = until->iso();
    return p;
}

nlohmann::json eventVoidedPayload(const std::string& eventId, const std::string& reason) {
    requireText("reason", reason, TextField::FreeText);
    return {{"event_id", eventId}, {"reason", reason}};
}

}  // namespace drillbase::ledger
