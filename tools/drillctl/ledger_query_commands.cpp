#include "tools/drillctl/ledger_query_commands.h"

#include "ledger/records_archive.h"
#include "tools/drillctl/ledger_cli.h"
#include "tools/drillctl/ledger_compliance_commands.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace drillbase::tools {

namespace {

using namespace drillbase::ledger;

struct QueryOptions {
    std::string db, idNumber, certNumber, name, person, from, passport, country;
    int days = 30;
    std::string asUser;  // --as: the signed-in user (ledger_cli.h requirePermission)
};

nlohmann::ordered_json recordJson(const ArchiveRecord& r) {
    nlohmann::ordered_json j = {{"record", r.record}, {"id", r.recordId}, {"date", r.date}};
    auto put = [&j](const char* k, const std::string& v) {
        if (!v.empty()) j[k] = v;
    };
    put("org_code", r.orgCode);
    put("org_name", r.orgName);
    put("role", r.role);
    put("subject", r.subject);
    put("training_kind", r.trainingKind);
    if (r.hours) j["hours"] = r.hours;
    if (r.maxPoints) {
        j["score"] = r.score;
        j["max_points"] = r.maxPoints;
        j["passed"] = r.passed;
    }
    put("certificate_number", r.certificateNumberMasked);
    put("revoked", r.revoked);
    put("grade", r.grade);
    put("reference", r.reference);
    put("provider", r.provider);
    put("instructor", r.instructor);
    put("reason", r.reason);
    put("until", r.until);
    return j;
}

nlohmann::ordered_json archiveJson(const PersonArchive& a) {
    nlohmann::ordered_json records = nlohmann::ordered_json::array();
    for (const auto& r : a.records) records.push_back(recordJson(r));
    return {{"person_id", a.personId},
            {"name", a.name},
            {"id_number", a.idMasked},
            {"records", records}};
}

// Person ids matching the one criterion given. A special-operations certificate number is
// "T" + the holder's identity number (Order No. 30), so it is looked up as that number.
std::vector<std::string> findPeople(Ledger& ledger, SqliteDb& db, const QueryOptions& o) {
    std::string idNumber = o.idNumber;
    if (!o.certNumber.empty()) {
        if (o.certNumber.size() != 19 || (o.certNumber[0] != 'T' && o.certNumber[0] != 't'))
            ledgerFail("a special-operations certificate number is T followed by 18 characters",
                       kLedgerRefused);
        idNumber = o.certNumber.substr(1);
    }
    if (!idNumber.empty() || !o.passport.empty()) {
        const auto parsed = idNumber.empty() ? parsePassport(o.passport, o.country)
                                             : parseResidentId(idNumber, localToday());
        if (!parsed.document) ledgerFail(parsed.error, kLedgerRefused);
        const auto id = ledger.findPerson(*parsed.document);
        return id ? std::vector<std::string>{*id} : std::vector<std::string>{};
    }
    if (!o.person.empty()) return {o.person};
    std::vector<std::string> ids;
    auto st = db.prepare("SELECT person_id FROM people WHERE name = ? ORDER BY person_id");
    st.bind(1, o.name);
    while (st.step()) ids.push_back(st.columnText(0));
    return ids;
}

void runPerson(const QueryOptions& o) {
    const int given = !o.idNumber.empty() + !o.certNumber.empty() + !o.name.empty() +
                      !o.person.empty() + !o.passport.empty();
    if (given != 1)
        ledgerFail("give exactly one of --id-number, --passport, --cert-number, --name, --person",
                   kLedgerRefused);
    if (o.passport.empty() != o.country.empty())
        ledgerFail("--passport and --country go together (the issuing state, ISO 3166-1 alpha-3)",
                   kLedgerRefused);
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    requirePermission(db, o.asUser, Action::ReadRecords);
    auto ledger = openLedger(db, file);
    ArchiveReader reader(db);
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& id : findPeople(*ledger, db, o))
        if (const auto a = reader.person(id)) out.push_back(archiveJson(*a));
    std::cout << out.dump(2) << '\n';
    if (out.empty()) ledgerFail("no such person in the ledger", kLedgerRefused);
}

void runExpiring(const QueryOptions& o) {
    if (o.days < 1 || o.days > 3660)
        ledgerFail("--days must be between 1 and 3660", kLedgerRefused);
    const auto from =
        o.from.empty() ? std::optional<CivilDate>(localToday()) : parseIsoDate(o.from);
    if (!from) ledgerFail("--from must be YYYY-MM-DD", kLedgerRefused);
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    requirePermission(db, o.asUser, Action::ReadRecords);
    auto ledger = openLedger(db, file);
    const auto* rule = ledger->rules().specialOpsOn(*from);
    if (!rule)
        ledgerFail("no special-operations certificate rule in force on " + from->iso(),
                   kLedgerRefused);
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& c : certificatesExpiring(db, from->iso(), o.days, rule->validYears))
        out.push_back({{"certificate_id", c.certificateId},
                       {"person_id", c.personId},
                       {"name", c.name},
                       {"id_number", c.idMasked},
                       {"operation", c.operation},
                       {"certificate_number", c.numberMasked},
                       {"issued", c.issued},
                       {"expires", c.expires}});
    std::cout << out.dump(2) << '\n';
}

}  // namespace

void addLedgerQueryCommands(CLI::App& app) {
    auto* ledgerCmd = app.get_subcommand("ledger");
    auto* query = ledgerCmd->add_subcommand(
        "query",
        "Look up records, numbers masked (once the ledger has users: instructor, official or "
        "admin, --as)");
    query->require_subcommand(1);
    static QueryOptions o;
    auto* person = query->add_subcommand("person", "A person's whole archive (一人一档) as JSON");
    person->add_option("--db", o.db, "Ledger database (default: the embedded one)");
    person->add_option("--id-number", o.idNumber, "Identity number");
    person->add_option("--passport", o.passport, "Passport number (with --country)");
    person->add_option("--country", o.country, "Passport issuing state, ISO 3166-1 alpha-3");
    person->add_option("--cert-number", o.certNumber,
                       "Special-operations certificate number (T + identity number)");
    person->add_option("--name", o.name, "Name (all people of that name)");
    person->add_option("--person", o.person, "Ledger person id");
    addActorOption(*person, o.asUser);
    person->callback(guarded([] { runPerson(o); }));
    auto* expiring =
        query->add_subcommand("expiring", "Special-operations certificates expiring within N days");
    expiring->add_option("--db", o.db, "Ledger database (default: the embedded one)");
    expiring->add_option("--days", o.days, "Window in days (default 30)");
    expiring->add_option("--from", o.from, "First day of the window, YYYY-MM-DD (default today)");
    addActorOption(*expiring, o.asUser);
    expiring->callback(guarded([] { runExpiring(o); }));
    addComplianceQueries(*query);  // compliance, roster, stats (ledger_compliance_commands.h)
}

}  // namespace drillbase::tools
