#include "ledger/rules.h"

#include <algorithm>
#include <map>

namespace drillbase::ledger {

std::string_view roleName(Role r) {
    switch (r) {
        case Role::PrincipalPerson: return "principal_person";
        case Role::SafetyManager: return "safety_manager";
        case Role::NewWorker: return "new_worker";
        case Role::SpecialOperationsWorker: return "special_operations_worker";
        case Role::OrdinaryWorker: return "ordinary_worker";
    }
    return "";
}

namespace {
constexpr Role kAllRoles[] = {Role::PrincipalPerson, Role::SafetyManager, Role::NewWorker,
                              Role::SpecialOperationsWorker, Role::OrdinaryWorker};
}

std::optional<Role> roleFromName(std::string_view name) {
    for (const Role r : kAllRoles)
        if (roleName(r) == name) return r;
    return std::nullopt;
}

std::string allRoleNames() {
    std::string out;
    for (const Role r : kAllRoles) out.append(out.empty() ? "" : ", ").append(roleName(r));
    return out;
}

namespace {

constexpr int kMaxHours = 1000;

// Common fields of every rule entry. Returns false when the entry is not an object.
bool readMeta(ContentReader& r, const std::string& p, RuleMeta& m) {
    const auto* v = r.at(p);
    if (!v || !v->is_object()) {
        r.error(p, "must be an object");
        return false;
    }
    m.id = r.string(p, "id").value_or("");
    if (const auto d = r.date(p, "effective_from")) m.effectiveFrom = *d;
    m.effectiveUntil = r.date(p, "effective_until", false);
    if (m.effectiveUntil && *m.effectiveUntil < m.effectiveFrom)
        r.error(p + "/effective_until", "is before effective_from");
    const auto sp = p + "/source";
    const auto* src = r.at(sp);
    if (!src) {
        r.error(p, "missing required field \"source\" (the document and article of the rule)");
    } else if (!src->is_object()) {
        r.error(sp, "must be an object with document, article and verified");
    } else {
        r.onlyKeys(sp, {"document", "article", "verified", "note"});
        m.source.document = r.string(sp, "document").value_or("");
        if (r.at(sp + "/document") && m.source.document.empty())
            r.error(sp + "/document", "must name the source document");
        m.source.article = r.string(sp, "article").value_or("");
        m.source.verified = r.boolean(sp, "verified").value_or(false);
        m.source.note = r.string(sp, "note", false).value_or("");
    }
    return true;
}

int hours(ContentReader& r, const std::string& p, const char* key) {
    return static_cast<int>(r.integer(p, key, 0, kMaxHours).value_or(0));
}

// Two entries with one id must not both be in force on any day.
void checkNoOverlap(ContentReader& r, const std::string& section,
                    const std::vector<const RuleMeta*>& metas) {
    std::map<std::string, std::vector<std::size_t>> byId;
    for (std::size_t i = 0; i < metas.size(); ++i) byId[metas[i]->id].push_back(i);
    for (const auto& [id, idx] : byId) {
        for (std::size_t a = 0; a < idx.size(); ++a)
            for (std::size_t b = a + 1; b < idx.size(); ++b) {
                const RuleMeta& x = *metas[idx[a]];
                const RuleMeta& y = *metas[idx[b]];
                const bool xBeforeY = x.effectiveUntil && *x.effectiveUntil < y.effectiveFrom;
                const bool yBeforeX = y.effectiveUntil && *y.effectiveUntil < x.effectiveFrom;
                if (!xBeforeY && !yBeforeX)
                    r.error(pointerChild(section, idx[b]),
                            "rule \"" + id + "\" is also in force under " +
                                pointerChild(section, idx[a]) +
                                " on the same days; end the older one with effective_until");
            }
    }
}

void readTrainingHours(ContentReader& r, CertificationRules& out) {
    const std::string s = "/training_hours";
    const auto n = r.array("", "training_hours");
    std::vector<const RuleMeta*> metas;
    out.trainingHours.reserve(n.value_or(0));
    for (std::size_t i = 0; n && i < *n; ++i) {
        const auto p = pointerChild(s, i);
        TrainingHoursRule rule;
        if (!readMeta(r, p, rule.meta)) continue;
        r.onlyKeys(p, {"id", "roles", "industry_class", "initial_hours", "annual_hours",
                       "effective_from", "effective_until", "source"});
        if (const auto k = r.array(p, "roles")) {
            for (std::size_t j = 0; j < *k; ++j) {
                const auto rp = pointerChild(p + "/roles", j);
                const auto* v = r.at(rp);
                const auto role =
                    v->is_string() ? roleFromName(v->get<std::string>()) : std::nullopt;
                if (!role)
                    r.error(rp,
                            "must be one of principal_person, safety_manager, new_worker, "
                            "special_operations_worker");
                else
                    rule.roles.push_back(*role);
            }
            if (*k == 0) r.error(p + "/roles", "must name at least one role");
        }
        if (const auto c = r.string(p, "industry_class")) {
            if (*c == "general")
                rule.industryClass = IndustryClass::General;
            else if (*c == "high_risk")
                rule.industryClass = IndustryClass::HighRisk;
            else
                r.error(p + "/industry_class", "must be \"general\" or \"high_risk\"");
        }
        rule.initialHours = hours(r, p, "initial_hours");
        rule.annualHours = hours(r, p, "annual_hours");
        out.trainingHours.push_back(std::move(rule));
        metas.push_back(&out.trainingHours.back().meta);
    }
    checkNoOverlap(r, s, metas);
}

void readExams(ContentReader& r, CertificationRules& out) {
    const std::string s = "/exams";
    const auto n = r.array("", "exams");
    std::vector<const RuleMeta*> metas;
    out.exams.reserve(n.value_or(0));
    for (std::size_t i = 0; n && i < *n; ++i) {
        const auto p = pointerChild(s, i);
        ExamRule rule;
        if (!readMeta(r, p, rule.meta)) continue;
        r.onlyKeys(p, {"id", "applies_to", "max_points", "pass_points", "makeups", "parts_in_order",
                       "pass_valid_months", "effective_from", "effective_until", "source"});
        rule.appliesTo = r.string(p, "applies_to").value_or("");
        rule.maxPoints = static_cast<int>(r.integer(p, "max_points", 1, 1000).value_or(100));
        if (const auto pass = r.integer(p, "pass_points", 1, 1000)) {
            rule.passPoints = static_cast<int>(*pass);
            if (rule.passPoints > rule.maxPoints)
                r.error(p + "/pass_points", "is above max_points");
        }
        rule.makeups = static_cast<int>(r.integer(p, "makeups", 0, 10).value_or(1));
        rule.passValidMonths =
            static_cast<int>(r.integer(p, "pass_valid_months", 0, 120).value_or(0));
        if (const auto k = r.array(p, "parts_in_order")) {
            for (std::size_t j = 0; j < *k; ++j) {
                const auto pp = pointerChild(p + "/parts_in_order", j);
                const auto* v = r.at(pp);
                if (!v->is_string() || (*v != "theory" && *v != "practical"))
                    r.error(pp, "must be \"theory\" or \"practical\"");
                else
                    rule.partsInOrder.push_back(v->get<std::string>());
            }
            if (*k == 0) r.error(p + "/parts_in_order", "must name at least one part");
        }
        out.exams.push_back(std::move(rule));
        metas.push_back(&out.exams.back().meta);
    }
    checkNoOverlap(r, s, metas);
}

void readSpecialOps(ContentReader& r, CertificationRules& out) {
    const std::string s = "/special_operations_certificate";
    const auto n = r.array("", "special_operations_certificate");
    std::vector<const RuleMeta*> metas;
    out.specialOps.reserve(n.value_or(0));
    for (std::size_t i = 0; n && i < *n; ++i) {
        const auto p = pointerChild(s, i);
        SpecialOpsCertificateRule rule;
        if (!readMeta(r, p, rule.meta)) continue;
        r.onlyKeys(
            p, {"id", "valid_years", "review_interval_years", "review_window_days",
                "review_training_hours", "extended_review_interval_years", "extension_after_years",
                "off_post_reexam_months", "effective_from", "effective_until", "source"});
        auto get = [&](const char* key, std::int64_t max) {
            return static_cast<int>(r.integer(p, key, 1, max).value_or(1));
        };
        rule.validYears = get("valid_years", 50);
        rule.reviewIntervalYears = get("review_interval_years", 50);
        rule.reviewWindowDays = get("review_window_days", 366);
        rule.reviewTrainingHours = get("review_training_hours", kMaxHours);
        rule.extendedReviewIntervalYears = get("extended_review_interval_years", 50);
        rule.extensionAfterYears = get("extension_after_years", 50);
        rule.offPostReexamMonths = get("off_post_reexam_months", 120);
        if (rule.reviewIntervalYears > rule.validYears)
            r.error(p + "/review_interval_years", "is longer than valid_years");
        if (rule.extendedReviewIntervalYears < rule.reviewIntervalYears)
            r.error(p + "/extended_review_interval_years", "is shorter than review_interval_years");
        out.specialOps.push_back(std::move(rule));
        metas.push_back(&out.specialOps.back().meta);
    }
    checkNoOverlap(r, s, metas);
}

void readPrincipalCertificates(ContentReader& r, CertificationRules& out) {
    const std::string s = "/principal_certificate";
    const auto n = r.array("", "principal_certificate");
    std::vector<const RuleMeta*> metas;
    out.principalCertificates.reserve(n.value_or(0));
    for (std::size_t i = 0; n && i < *n; ++i) {
        const auto p = pointerChild(s, i);
        PrincipalCertificateRule rule;
        if (!readMeta(r, p, rule.meta)) continue;
        r.onlyKeys(p, {"id", "valid_years", "renew_window_days", "effective_from",
                       "effective_until", "source"});
        rule.validYears = static_cast<int>(r.integer(p, "valid_years", 1, 50).value_or(3));
        rule.renewWindowDays =
            static_cast<int>(r.integer(p, "renew_window_days", 1, 366).value_or(60));
        out.principalCertificates.push_back(std::move(rule));
        metas.push_back(&out.principalCertificates.back().meta);
    }
    checkNoOverlap(r, s, metas);
}

template <class Rule, class Pred>
const Rule* inForce(const std::vector<Rule>& rules, const CivilDate& on, Pred pred) {
    for (const auto& rule : rules)
        if (rule.meta.inForceOn(on) && pred(rule)) return &rule;
    return nullptr;
}

}  // namespace

const TrainingHoursRule* CertificationRules::trainingHoursFor(Role role, IndustryClass cls,
                                                              const CivilDate& on) const {
    return inForce(trainingHours, on, [&](const TrainingHoursRule& r) {
        return r.industryClass == cls &&
               std::find(r.roles.begin(), r.roles.end(), role) != r.roles.end();
    });
}

const ExamRule* CertificationRules::examFor(std::string_view appliesTo, const CivilDate& on) const {
    return inForce(exams, on, [&](const ExamRule& r) { return r.appliesTo == appliesTo; });
}

const SpecialOpsCertificateRule* CertificationRules::specialOpsOn(const CivilDate& on) const {
    return inForce(specialOps, on, [](const auto&) { return true; });
}

const PrincipalCertificateRule* CertificationRules::principalCertificateOn(
    const CivilDate& on) const {
    return inForce(principalCertificates, on, [](const auto&) { return true; });
}

RulesLoad readCertificationRules(const nlohmann::json& doc) {
    ContentReader r(doc);
    if (!doc.is_object()) {
        r.error("", "must be a JSON object");
        return {std::nullopt, r.takeIssues()};
    }
    r.onlyKeys("", {"format", "version", "note", "training_hours", "exams",
                    "special_operations_certificate", "principal_certificate"});
    if (const auto f = r.string("", "format"); f && *f != "drillbase-certification-rules/1")
        r.error("/format", "must be \"drillbase-certification-rules/1\", got \"" + *f + "\"");
    CertificationRules rules;
    rules.version = r.string("", "version").value_or("");
    readTrainingHours(r, rules);
    readExams(r, rules);
    readSpecialOps(r, rules);
    readPrincipalCertificates(r, rules);
    if (!r.ok()) return {std::nullopt, r.takeIssues()};
    return {std::move(rules), {}};
}

CertificationRules loadCertificationRulesFile(const std::filesystem::path& file) {
    auto load = readCertificationRules(readJsonFile(file));
    if (!load.rules) throw ContentError(file.string(), load.issues);
    return std::move(*load.rules);
}

}  // namespace drillbase::ledger
