#include "tools/drillctl/ledger_compliance_commands.h"

#include "tools/drillctl/ledger_cli.h"

#include "common/data_dir.h"
#include "ledger/credit_code.h"
#include "ledger/person_compliance.h"
#include "ledger/records_stats.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace drillbase::tools {

namespace {

using namespace drillbase::ledger;

struct ComplianceOptions {
    std::string db, asUser, person, org, on, by, from, to;
    int within = 30;
};

CivilDate dateOption(const std::string& text, const char* option, const CivilDate& fallback) {
    if (text.empty()) return fallback;
    const auto d = parseIsoDate(text);
    if (!d) ledgerFail(std::string(option) + " must be a date written YYYY-MM-DD", kLedgerRefused);
    return *d;
}

void checkWithin(int within) {
    if (within < 0 || within > 3660)
        ledgerFail("--within must be between 0 and 3660 days", kLedgerRefused);
}

template <class T>
T loadContent(const char* file, T (*load)(const std::filesystem::path&)) {
    try {
        return load(contentDir() / file);
    } catch (const ContentError& e) {
        ledgerFail(e.what(), kLedgerRefused);
    }
}

nlohmann::ordered_json requirementJson(const Requirement& r) {
    nlohmann::ordered_json j = {
        {"role", r.role},   {"org_code", r.creditCode},
        {"item", r.item},   {"state", std::string(requirementStateName(r.state))},
        {"rule", r.ruleId}, {"detail", r.detail}};
    if (r.due) j["due"] = r.due->iso();
    if (r.item == "initial_hours" || r.item == "annual_hours") {
        j["required_hours"] = r.required;
        j["completed_hours"] = r.completed;
    }
    if (!r.certificateId.empty()) j["certificate_id"] = r.certificateId;
    return j;
}

nlohmann::ordered_json personJson(const PersonCompliance& p) {
    nlohmann::ordered_json roles = nlohmann::ordered_json::array();
    for (const auto& r : p.roles)
        roles.push_back({{"org_code", r.creditCode},
                         {"org_name", r.orgName},
                         {"industry", r.industry},
                         {"high_risk", r.highRisk},
                         {"role", r.role},
                         {"since", r.since.iso()}});
    nlohmann::ordered_json reqs = nlohmann::ordered_json::array();
    for (const auto& r : p.requirements) reqs.push_back(requirementJson(r));
    return {{"person_id", p.personId},
            {"name", p.name},
            {"id_number", p.idMasked},
            {"may_hold_post", p.mayHoldPost},
            {"status", std::string(requirementStateName(p.worst()))},
            {"roles", roles},
            {"requirements", reqs}};
}

void runCompliance(const ComplianceOptions& o) {
    if (o.person.empty()) ledgerFail("--person is required", kLedgerRefused);
    checkWithin(o.within);
    const auto on = dateOption(o.on, "--on", localToday());
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    requirePermission(db, o.asUser, Action::ReadRecords);
    auto ledger = openLedger(db, file);
    const auto industries = loadContent("industries.json", &loadIndustriesFile);
    ComplianceReader reader(db, ledger->rules(), ledger->trainingKinds(), industries);
    const auto p = reader.person(o.person, on, o.within);
    if (!p) ledgerFail("--person: no person " + o.person + " in the ledger", kLedgerRefused);
    nlohmann::ordered_json out = personJson(*p);
    out["on"] = on.iso();
    out["within_days"] = o.within;
    std::cout << out.dump(2) << '\n';
}

void runRoster(const ComplianceOptions& o) {
    if (o.org.empty()) ledgerFail("--org is required", kLedgerRefused);
    const auto code = parseCreditCode(o.org);
    if (!code.ok()) ledgerFail("--org: " + code.message(), kLedgerRefused);
    checkWithin(o.within);
    const auto on = dateOption(o.on, "--on", localToday());
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    requirePermission(db, o.asUser, Action::ReadRecords);
    auto ledger = openLedger(db, file);
    const auto industries = loadContent("industries.json", &loadIndustriesFile);
    ComplianceReader reader(db, ledger->rules(), ledger->trainingKinds(), industries);
    if (!reader.organisationExists(code.normalized))
        ledgerFail("--org: no organisation " + code.normalized + " in the ledger", kLedgerRefused);
    nlohmann::ordered_json people = nlohmann::ordered_json::array();
    std::int64_t mayNot = 0;
    for (const auto& p : reader.roster(code.normalized, on, o.within)) {
        mayNot += !p.mayHoldPost;
        people.push_back(personJson(p));
    }
    nlohmann::ordered_json out = {{"org_code", code.normalized}, {"on", on.iso()},
                                  {"within_days", o.within},     {"people_count", people.size()},
                                  {"may_not_hold_post", mayNot}, {"people", people}};
    std::cout << out.dump(2) << '\n';
}

void runStats(const ComplianceOptions& o) {
    const auto by = statsGroupFromName(o.by);
    if (!by) ledgerFail("--by must be region, industry or month", kLedgerRefused);
    if (o.from.empty() || o.to.empty()) ledgerFail("--from and --to are required", kLedgerRefused);
    const auto from = dateOption(o.from, "--from", {});
    const auto to = dateOption(o.to, "--to", {});
    if (to < from) ledgerFail("--to is before --from", kLedgerRefused);
    if (from.addYears(10) < to)
        ledgerFail("--from to --to spans more than 10 years", kLedgerRefused);
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    requirePermission(db, o.asUser, Action::ReadRecords);
    auto ledger = openLedger(db, file);
    const auto industries = loadContent("industries.json", &loadIndustriesFile);
    const auto regions = loadContent("regions.json", &loadRegionsFile);
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& r :
         recordsStats(db, *by, from, to, regions.regions, ledger->rules(), industries))
        rows.push_back({{"key", r.key},
                        {"label", r.label},
                        {"label_en", r.labelEn},
                        {"people", r.people},
                        {"trained", r.trained},
                        {"exams_taken", r.examsTaken},
                        {"exams_passed", r.examsPassed},
                        {"certificates_valid", r.certificatesValid},
                        {"certificates_due", r.certificatesDue}});
    nlohmann::ordered_json out = {
        {"by", o.by}, {"from", from.iso()}, {"to", to.iso()}, {"rows", rows}};
    std::cout << out.dump(2) << '\n';
}

void common(CLI::App* cmd, ComplianceOptions& o) {
    cmd->add_option("--db", o.db, "Ledger database (default: the embedded one)");
    addActorOption(*cmd, o.asUser);
}

}  // namespace

void addComplianceQueries(CLI::App& query) {
    static ComplianceOptions o;
    // The date asked about and the "due soon" window, shared by compliance and roster.
    auto dateOptions = [](CLI::App* cmd) {
        cmd->add_option("--on", o.on, "The date asked about, YYYY-MM-DD (default today)");
        cmd->add_option("--within", o.within, "Due soon: within this many days (default 30)");
    };
    auto* person = query.add_subcommand(
        "compliance", "What a person needs on a date: missing, overdue, due soon, may hold post");
    common(person, o);
    person->add_option("--person", o.person, "Ledger person id");
    dateOptions(person);
    person->callback(guarded([] { runCompliance(o); }));

    auto* roster = query.add_subcommand(
        "roster", "An organisation's people with each one's compliance (numbers masked)");
    common(roster, o);
    roster->add_option("--org", o.org, "Unified social credit code");
    dateOptions(roster);
    roster->callback(guarded([] { runRoster(o); }));

    auto* stats = query.add_subcommand(
        "stats", "Coverage and pass rates by region, industry or month (see records_stats.h)");
    common(stats, o);
    stats->add_option("--by", o.by, "region, industry or month");
    stats->add_option("--from", o.from, "First day of the period, YYYY-MM-DD");
    stats->add_option("--to", o.to, "Last day of the period, YYYY-MM-DD");
    stats->callback(guarded([] { runStats(o); }));
}

}  // namespace drillbase::tools
