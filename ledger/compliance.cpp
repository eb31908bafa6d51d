#include "ledger/compliance.h"

#include <algorithm>

namespace drillbase::ledger {

std::string_view certificateStateName(CertificateState s) {
    switch (s) {
        case CertificateState::NotYetValid: return "not_yet_valid";
        case CertificateState::Valid: return "valid";
        case CertificateState::ReviewDue: return "review_due";
        case CertificateState::ReviewMissed: return "review_missed";
        case CertificateState::Expired: return "expired";
        case CertificateState::Suspended: return "suspended";
        case CertificateState::Revoked: return "revoked";
        case CertificateState::Cancelled: return "cancelled";
    }
    return "";
}

namespace {

// A suspension in force on `on` overrides a valid or review-due answer; it neither stops nor
// extends the validity and review dates, which keep running (s.expires, s.nextReview).
void applySuspension(CertificateStatus& s, const SpecialOpsCertificate& cert, const CivilDate& on) {
    for (const auto& k : cert.suspensions) {
        if (on < k.from || (k.until && *k.until <= on)) continue;
        const std::string dueNote = s.state == CertificateState::ReviewDue
                                        ? "; " + s.explanation + ", once reinstated"
                                        : std::string();
        s.state = CertificateState::Suspended;
        s.explanation =
            "suspended since " + k.from.iso() +
            (k.reason.empty() ? std::string() : " (" + k.reason + ")") + ": not valid for work " +
            (k.until ? "before " + k.until->iso() : std::string("until reinstated")) + dueNote;
        return;
    }
}

}  // namespace

CertificateStatus specialOpsStatus(const SpecialOpsCertificate& cert,
                                   const SpecialOpsCertificateRule& rule, const CivilDate& on) {
    CertificateStatus s;
    s.ruleId = rule.meta.id;
    s.expires = cert.issued.addYears(rule.validYears);
    if (cert.offPostSince && cert.offPostSince->addMonths(rule.offPostReexamMonths) <= on)
        s.practicalReexamRequired = true;

    if (on < cert.issued) {
        s.state = CertificateState::NotYetValid;
        s.explanation = "issued on " + cert.issued.iso() + ", after " + on.iso();
        return s;
    }
    // Cancellation (art. 31) may follow a revocation (art. 31(3)), so it is looked at first.
    if (cert.cancelled && *cert.cancelled <= on) {
        s.state = CertificateState::Cancelled;
        s.explanation = "cancelled on " + cert.cancelled->iso();
        return s;
    }
    if (cert.revoked && *cert.revoked <= on) {
        s.state = CertificateState::Revoked;
        s.explanation = "revoked on " + cert.revoked->iso();
        return s;
    }
    if (on >= s.expires) {
        s.state = CertificateState::Expired;
        s.explanation = "valid " + std::to_string(rule.validYears) + " years from " +
                        cert.issued.iso() + ": expired on " + s.expires.iso() + " (" +
                        rule.meta.id + ")";
        return s;
    }
    // Review dates fall every interval years after issue (art. 19), or every
    // extended interval once the authority has granted the extension (art. 21). A review
    // counts for a date when it was passed inside the window before that date (art. 20), and
    // only from the day it was passed: the status is the one on the day asked about.
    const int interval =
        cert.reviewExtended ? rule.extendedReviewIntervalYears : rule.reviewIntervalYears;
    for (int k = 1;; ++k) {
        const CivilDate due = cert.issued.addYears(interval * k);
        const bool isExpiry = due >= s.expires;
        const CivilDate milestone = isExpiry ? s.expires : due;
        const CivilDate windowOpens = milestone.addDays(-rule.reviewWindowDays);
        const bool reviewed =
            !isExpiry && std::any_of(cert.reviewsPassed.begin(), cert.reviewsPassed.end(),
                                     [&](const CivilDate& d) {
                                         return windowOpens <= d && d <= due && d <= on;
                                     });
        if (reviewed) continue;  // this review is done; look at the next one
        if (!isExpiry && due <= on) {
            s.state = CertificateState::ReviewMissed;
            s.nextReview = due;
            s.explanation = "review due on " + due.iso() + " was not passed within the " +
                            std::to_string(rule.reviewWindowDays) +
                            " days before it: the certificate is void (" + rule.meta.id + ")";
            return s;
        }
        s.nextReview = milestone;
        s.daysToNextReview = static_cast<int>(daysBetween(on, milestone));
        if (on >= windowOpens) {
            s.state = CertificateState::ReviewDue;
            s.explanation = std::string(isExpiry ? "renewal" : "review") + " due on " +
                            milestone.iso() + ", in " + std::to_string(s.daysToNextReview) +
                            " day(s); apply now (window opened " + windowOpens.iso() + ", " +
                            rule.meta.id + ")";
        } else {
            s.state = CertificateState::Valid;
            s.explanation = "valid until " + s.expires.addDays(-1).iso() + "; next " +
                            (isExpiry ? "renewal" : "review") + " due " + milestone.iso() + " (" +
                            rule.meta.id + ")";
        }
        applySuspension(s, cert, on);
        return s;
    }
}

CertificateStatus principalCertificateStatus(const CivilDate& issued,
                                             const PrincipalCertificateRule& rule,
                                             const CivilDate& on) {
    CertificateStatus s;
    s.ruleId = rule.meta.id;
    s.expires = issued.addYears(rule.validYears);
    s.nextReview = s.expires;
    s.daysToNextReview = static_cast<int>(daysBetween(on, s.expires));
    const CivilDate windowOpens = s.expires.addDays(-rule.renewWindowDays);
    if (on < issued) {
        s.state = CertificateState::NotYetValid;
        s.explanation = "issued on " + issued.iso() + ", after " + on.iso();
    } else if (on >= s.expires) {
        s.state = CertificateState::Expired;
        s.explanation = "valid " + std::to_string(rule.validYears) + " years from " + issued.iso() +
                        ": expired on " + s.expires.iso() + " (" + rule.meta.id + ")";
    } else if (on >= windowOpens) {
        s.state = CertificateState::ReviewDue;
        s.explanation = "renewal due by " + s.expires.iso() + ", in " +
                        std::to_string(s.daysToNextReview) + " day(s) (" + rule.meta.id + ")";
    } else {
        s.state = CertificateState::Valid;
        s.explanation = "valid until " + s.expires.addDays(-1).iso() + " (" + rule.meta.id + ")";
    }
    return s;
}

namespace {

HoursCheck sumAgainst(const TrainingHoursRule* rule, int required,
                      const std::vector<TrainingRecord>& records, bool initial,
                      const CivilDate& from, const CivilDate& on, const char* what) {
    HoursCheck c;
    if (!rule) {
        c.explanation = std::string("no ") + what + " rule in force on " + on.iso();
        return c;
    }
    c.ruleFound = true;
    c.ruleId = rule->meta.id;
    c.required = required;
    for (const auto& r : records)
        if (r.initial == initial && from <= r.date && r.date <= on) c.completed += r.hours;
    c.shortBy = std::max(0, c.required - c.completed);
    c.explanation = std::string(what) + ": " + std::to_string(c.completed) + " of " +
                    std::to_string(c.required) + " class hours" +
                    (c.shortBy ? ", short by " + std::to_string(c.shortBy) : "") + " (" +
                    rule->meta.id + ", " + rule->meta.source.article + ")";
    return c;
}

}  // namespace

HoursCheck checkInitialTraining(const CertificationRules& rules, Role role, IndustryClass cls,
                                const std::vector<TrainingRecord>& records, const CivilDate& on) {
    const auto* rule = rules.trainingHoursFor(role, cls, on);
    return sumAgainst(rule, rule ? rule->initialHours : 0, records, true, CivilDate{1, 1, 1}, on,
                      "initial training");
}

HoursCheck checkAnnualTraining(const CertificationRules& rules, Role role, IndustryClass cls,
                               const std::vector<TrainingRecord>& records, const CivilDate& on) {
    const auto* rule = rules.trainingHoursFor(role, cls, on);
    return sumAgainst(rule, rule ? rule->annualHours : 0, records, false, CivilDate{on.year, 1, 1},
                      on, "annual refresher training");
}

}  // namespace drillbase::ledger
