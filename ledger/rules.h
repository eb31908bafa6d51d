// rules.h — the certification rules of content/certification-rules.json as typed values.
// Rules are data because they change by order and by province; each entry carries its id,
// the dates it is in force and its source article, so a compliance answer can say which
// rule (and which version of it) it applied. A changed rule is a new entry with the same id
// and a later effective_from; lookups pick the entry in force on the date asked about.
#pragma once

#include "ledger/civil_date.h"
#include "ledger/content_reader.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger {

// OrdinaryWorker: an employee past the new-worker stage (一般从业人员). The induction hours
// still count (安全生产法 art. 28: no work before training), and in high-risk industries the
// annual retraining of the new-worker rule applies; content/certification-rules.json lists
// both roles on those rules.
enum class Role {
    PrincipalPerson,
    SafetyManager,
    NewWorker,
    SpecialOperationsWorker,
    OrdinaryWorker
};
std::string_view roleName(Role r);  // "principal_person", ...
std::optional<Role> roleFromName(std::string_view name);
// "principal_person, safety_manager, ...": every role name, for messages that list them.
std::string allRoleNames();

enum class IndustryClass { General, HighRisk };

struct RuleSource {
    std::string document;
    std::string article;    // may be empty while unconfirmed
    bool verified = false;  // checked against the official text
    std::string note;
};

struct RuleMeta {
    std::string id;
    CivilDate effectiveFrom;
    std::optional<CivilDate> effectiveUntil;  // inclusive
    RuleSource source;
    bool inForceOn(const CivilDate& d) const {
        return effectiveFrom <= d && (!effectiveUntil || d <= *effectiveUntil);
    }
};

// 生产经营单位安全培训规定 art. 9 (principal persons, safety managers) and art. 13 (new workers).
struct TrainingHoursRule {
    RuleMeta meta;
    std::vector<Role> roles;
    IndustryClass industryClass = IndustryClass::General;
    int initialHours = 0;
    int annualHours = 0;  // 0: no annual refresher set by this rule
};

struct ExamRule {
    RuleMeta meta;
    std::string appliesTo;  // "special_operations", "high_risk_principal"
    int maxPoints = 100;
    int passPoints = 80;
    int makeups = 1;
    std::vector<std::string> partsInOrder;  // "theory" before "practical"
    int passValidMonths = 0;                // 0: no limit
};

// 特种作业人员安全技术培训考核管理规定 (SAWS Order No. 30).
struct SpecialOpsCertificateRule {
    RuleMeta meta;
    int validYears = 6;
    int reviewIntervalYears = 3;
    int reviewWindowDays = 60;
    int reviewTrainingHours = 8;
    int extendedReviewIntervalYears = 6;
    int extensionAfterYears = 10;
    int offPostReexamMonths = 6;
};

// 安全生产知识和管理能力考核合格证 of high-risk principal persons and safety managers.
struct PrincipalCertificateRule {
    RuleMeta meta;
    int validYears = 3;
    int renewWindowDays = 60;
};

struct CertificationRules {
    std::string version;
    std::vector<TrainingHoursRule> trainingHours;
    std::vector<ExamRule> exams;
    std::vector<SpecialOpsCertificateRule> specialOps;
    std::vector<PrincipalCertificateRule> principalCertificates;

    // The entry in force on `on`, or nullptr when none is.
    const TrainingHoursRule* trainingHoursFor(Role role, IndustryClass cls,
                                              const CivilDate& on) const;
    const ExamRule* examFor(std::string_view appliesTo, const CivilDate& on) const;
    const SpecialOpsCertificateRule* specialOpsOn(const CivilDate& on) const;
    const PrincipalCertificateRule* principalCertificateOn(const CivilDate& on) const;
};

struct RulesLoad {
    std::optional<CertificationRules> rules;
    std::vector<ContentIssue> issues;
};

// Validates a parsed rules document, reporting every problem with its JSON pointer:
// missing or mistyped fields, unknown fields, impossible values (pass mark above the maximum,
// review interval longer than the validity) and two versions of one rule in force at once.
RulesLoad readCertificationRules(const nlohmann::json& doc);
// Reads content/certification-rules.json (or another file); throws ContentError.
CertificationRules loadCertificationRulesFile(const std::filesystem::path& file);

}  // namespace drillbase::ledger
