// event_kinds.h — the kinds of ledger events and their payload fields: the vocabulary shared
// by the writers (ledger.h), the projections (projections.h) and the provincial import.
// Events are facts in the past tense. Dates are "YYYY-MM-DD", counts are integers
// (canonical_json.h). A person is referred to by person_id, the event id of the
// PersonRegistered event, never by the identity number.
#pragma once

// Every kind below may also carry "recorded_by": the login name of the signed-in user who
// entered it (users.h; Ledger::setRecordedBy). Absent for records made in local mode.
namespace drillbase::ledger::kinds {

// {credit_code, name, industry, region?, town?, supervision_level?, risk_colour?}
// (ledger.h OrganisationInput); the optional fields are absent when not given.
inline constexpr const char* kOrganisationRegistered = "OrganisationRegistered";
// {name, document_type, country, id_hash, id_masked, birth_date?}
inline constexpr const char* kPersonRegistered = "PersonRegistered";
// {person_id, credit_code, role, since}
inline constexpr const char* kRoleAssigned = "RoleAssigned";
// {person_id, date, hours, kind, topic, provider?, instructor?}; kind is one of
// training_kinds.h; provider (training body) and instructor are omitted when not given, so
// records made before they existed keep their exact form and hash.
inline constexpr const char* kTrainingRecorded = "TrainingRecorded";
// {person_id, exam, part: theory|practical, date, score, max_points, passed, rule}
inline constexpr const char* kExamRecorded = "ExamRecorded";
// {person_id, type: special_operations, operation, number_masked, number_hash, issued}
// The certificate is referred to by certificate_id, the event id of this event: its number
// embeds the identity number ("T" + 18 characters) and is kept only masked and hashed.
inline constexpr const char* kCertificateIssued = "CertificateIssued";
// {certificate_id, date}
inline constexpr const char* kCertificateReviewed = "CertificateReviewed";
// {certificate_id, date, reason}: revoked (撤销/吊销, Order No. 30 art. 30); final.
inline constexpr const char* kCertificateRevoked = "CertificateRevoked";
// {certificate_id, date, reason, until?}: suspended (暂扣) from date; until, when given, is the
// first day it is valid again. Not valid for work in between.
inline constexpr const char* kCertificateSuspended = "CertificateSuspended";
// {certificate_id, date, reason}: the suspension in force on date is lifted from that day.
inline constexpr const char* kCertificateReinstated = "CertificateReinstated";
// {certificate_id, date, reason}: cancelled (注销, Order No. 30 art. 31: death, the holder's
// request, or after a revocation); final.
inline constexpr const char* kCertificateCancelled = "CertificateCancelled";
// {person_id, kind: drill|quiz, title, reference, date, score_tenths, pass_tenths, passed,
//  attempt, grade, source_hash, complete}: a drill's or quiz's result (common/assessment.h);
// source_hash names the drill log or quiz paper it can be re-verified from.
inline constexpr const char* kAssessmentRecorded = "AssessmentRecorded";
// {event_id, reason}: the compensating event. History is never edited; a wrong record is
// voided by this event and, where needed, recorded again correctly.
inline constexpr const char* kEventVoided = "EventVoided";

}  // namespace drillbase::ledger::kinds
