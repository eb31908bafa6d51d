// compliance.h — answers to "is this person in order on this date?" from recorded facts and
// the rules in force. Pure functions: facts and the date come in, an explained answer goes
// out, so an official can see which rule and which figures gave the answer.
#pragma once

#include "ledger/civil_date.h"
#include "ledger/rules.h"

#include <optional>
#include <string>
#include <vector>

namespace drillbase::ledger {

// --- special-operations certificates (特种作业操作证, SAWS Order No. 30) ---

struct SpecialOpsCertificate {
    CivilDate issued;
    std::vector<CivilDate> reviewsPassed;  // dates a review (复审) was passed
    // The issuing authority extended the review period after 10 years without violation.
    bool reviewExtended = false;
    std::optional<CivilDate> revoked;    // art. 30 (撤销/吊销): final
    std::optional<CivilDate> cancelled;  // art. 31 (注销: death, own request): final
    // Suspensions (暂扣, an administrative penalty under 行政处罚法 art. 9), oldest first: not
    // valid for work on days from <= d < until. `until` is the first day it is valid again:
    // the end the suspension was given, or the reinstatement date when it was lifted earlier;
    // none while it runs until a reinstatement.
    struct Suspension {
        CivilDate from;
        std::optional<CivilDate> until;
        std::string reason;
    };
    std::vector<Suspension> suspensions;
    std::optional<CivilDate> offPostSince;  // left the post on this date and has not returned
};

enum class CertificateState {
    NotYetValid,  // the date asked about is before issue
    Valid,
    ReviewDue,     // a review (or, at the end, renewal) falls due within the window
    ReviewMissed,  // a review date passed without a review: the certificate is void
    Expired,
    Suspended,  // suspended on the date: not valid for work until reinstated or the end date
    Revoked,    // final
    Cancelled,  // final
};

std::string_view certificateStateName(CertificateState s);  // "valid", "review_due", ...

struct CertificateStatus {
    CertificateState state = CertificateState::Valid;
    CivilDate expires;                    // first day it is no longer valid
    std::optional<CivilDate> nextReview;  // next review date (the expiry when none before it)
    int daysToNextReview = 0;
    // Away from the post at least off_post_reexam_months: practical exam again before work
    // (art. 32). Independent of the state: the certificate may be valid while the person may
    // not work under it yet.
    bool practicalReexamRequired = false;
    std::string ruleId;
    std::string explanation;  // English, names the dates and the rule
};

CertificateStatus specialOpsStatus(const SpecialOpsCertificate& cert,
                                   const SpecialOpsCertificateRule& rule, const CivilDate& on);

// --- 安全生产知识和管理能力考核合格证 of high-risk principal persons and safety managers ---

// Valid, renewal due within the renewal window, or expired; issued on `issued`.
CertificateStatus principalCertificateStatus(const CivilDate& issued,
                                             const PrincipalCertificateRule& rule,
                                             const CivilDate& on);

// --- training hours (生产经营单位安全培训规定 art. 9 and 13) ---

struct TrainingRecord {
    CivilDate date;
    int hours = 0;        // class hours
    bool initial = true;  // initial (岗前/初次) training, else annual refresher (再培训)
};

struct HoursCheck {
    bool ruleFound = false;
    int required = 0;
    int completed = 0;
    int shortBy = 0;  // 0 when complete
    std::string ruleId;
    bool ok() const { return ruleFound && shortBy == 0; }
    std::string explanation;
};

// Initial training completed by `on`.
HoursCheck checkInitialTraining(const CertificationRules& rules, Role role, IndustryClass cls,
                                const std::vector<TrainingRecord>& records, const CivilDate& on);
// Annual refresher hours within the calendar year of `on`, up to `on`, against the annual
// figure in force on `on`. A rule without an annual figure is reported as complete.
HoursCheck checkAnnualTraining(const CertificationRules& rules, Role role, IndustryClass cls,
                               const std::vector<TrainingRecord>& records, const CivilDate& on);

}  // namespace drillbase::ledger
