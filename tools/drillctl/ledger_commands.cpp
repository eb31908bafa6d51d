#include "tools/drillctl/ledger_commands.h"

#include "tools/drillctl/ledger_cli.h"
#include "tools/drillctl/ledger_record_commands.h"

#include "ledger/batch_signature.h"
#include "ledger/ledger_audit.h"
#include "ledger/ledger_files.h"
#include "ledger/signing_key.h"

#include "common/data_dir.h"
#include "ledger/credit_code.h"
#include "ledger/db_path.h"
#include "ledger/ledger.h"
#include "ledger/projection_audit.h"
#include "ledger/projections.h"

#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>

namespace drillbase::tools {

namespace {

namespace fs = std::filesystem;
using namespace drillbase::ledger;

constexpr int kRefused = kLedgerRefused;
constexpr int kNoDatabase = kLedgerNoDatabase;

[[noreturn]] void fail(const std::string& message, int code) {
    ledgerFail(message, code);
}

struct LedgerOptions {
    std::string db;
    std::string baseId;
    std::string name, idNumber, passport, country, org, role, since;
    std::string code, industry;
    std::string region, town, supervisionLevel, riskColour;  // org add, all optional
    std::string anchor;
    std::string publicKey;  // verify: the base's key as an inspector noted it
    std::string asUser;     // --as: the signed-in user (ledger_cli.h requirePermission)
};

void runInit(const LedgerOptions& o) {
    const auto file = resolveDb(o.db);
    ensureParentDir(file);
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    const auto existing = [&]() -> std::optional<std::string> {
        try {
            return storage.meta("base_id");
        } catch (const DbError&) {
            return std::nullopt;
        }
    }();
    const std::string baseId = !o.baseId.empty() ? o.baseId : existing.value_or(randomBaseId());
    try {
        EventStore::initialize(storage, baseId);
    } catch (const EventStoreError& e) {
        fail(e.what(), kRefused);
    }
    loadOrCreateLookupKey(keyFileFor(file));
    std::cout << (existing ? "ledger already initialised: " : "ledger initialised: ")
              << file.string() << " (base " << baseId << ")\n"
              << "look-up key: " << keyFileFor(file).string()
              << " (back it up with the database; keep it private)\n";
    if (const auto key = loadSigningKey(signingKeyFileFor(file)))
        std::cout << "signing key: " << signingKeyFileFor(file).string()
                  << " (back it up apart from the database; without it nothing can be recorded)\n"
                  << "public key: " << key->publicKeyHex()
                  << " (give it to inspectors and the central ledger)\n";
}

void runVerify(const LedgerOptions& o) {
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    SqliteEventStorage storage(db);
    try {
        const EventStore store(storage);
        const auto trusted = o.publicKey.empty() ? std::nullopt : std::optional(o.publicKey);
        const auto audit = auditLedger(db, trusted);
        for (const auto& line : audit.findings)
            (line == audit.failure ? std::cerr : std::cout) << line << '\n';
        if (!audit.ok) throw CLI::RuntimeError(kRefused);
        if (!o.anchor.empty()) {
            const auto seq = store.seqOfHash(o.anchor);
            if (!seq)
                fail("anchor " + o.anchor +
                         " is not in the chain: history before it was rewritten or replaced",
                     kRefused);
            std::cout << "anchor found at event " << *seq << '\n';
        }
    } catch (const EventStoreError& e) {
        fail(e.what(), kNoDatabase);
    }
}

// The derived tables rebuilt from the events and sealed again (projection_seal.h): the repair
// after verify has named a table edited by hand. The events decide; nothing else changes.
// Ledger upkeep that vouches for what officials read: gated as checkpoint signing (admins).
void runRebuild(const LedgerOptions& o) {
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    requirePermission(db, o.asUser, Action::CreateCheckpoint);
    SqliteEventStorage storage(db);
    try {
        const EventStore store(storage);
        const auto chain = store.verify();
        if (!chain.ok()) fail("not rebuilding from a broken chain: " + chain.message(), kRefused);
        if (!loadSigningKey(signingKeyFileFor(file)))
            fail("the signing key " + signingKeyFileFor(file).string() +
                     " is missing: rebuilt tables could not be sealed; restore it first",
                 kRefused);
        Projections projections(db);
        projections.createSchema();
        projections.rebuild(store);
        std::cout << "derived tables rebuilt from " << chain.eventsChecked
                  << " event(s) and sealed\n";
    } catch (const EventStoreError& e) {
        fail(e.what(), kNoDatabase);
    }
}

// A ledger from before signatures: its events signed once, on an administrator's word, after
// the chain has been checked (batch_signature.h signExisting). Never done automatically.
void runSignExisting(const LedgerOptions& o) {
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    requirePermission(db, o.asUser, Action::CreateCheckpoint);
    SqliteEventStorage storage(db);
    try {
        const EventStore store(storage);
        Transaction tx(db);
        const auto chain = store.verify();
        if (!chain.ok() && chain.problem != VerifyProblem::UnsignedEvents)
            fail("not signing a broken chain: " + chain.message(), kRefused);
        const auto key = loadOrCreateSigningKey(signingKeyFileFor(file));
        signExisting(storage, key);
        // The derived tables were never sealed: rebuilt from the events just signed, so the
        // seal made at this commit vouches for nothing but them.
        Projections projections(db);
        projections.createSchema();
        projections.rebuild(store);
        tx.commit();
        std::cout << "signed events 1.." << chain.eventsChecked << " with key "
                  << key.publicKeyHex() << " (" << signingKeyFileFor(file).string() << ")\n";
    } catch (const EventStoreError& e) {
        fail(e.what(), kRefused);
    }
}

void runOrgAdd(const LedgerOptions& o) {
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    // Registering organisations and people is the clerical side of recording training: the
    // instructors who run a class enter its attendees and their employers. It is gated as
    // RecordTraining (users.h) rather than a permission of its own, so admins, who hand out
    // accounts, do not also create the people records are kept for (separation of duties).
    auto ledger = openLedgerAs(db, file, o.asUser, Action::RecordTraining);
    try {
        const auto id = ledger->registerOrganisation(
            {o.code, o.name, o.industry, o.region, o.town, o.supervisionLevel, o.riskColour},
            utcNow());
        std::cout << "registered organisation " << o.code << " (event " << id << ")\n";
    } catch (const LedgerError& e) {
        fail(e.what(), kRefused);
    }
}

void runPersonAdd(const LedgerOptions& o) {
    const CivilDate today = localToday();
    // Validate everything that needs no database first: a typo is reported even before the
    // database is opened.
    IdentityParse doc;
    if (!o.idNumber.empty() && !o.passport.empty())
        fail("give either --id-number or --passport, not both", kRefused);
    if (!o.idNumber.empty()) {
        if (!o.country.empty())
            fail("--country goes with --passport: a resident identity number is issued by CHN",
                 kRefused);
        doc = parseResidentId(o.idNumber, today);
    } else if (!o.passport.empty()) {
        if (o.country.empty())
            fail("--passport needs --country, the issuing state (ISO 3166-1 alpha-3, e.g. DEU)",
                 kRefused);
        doc = parsePassport(o.passport, o.country);
    } else {
        fail("give --id-number (or --passport with --country for foreign staff)", kRefused);
    }
    if (!doc.document) fail(doc.error, kRefused);
    std::optional<Role> role;
    if (!o.role.empty()) {
        role = roleFromName(o.role);
        if (!role) fail("unknown role \"" + o.role + "\" (" + allRoleNames() + ")", kRefused);
        if (o.org.empty()) fail("--role needs --org", kRefused);
    } else if (!o.org.empty()) {
        fail("--org needs --role", kRefused);
    }
    std::string orgCode;
    if (!o.org.empty()) {
        const auto code = parseCreditCode(o.org);
        if (!code.ok()) fail(code.message(), kRefused);
        orgCode = code.normalized;
    }
    CivilDate since = today;
    if (!o.since.empty()) {
        const auto d = parseIsoDate(o.since);
        if (!d) fail("--since must be a date written YYYY-MM-DD", kRefused);
        since = *d;
    }

    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    auto ledger =
        openLedgerAs(db, file, o.asUser, Action::RecordTraining);  // see runOrgAdd for why
    try {
        const auto at = utcNow();
        // With a role, one write for both (Ledger::registerPersonWithRole): a refused role or a
        // crash between the two never leaves a registered person without the post.
        if (role) {
            const auto r =
                ledger->registerPersonWithRole(o.name, *doc.document, orgCode, *role, since, at);
            std::cout << "registered person " << r.personId << " (" << maskDocument(*doc.document)
                      << ")\n"
                      << "assigned role " << o.role << " at " << orgCode << '\n';
        } else {
            const auto person = ledger->registerPerson(o.name, *doc.document, at);
            std::cout << "registered person " << person << " (" << maskDocument(*doc.document)
                      << ")\n";
        }
    } catch (const LedgerError& e) {
        fail(e.what(), kRefused);
    }
}

}  // namespace

void addLedgerCommands(CLI::App& app) {
    auto opts = std::make_shared<LedgerOptions>();
    auto* ledger = app.add_subcommand("ledger", "Certification ledger: records, verification");
    ledger->require_subcommand(1);
    auto addDb = [&](CLI::App* cmd) {
        cmd->add_option("--db", opts->db, "Ledger database file (default: the user's data folder)");
    };

    auto* init = ledger->add_subcommand("init", "Create a ledger database and its look-up key");
    addDb(init);
    init->add_option("--base-id", opts->baseId,
                     "Id of this training base, part of every event id (default: random)");
    init->callback(guarded([opts] { runInit(*opts); }));

    auto* verify = ledger->add_subcommand(
        "verify",
        "Check the hash chain, the signatures, the checkpoints, then the derived tables "
        "against the events; exit 1 naming the first broken event, checkpoint or table row");
    addDb(verify);
    verify->add_option("--anchor", opts->anchor,
                       "A head hash noted earlier; fail unless it is still in the chain");
    verify->add_option("--public-key", opts->publicKey,
                       "The base's public key as noted by an inspector (hex); default: the key "
                       "file beside the database");
    verify->callback(guarded([opts] { runVerify(*opts); }));

    auto* rebuild = ledger->add_subcommand(
        "rebuild",
        "Rebuild the derived tables from the events and seal them (after verify named a table "
        "edited by hand; once the ledger has users: an admin, --as)");
    addDb(rebuild);
    addActorOption(*rebuild, opts->asUser);
    rebuild->callback(guarded([opts] { runRebuild(*opts); }));

    auto* signExisting = ledger->add_subcommand(
        "sign-existing",
        "Sign the events of a ledger that predates signatures, once, after checking its chain "
        "(once the ledger has users: an admin, --as)");
    addDb(signExisting);
    addActorOption(*signExisting, opts->asUser);
    signExisting->callback(guarded([opts] { runSignExisting(*opts); }));

    auto* org = ledger->add_subcommand("org", "Organisations");
    org->require_subcommand(1);
    auto* orgAdd = org->add_subcommand(
        "add", "Register an organisation (once the ledger has users: an instructor, --as)");
    addDb(orgAdd);
    orgAdd->add_option("--code", opts->code, "Unified social credit code (GB 32100)")->required();
    orgAdd->add_option("--name", opts->name, "Registered name")->required();
    orgAdd->add_option("--industry", opts->industry, "Industry id from content/industries.json")
        ->required();
    orgAdd->add_option("--region", opts->region,
                       "GB/T 2260 county-level code (default: characters 3-8 of the credit code)");
    orgAdd->add_option("--town", opts->town, "Township or sub-district (乡镇/街道)");
    orgAdd->add_option("--supervision-level", opts->supervisionLevel,
                       "Supervising level: national, provincial, city or county");
    orgAdd->add_option("--risk-colour", opts->riskColour,
                       "Safety risk colour (四色分级): red, orange, yellow or blue");
    addActorOption(*orgAdd, opts->asUser);
    orgAdd->callback(guarded([opts] { runOrgAdd(*opts); }));

    auto* person = ledger->add_subcommand("person", "People");
    person->require_subcommand(1);
    auto* personAdd = person->add_subcommand(
        "add", "Register a person (once the ledger has users: an instructor, --as)");
    addDb(personAdd);
    personAdd->add_option("--name", opts->name, "Full name")->required();
    personAdd->add_option("--id-number", opts->idNumber, "Resident identity number (GB 11643)");
    personAdd->add_option("--passport", opts->passport,
                          "Passport number, instead of --id-number (foreign staff; ICAO 9303)");
    personAdd->add_option("--country", opts->country,
                          "Passport issuing state, ISO 3166-1 alpha-3 (needed with --passport)");
    personAdd->add_option("--org", opts->org, "Unified social credit code of the employer");
    personAdd->add_option("--role", opts->role, allRoleNames());
    personAdd->add_option("--since", opts->since, "Role start date YYYY-MM-DD (default: today)");
    addActorOption(*personAdd, opts->asUser);
    personAdd->callback(guarded([opts] { runPersonAdd(*opts); }));
    addLedgerRecordCommands(app);  // train, exam, cert (ledger_record_commands.h)
}

}  // namespace drillbase::tools
