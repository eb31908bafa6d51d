#include "ledger/person_compliance.h"

#include "ledger/certificate_history.h"
#include "ledger/training_kinds.h"

#include <sqlite3.h>

#include <algorithm>

namespace drillbase::ledger {

namespace {

CivilDate dateOf(const std::string& text) {
    return parseIsoDate(text).value_or(CivilDate{});
}

int severity(RequirementState s) {
    switch (s) {
        case RequirementState::Overdue: return 4;
        case RequirementState::Missing: return 3;
        case RequirementState::DueSoon: return 2;
        case RequirementState::Met: return 1;
        case RequirementState::NotApplicable: return 0;
    }
    return 0;
}

bool isManager(Role r) {
    return r == Role::PrincipalPerson || r == Role::SafetyManager;
}

// The facts one person's requirements are decided from, read once per person.
struct PersonFacts {
    std::vector<TrainingRecord> training;    // initial and annual hours only (training_kinds.h)
    std::optional<CivilDate> principalPass;  // latest passed high-risk principal exam
    struct Certificate {
        CertificateSummary summary;
        SpecialOpsCertificate cert;
    };
    std::vector<Certificate> certificates;
};

Requirement base(const PersonRole& r, const char* item) {
    Requirement q;
    q.role = r.role;
    q.creditCode = r.creditCode;
    q.item = item;
    return q;
}

// Initial hours before taking the post (生产经营单位安全培训规定 arts. 9 and 13; 安全生产法
// art. 28: no one works before passing safety training).
Requirement initialHours(const CertificationRules& rules, const PersonRole& r, Role role,
                         const PersonFacts& f, const CivilDate& on, bool& mayHold) {
    auto q = base(r, "initial_hours");
    const auto cls = r.highRisk ? IndustryClass::HighRisk : IndustryClass::General;
    const auto c = checkInitialTraining(rules, role, cls, f.training, on);
    q.ruleId = c.ruleId;
    q.required = c.required;
    q.completed = c.completed;
    q.detail = c.explanation;
    q.due = r.since;
    if (!c.ruleFound) {
        q.state = RequirementState::NotApplicable;
    } else if (c.ok()) {
        q.state = RequirementState::Met;
    } else {
        q.state = RequirementState::Missing;
        mayHold = false;
    }
    return q;
}

// The refresher of the calendar year: due by 31 December; someone who took the post this year
// is still in the year of the initial training.
Requirement annualHours(const CertificationRules& rules, const PersonRole& r, Role role,
                        const PersonFacts& f, const CivilDate& on) {
    auto q = base(r, "annual_hours");
    const auto cls = r.highRisk ? IndustryClass::HighRisk : IndustryClass::General;
    const auto c = checkAnnualTraining(rules, role, cls, f.training, on);
    q.ruleId = c.ruleId;
    q.required = c.required;
    q.completed = c.completed;
    const CivilDate jan1{on.year, 1, 1};
    q.due = CivilDate{on.year, 12, 31};
    if (!c.ruleFound || c.required == 0) {
        q.state = RequirementState::NotApplicable;
        q.detail = c.ruleFound ? "no annual refresher hours set (" + c.ruleId + ")" : c.explanation;
        q.due.reset();
    } else if (jan1 <= r.since) {
        q.state = RequirementState::NotApplicable;
        q.detail = "took the post on " + r.since.iso() + ": annual refresher hours apply from " +
                   std::to_string(on.year + 1) + " (" + c.ruleId + ")";
        q.due.reset();
    } else {
        q.state = c.ok() ? RequirementState::Met : RequirementState::Missing;
        q.detail = c.explanation + (c.ok() ? "" : ", due by " + q.due->iso());
    }
    return q;
}

// 安全生产知识和管理能力考核合格证 of principal persons and safety managers in high-risk
// industries (安全生产法 art. 27): the passed exam, valid for the rule's years.
Requirement principalCertificate(const CertificationRules& rules, const PersonRole& r,
                                 const PersonFacts& f, const CivilDate& on, int withinDays) {
    auto q = base(r, "principal_certificate");
    const auto* rule = rules.principalCertificateOn(on);
    if (!rule) {
        q.state = RequirementState::NotApplicable;
        q.detail = "no principal-certificate rule in force on " + on.iso();
        return q;
    }
    q.ruleId = rule->meta.id;
    if (!f.principalPass) {
        q.state = RequirementState::Missing;
        q.detail = "no passed knowledge-and-management exam (high_risk_principal) by " + on.iso() +
                   " (" + rule->meta.id + ")";
        return q;
    }
    const auto s = principalCertificateStatus(*f.principalPass, *rule, on);
    q.due = s.expires;
    q.detail = "passed " + f.principalPass->iso() + ": " + s.explanation;
    switch (s.state) {
        case CertificateState::Expired: q.state = RequirementState::Overdue; break;
        case CertificateState::ReviewDue: q.state = RequirementState::DueSoon; break;
        case CertificateState::Valid:
            q.state = s.daysToNextReview <= withinDays ? RequirementState::DueSoon
                                                       : RequirementState::Met;
            break;
        default: q.state = RequirementState::Missing; break;
    }
    return q;
}

// The best certificate a special-operations worker holds on `on`: one that may be worked
// under (latest expiry first), else the most recently issued, so the answer names it.
std::vector<Requirement> specialOpsCertificate(const CertificationRules& rules, const PersonRole& r,
                                               const PersonFacts& f, const CivilDate& on,
                                               int withinDays, bool& mayHold) {
    auto q = base(r, "special_ops_certificate");
    const auto* rule = rules.specialOpsOn(on);
    if (!rule) {
        q.state = RequirementState::NotApplicable;
        q.detail = "no special-operations certificate rule in force on " + on.iso();
        return {q};
    }
    q.ruleId = rule->meta.id;
    const PersonFacts::Certificate* best = nullptr;
    CertificateStatus bestStatus;
    auto usable = [](const CertificateStatus& s) {
        return s.state == CertificateState::Valid || s.state == CertificateState::ReviewDue;
    };
    for (const auto& c : f.certificates) {
        const auto s = specialOpsStatus(c.cert, *rule, on);
        const bool better =
            !best || (usable(s) && !usable(bestStatus)) ||
            (usable(s) == usable(bestStatus) &&
             (usable(s) ? s.expires > bestStatus.expires : c.cert.issued > best->cert.issued));
        if (better) {
            best = &c;
            bestStatus = s;
        }
    }
    if (!best) {
        q.state = RequirementState::Missing;
        q.detail = "no special-operations certificate recorded (" + rule->meta.id + ")";
        mayHold = false;
        return {q};
    }
    const auto& s = bestStatus;
    q.certificateId = best->summary.certificateId;
    q.detail = best->summary.operation + " certificate " + best->summary.numberMasked + ": " +
               s.explanation;
    q.due = s.nextReview ? *s.nextReview : s.expires;
    switch (s.state) {
        case CertificateState::Valid:
            q.state = s.daysToNextReview <= withinDays ? RequirementState::DueSoon
                                                       : RequirementState::Met;
            break;
        case CertificateState::ReviewDue: q.state = RequirementState::DueSoon; break;
        case CertificateState::ReviewMissed:
        case CertificateState::Expired: q.state = RequirementState::Overdue; break;
        default: q.state = RequirementState::Missing; break;  // not yet valid, suspended, ended
    }
    if (!usable(s)) mayHold = false;
    std::vector<Requirement> out{q};
    // Six months or more off the post: the practical exam again before work (art. 32).
    if (s.practicalReexamRequired) {
        auto x = base(r, "practical_reexam");
        x.ruleId = rule->meta.id;
        x.certificateId = best->summary.certificateId;
        x.state = RequirementState::Missing;
        x.detail = "off the post since " +
                   (best->cert.offPostSince ? best->cert.offPostSince->iso() : std::string("?")) +
                   ", " + std::to_string(rule->offPostReexamMonths) +
                   " months or more: the practical exam must be passed again before work (" +
                   rule->meta.id + ")";
        mayHold = false;
        out.push_back(x);
    }
    return out;
}

// The statement in `slot`, prepared on the first call, ready to bind.
Statement& prepared(SqliteDb& db, std::optional<Statement>& slot, std::string_view sql) {
    if (!slot) slot.emplace(db.prepare(sql));
    return *slot;
}

// Resets a reused statement when its reader is done with it, also when an exception unwinds:
// a statement left in the middle of its rows keeps a read transaction open.
class Done {
public:
    explicit Done(Statement& st) : st_(st) {}
    ~Done() { st_.reset(); }
    Done(const Done&) = delete;
    Done& operator=(const Done&) = delete;

private:
    Statement& st_;
};

}  // namespace

std::string_view requirementStateName(RequirementState s) {
    switch (s) {
        case RequirementState::Met: return "met";
        case RequirementState::Missing: return "missing";
        case RequirementState::Overdue: return "overdue";
        case RequirementState::DueSoon: return "due_soon";
        case RequirementState::NotApplicable: return "not_applicable";
    }
    return "";
}

RequirementState PersonCompliance::worst() const {
    RequirementState w = RequirementState::NotApplicable;
    for (const auto& r : requirements)
        if (severity(r.state) > severity(w)) w = r.state;
    return w == RequirementState::NotApplicable ? RequirementState::Met : w;
}

ComplianceReader::ComplianceReader(SqliteDb& db, const CertificationRules& rules,
                                   const TrainingKindList& kinds, const IndustryList& industries)
    : db_(db), rules_(rules), kinds_(kinds), industries_(industries) {}

bool ComplianceReader::organisationExists(const std::string& creditCode) {
    auto& st = prepared(db_, organisation_, "SELECT 1 FROM organisations WHERE credit_code = ?");
    const Done done(st);
    st.bind(1, creditCode);
    return st.step();
}

std::optional<PersonCompliance> ComplianceReader::person(const std::string& personId,
                                                         const CivilDate& on, int withinDays) {
    const ReadSnapshot snapshot(db_);
    return evaluate(personId, on, withinDays, nullptr);
}

std::vector<PersonCompliance> ComplianceReader::roster(const std::string& creditCode,
                                                       const CivilDate& on, int withinDays) {
    const ReadSnapshot snapshot(db_);
    std::vector<std::string> ids;
    {
        auto& st = prepared(
            db_, rosterIds_,
            "SELECT p.person_id FROM people p WHERE p.person_id IN (SELECT person_id FROM roles "
            "WHERE credit_code = ? AND since <= ?) ORDER BY p.rowid");
        const Done done(st);
        st.bind(1, creditCode).bind(2, on.iso());
        while (st.step()) ids.push_back(st.columnText(0));
    }
    std::vector<PersonCompliance> out;
    out.reserve(ids.size());
    for (const auto& id : ids)
        if (auto c = evaluate(id, on, withinDays, &creditCode)) out.push_back(std::move(*c));
    return out;
}

std::optional<PersonCompliance> ComplianceReader::evaluate(const std::string& personId,
                                                           const CivilDate& on, int withinDays,
                                                           const std::string* onlyOrg) {
    const auto onIso = on.iso();
    PersonCompliance pc;
    {
        auto& st = prepared(db_, people_, "SELECT name, id_masked FROM people WHERE person_id = ?");
        const Done done(st);
        st.bind(1, personId);
        if (!st.step()) return std::nullopt;
        pc.personId = personId;
        pc.name = st.columnText(0);
        pc.idMasked = st.columnText(1);
    }
    {
        // One row per organisation and role; the earliest assignment counts as the start.
        auto& st = prepared(
            db_, roles_,
            "SELECT r.credit_code, COALESCE(o.name, ''), COALESCE(o.industry, ''), r.role, "
            "MIN(r.since) FROM roles r LEFT JOIN organisations o ON o.credit_code = "
            "r.credit_code WHERE r.person_id = ? AND r.since <= ? GROUP BY r.credit_code, r.role "
            "ORDER BY MIN(r.since), r.credit_code, r.role");
        const Done done(st);
        st.bind(1, personId).bind(2, onIso);
        while (st.step()) {
            PersonRole r{st.columnText(0), st.columnText(1),         st.columnText(2),
                         st.columnText(3), dateOf(st.columnText(4)), false};
            if (onlyOrg && r.creditCode != *onlyOrg) continue;
            const auto* ind = industries_.find(r.industry);
            r.highRisk = ind && ind->highRisk;
            pc.roles.push_back(std::move(r));
        }
    }
    PersonFacts f;
    {
        auto& st = prepared(
            db_, training_,
            "SELECT kind, on_date, hours FROM training WHERE person_id = ? AND on_date <= ?");
        const Done done(st);
        st.bind(1, personId).bind(2, onIso);
        while (st.step())
            if (const auto t = kinds_.complianceRecord(st.columnText(0), dateOf(st.columnText(1)),
                                                       static_cast<int>(st.columnInt(2))))
                f.training.push_back(*t);
    }
    {
        auto& st = prepared(db_, principalPass_,
                            "SELECT MAX(on_date) FROM assessments WHERE person_id = ? AND exam = "
                            "'high_risk_principal' AND passed = 1 AND on_date <= ?");
        const Done done(st);
        st.bind(1, personId).bind(2, onIso);
        if (st.step() && !st.columnIsNull(0)) f.principalPass = dateOf(st.columnText(0));
    }
    {
        // Special-operations certificates: the rows readCertificate() and the history
        // readCertificateHistory() return (certificate_history.h, the read path
        // Ledger::certificateStatus uses), read with the same SQL on reused statements, and
        // folded by specialOpsCertificateFrom(), so both give the same state.
        auto& st =
            prepared(db_, certificates_,
                     "SELECT certificate_id, person_id, type, operation, number_masked, issued "
                     "FROM certificates WHERE person_id = ? AND type = 'special_operations' "
                     "ORDER BY issued, certificate_id");
        const Done done(st);
        st.bind(1, personId);
        while (st.step()) {
            CertificateSummary summary{st.columnText(0), st.columnText(1), st.columnText(2),
                                       st.columnText(3), st.columnText(4), {}};
            summary.issued = dateOf(st.columnText(5));
            f.certificates.push_back({std::move(summary), {}});
        }
    }
    if (!f.certificates.empty()) {
        auto& st = prepared(db_, certificateEvents_,
                            "SELECT event_id, on_date, change, reason, until_date FROM "
                            "certificate_events WHERE certificate_id = ? ORDER BY on_date, seq");
        std::vector<CertificateChange> history;
        for (auto& c : f.certificates) {
            const Done done(st);
            st.bind(1, c.summary.certificateId);
            history.clear();
            while (st.step()) {
                const auto date = parseIsoDate(st.columnText(1));
                if (!date) continue;  // as readCertificateHistory: a foreign event may not be
                CertificateChange h{
                    st.columnText(0), *date, st.columnText(2), st.columnText(3), {}};
                if (!st.columnIsNull(4)) h.until = parseIsoDate(st.columnText(4));
                history.push_back(std::move(h));
            }
            c.cert = specialOpsCertificateFrom(history);
        }
    }

    for (const auto& r : pc.roles) {
        const auto role = roleFromName(r.role);
        if (!role) continue;  // a role name from a newer version: nothing known to require
        auto& out = pc.requirements;
        if (*role == Role::SpecialOperationsWorker) {
            for (auto& q : specialOpsCertificate(rules_, r, f, on, withinDays, pc.mayHoldPost))
                out.push_back(std::move(q));
            continue;
        }
        // A principal person, safety manager or new worker without the initial hours may not
        // hold the post.
        out.push_back(initialHours(rules_, r, *role, f, on, pc.mayHoldPost));
        out.push_back(annualHours(rules_, r, *role, f, on));
        if (isManager(*role) && r.highRisk)
            out.push_back(principalCertificate(rules_, r, f, on, withinDays));
    }
    return pc;
}

}  // namespace drillbase::ledger
