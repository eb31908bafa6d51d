// person_compliance.h — the compliance engine of the officials' screens: for a person or an
// organisation's roster on a date, what is required, what is missing or overdue, what falls
// due within N days, and whether the person may hold the post.
// Built on the pure rule functions of compliance.h (hours, certificate status) and the rules
// in force on the date asked about; the facts come from the derived tables (projections.h),
// so the answer is what the hash-chained events say. Every requirement names the rule id and
// the figures and dates that decided it, in English, so a clerk can check it by hand.
#pragma once

#include "ledger/civil_date.h"
#include "ledger/compliance.h"
#include "ledger/industries.h"
#include "ledger/rules.h"
#include "ledger/sqlite_db.h"
#include "ledger/training_kinds.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger {

enum class RequirementState {
    Met,
    Missing,  // not (yet) fulfilled: hours short, no certificate, a re-examination needed
    Overdue,  // was fulfilled and has lapsed: certificate expired or a review date missed
    DueSoon,  // fulfilled today, but a review, renewal or expiry falls within the N days
    NotApplicable,
};
std::string_view requirementStateName(RequirementState s);  // "met", "missing", ...

struct Requirement {
    std::string role;        // roleName(): "principal_person", "special_operations_worker", ...
    std::string creditCode;  // the organisation of that role (its industry sets the hours)
    // "initial_hours", "annual_hours", "special_ops_certificate", "principal_certificate",
    // "practical_reexam"
    std::string item;
    RequirementState state = RequirementState::Met;
    std::string ruleId;
    std::string detail;               // English, names the figures and dates
    std::optional<CivilDate> due;     // when it falls (or fell) due, where there is such a date
    int required = 0, completed = 0;  // class hours for the hours items
    std::string certificateId;        // the certificate items, when one is held
};

struct PersonRole {
    std::string creditCode, orgName, industry, role;
    CivilDate since;
    bool highRisk = false;
};

struct PersonCompliance {
    std::string personId, name, idMasked;  // idMasked: never the full number
    // false when a special-operations worker has no valid certificate or needs a practical
    // re-examination (SAWS Order No. 30 art. 5, 32), or a principal person, safety manager or
    // new worker lacks the initial training hours (安全生产法 art. 27, 28).
    bool mayHoldPost = true;
    std::vector<PersonRole> roles;  // roles held on the date (since <= date)
    std::vector<Requirement> requirements;
    // The worst state among the requirements: Overdue, then Missing, DueSoon, Met.
    RequirementState worst() const;
};

class ComplianceReader {
public:
    // Reads the derived tables of `db` (a ledger whose projections are caught up); which
    // training records count toward which hours is `kinds`' (Ledger::trainingKinds()). Keeps
    // references to all four: they must outlive the reader.
    ComplianceReader(SqliteDb& db, const CertificationRules& rules, const TrainingKindList& kinds,
                     const IndustryList& industries);

    // nullopt for an unknown person. withinDays: 0..3660 (a review or expiry within that many
    // days from `on` is DueSoon).
    std::optional<PersonCompliance> person(const std::string& personId, const CivilDate& on,
                                           int withinDays);
    // Everyone holding a role at the organisation on `on`, in registration order; only the
    // requirements of their roles there (and their personal certificates). Empty for an
    // unknown organisation (organisationExists tells the two apart).
    std::vector<PersonCompliance> roster(const std::string& creditCode, const CivilDate& on,
                                         int withinDays);
    bool organisationExists(const std::string& creditCode);

private:
    std::optional<PersonCompliance> evaluate(const std::string& personId, const CivilDate& on,
                                             int withinDays, const std::string* onlyOrg);
    SqliteDb& db_;
    const CertificationRules& rules_;
    const TrainingKindList& kinds_;
    const IndustryList& industries_;
    // Each query is prepared on first use and then only reset and bound again: a roster of
    // thousands would otherwise parse the same SQL several times per person. Reset after every
    // use, so none holds a read transaction between calls.
    std::optional<Statement> organisation_, rosterIds_, people_, roles_, training_, principalPass_,
        certificates_, certificateEvents_;
};

}  // namespace drillbase::ledger
