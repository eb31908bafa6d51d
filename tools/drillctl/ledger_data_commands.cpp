#include "tools/drillctl/ledger_data_commands.h"

#include "tools/drillctl/ledger_cli.h"

#include "common/data_dir.h"
#include "ledger/db_path.h"
#include "ledger/export_csv.h"
#include "ledger/export_xapi.h"
#include "ledger/projections.h"
#include "ledger/roster_import.h"
#include "ledger/synth.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace drillbase::tools {

namespace {

namespace fs = std::filesystem;
using namespace drillbase::ledger;

struct DataOptions {
    std::string db;
    std::int64_t people = 1000;
    std::uint64_t seed = 1;
    std::string today;
    std::string format;
    std::string out;
    std::string homePage = "https://drillbase.local";
    std::string roster;
    bool partial = false;
    std::string rejects;
    std::string asUser;  // --as: the signed-in user (ledger_cli.h requirePermission)
};

// The key must already exist beside a ledger that holds people: a new key would make every
// recorded person unfindable (identity_document.h).
LookupKey existingKey(const fs::path& db) {
    const auto keyFile = keyFileFor(db);
    if (!fs::exists(keyFile))
        ledgerFail("the look-up key " + keyFile.string() +
                       " is missing; without it people already recorded cannot be found again",
                   kLedgerNoDatabase);
    return loadOrCreateLookupKey(keyFile);
}

CertificationRules loadRules() {
    try {
        return loadCertificationRulesFile(contentDir() / "certification-rules.json");
    } catch (const ContentError& e) {
        ledgerFail(e.what(), kLedgerRefused);
    }
}

void runSynth(const DataOptions& o) {
    if (o.people < 1) ledgerFail("--people must be at least 1", kLedgerRefused);
    CivilDate today = localToday();
    if (!o.today.empty()) {
        const auto d = parseIsoDate(o.today);
        if (!d) ledgerFail("--today must be a date written YYYY-MM-DD", kLedgerRefused);
        today = *d;
    }
    const auto file = resolveDb(o.db);
    ensureParentDir(file);
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    storage.createSchema();  // idempotent; a new file has no tables yet
    EventStore::initialize(storage, storage.meta("base_id").value_or("base-synth"));
    // Synthetic people must never mix with real ones.
    if (storage.lastEvent())
        ledgerFail(file.string() + " already holds records: synth writes only into a new ledger",
                   kLedgerRefused);
    IndustryList industries;
    RegionList regions;
    try {
        industries = loadIndustriesFile(contentDir() / "industries.json");
        regions = loadRegionsFile(contentDir() / "regions.json");
    } catch (const ContentError& e) {
        ledgerFail(e.what(), kLedgerRefused);
    }
    BulkWriter writer(db, loadOrCreateLookupKey(keyFileFor(file)), loadRules());
    SynthOptions so;
    so.people = o.people;
    so.seed = o.seed;
    so.today = today;
    const auto s = synthesizeProvince(writer, industries, regions, so);
    const auto v = writer.events().verify();
    std::cout << "synthetic province in " << file.string() << ": " << s.organisations
              << " organisations, " << s.people << " people, " << s.certificates
              << " certificates, " << s.records << " records (seed " << o.seed << ", as of "
              << today.iso() << ")\n"
              << v.message() << '\n';
}

void runExport(const DataOptions& o) {
    if (o.format != "csv" && o.format != "xapi")
        ledgerFail("--format must be csv or xapi", kLedgerRefused);
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    // Before anything else: a refused export must not even truncate an existing --out file.
    requirePermission(db, o.asUser, Action::ExportRecords);
    SqliteEventStorage storage(db);
    const EventStore store(storage);
    Projections projections(db);  // the tables may lag the log after a crash: catch up first
    projections.createSchema();
    projections.catchUp(store);

    std::ofstream fileOut;
    if (!o.out.empty()) {
        fileOut = openPersonalDataFile(o.out);  // names and masked numbers: owner only
        if (!fileOut) ledgerFail("cannot write " + o.out, kLedgerRefused);
    }
    std::ostream& out = o.out.empty() ? std::cout : fileOut;
    std::int64_t n = 0;
    if (o.format == "csv") {
        n = exportCsv(db, out);
    } else {
        XapiOptions xo;
        xo.homePage = o.homePage;
        xo.activityBase = o.homePage + "/xapi/activities";
        n = exportXapi(db, out, xo);
    }
    out.flush();
    if (!out) ledgerFail("writing the export failed", kLedgerRefused);
    if (!o.out.empty())
        std::cerr << "exported " << n << (o.format == "csv" ? " row(s)" : " statement(s)") << " to "
                  << o.out << '\n';
}

void runImport(const DataOptions& o) {
    std::ifstream in(o.roster, std::ios::binary);
    if (!in) ledgerFail("cannot read roster " + o.roster, kLedgerRefused);
    std::ostringstream text;
    text << in.rdbuf();
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    // A roster registers people and their roles: the clerical side of recording training
    // (see `ledger person add`), so the same permission.
    requirePermission(db, o.asUser, Action::RecordTraining);
    BulkWriter writer(db, existingKey(file), loadRules());
    RosterImportOptions ro;
    ro.mode = o.partial ? RosterMode::Partial : RosterMode::AllOrNothing;
    ro.today = localToday();
    ro.at = utcNow();
    // importRoster checks every row, names included (text_rules.h), and masks the numbers of
    // the reject file itself.
    const auto r = importRoster(writer, db, text.str(), ro);
    for (const auto& i : r.issues)
        std::cerr << o.roster << ':' << i.row << ": " << (i.column.empty() ? "" : i.column + ": ")
                  << i.reason << '\n';
    if (o.partial && !r.rejectedRecords.empty()) {
        const std::string rejects = o.rejects.empty() ? o.roster + ".rejects.csv" : o.rejects;
        auto rj = openPersonalDataFile(rejects);  // owner only, like an export
        if (!rj) ledgerFail("cannot write the reject file " + rejects, kLedgerRefused);
        writeRosterRejects(rj, r);
        rj.close();
        if (!rj) ledgerFail("cannot write the reject file " + rejects, kLedgerRefused);
        std::cerr << r.rejectedRecords.size() << " row(s) rejected, written to " << rejects
                  << " (fix them there and import that file)\n";
    }
    std::cout << "imported " << r.imported << " of " << r.rowsRead << " row(s) from " << o.roster
              << '\n';
    if (!r.ok()) {
        if (!o.partial)
            std::cerr << "nothing was imported: fix the rows above, or use --partial to import "
                         "the good rows and write the rest to a reject file\n";
        throw CLI::RuntimeError(kLedgerRefused);
    }
}

}  // namespace

void addLedgerDataCommands(CLI::App& app) {
    auto* ledger = app.get_subcommand("ledger");
    auto opts = std::make_shared<DataOptions>();
    auto addDb = [&](CLI::App* cmd) {
        cmd->add_option("--db", opts->db, "Ledger database file (default: the user's data folder)");
    };

    auto* synth = ledger->add_subcommand(
        "synth", "Fill a new ledger with a synthetic province (tests and benchmarks only)");
    addDb(synth);
    synth->add_option("--people", opts->people, "Number of people")->required();
    synth->add_option("--seed", opts->seed, "Random seed: the same seed gives the same province");
    synth->add_option("--today", opts->today,
                      "Build the province as of YYYY-MM-DD (default today)");
    synth->callback(guarded([opts] { runSynth(*opts); }));

    auto* exp = ledger->add_subcommand(
        "export",
        "Export every person-record, identity numbers masked (once the ledger has users: an "
        "official or admin, --as)");
    addDb(exp);
    exp->add_option("--format", opts->format, "csv (UTF-8 with BOM) or xapi (JSON statements)")
        ->required();
    exp->add_option("--out", opts->out, "Output file (default: standard output)");
    exp->add_option("--home-page", opts->homePage,
                    "xAPI account home page of this base (default https://drillbase.local)");
    addActorOption(*exp, opts->asUser);
    exp->callback(guarded([opts] { runExport(*opts); }));

    auto* imp = ledger->add_subcommand(
        "import",
        "Import a roster CSV (name,id_number,org_credit_code,role[,since,document_type,country]; "
        "once the ledger has users: an instructor, --as)");
    addDb(imp);
    imp->add_option("roster", opts->roster, "Roster CSV file")->required();
    imp->add_flag("--partial", opts->partial,
                  "Import the good rows and write the bad ones to a reject file");
    imp->add_option("--rejects", opts->rejects,
                    "Reject file for --partial (default ROSTER.rejects.csv)");
    addActorOption(*imp, opts->asUser);
    imp->callback(guarded([opts] { runImport(*opts); }));
}

}  // namespace drillbase::tools
