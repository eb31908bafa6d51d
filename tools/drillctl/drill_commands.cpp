#include "tools/drillctl/drill_commands.h"

#include "common/data_dir.h"
#include "ledger/sha256.h"
#include "sim/engine/action_script.h"
#include "sim/engine/outcomes.h"
#include "sim/hazards/hazard_factory.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/scoring/drill_assessment.h"
#include "sim/scoring/scorer.h"
#include "tools/drillctl/ledger_cli.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace drillbase::tools {

namespace {

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void printDiagnostics(const std::vector<Diagnostic>& d) {
    for (const auto& x : d) std::cerr << x.format() << '\n';
}

std::optional<sim::GradeScale> gradeScale(std::vector<Diagnostic>& diags) {
    const auto doc = loadJsonFile(contentDir() / "grading.json", diags);
    return doc ? sim::parseGradeScale(*doc, diags) : std::nullopt;
}

nlohmann::json timelineJson(const sim::Drill& d) {
    nlohmann::json out = nlohmann::json::array();
    const auto tickMs = d.state().tickMillis;
    for (const auto& e : d.timeline()) {
        nlohmann::json j = {{"tick", e.tick},
                            {"t_s", static_cast<double>(e.tick * tickMs) / 1000.0},
                            {"event", e.kind}};
        if (!e.attrs.empty()) j["attrs"] = e.attrs;
        out.push_back(std::move(j));
    }
    return out;
}

// What running a drill needs: the hazard data, the scenario (text and parsed) and the
// trainee's script. Every problem in any of them is printed before giving up.
struct DrillInputs {
    sim::HazardFactory hazards;
    std::string scenarioText;
    sim::Scenario scenario;
    std::vector<sim::ScheduledCommand> script;
};

std::optional<DrillInputs> loadDrillInputs(const std::string& scenarioPath,
                                           const std::string& actionsPath) {
    std::vector<Diagnostic> diags;
    auto hazards = sim::HazardFactory::load(contentDir(), diags);
    std::string text = slurp(scenarioPath);
    const auto doc = parseJsonText(scenarioPath, text, diags);
    auto sc =
        doc && hazards ? sim::loadScenario(*doc, hazards->chemicalNames(), diags) : std::nullopt;
    std::optional<std::vector<sim::ScheduledCommand>> script = std::vector<sim::ScheduledCommand>{};
    if (!actionsPath.empty()) {
        const auto adoc = loadJsonFile(actionsPath, diags);
        script = adoc ? sim::parseActionScript(*adoc, diags) : std::nullopt;
    }
    if (!hazards || !sc || !script) {
        printDiagnostics(diags);
        return std::nullopt;
    }
    return DrillInputs{std::move(*hazards), std::move(text), std::move(*sc), std::move(*script)};
}

struct RunOptions {
    std::string scenario, actions, report, log;
    std::uint64_t seed = 1;
    double untilS = 3600;
    std::string recordPerson;  // ledger person id to record the result for
    std::string db;            // ledger database (default: the embedded one)
    std::string asUser;        // --as: who records the result (ledger_cli.h requirePermission)
    std::string recordedBy;    // that user once signed in (empty in local mode)
};

// Records the scored drill in the person's archive. The log is required: its SHA-256 in the
// ledger is what lets an official replay the drill and check the score later.
void recordInLedger(const RunOptions& o, const sim::ScoreReport& score, const sim::Scenario& sc,
                    double passPercent) {
    std::ifstream in(o.log, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    auto ledger = openLedger(db, file);
    ledger->setRecordedBy(o.recordedBy);
    const auto result = sim::drillAssessment(
        score, sc, passPercent, o.recordPerson, localToday().iso(),
        ledger->nextAttempt(o.recordPerson, sc.id), ledger::sha256Hex(text.str()));
    try {
        const auto id = ledger->recordAssessment(result, utcNow());
        std::cout << "recorded for " << o.recordPerson << " as " << id << " (attempt "
                  << result.attempt << ")\n";
    } catch (const ledger::LedgerError& e) {
        ledgerFail(e.what(), kLedgerRefused);
    }
}

int runDrill(const RunOptions& o) {
    std::vector<Diagnostic> diags;
    const auto scale = gradeScale(diags);
    if (!scale) {
        printDiagnostics(diags);
        return 1;
    }
    const auto in = loadDrillInputs(o.scenario, o.actions);
    if (!in) return 1;
    const auto* sc = &in->scenario;
    const auto& scenarioText = in->scenarioText;
    sim::Drill drill(*sc, o.seed, in->hazards.make(*sc));
    std::ofstream logFile;
    std::ostringstream discard;
    if (!o.log.empty()) {
        logFile.open(o.log, std::ios::binary | std::ios::trunc);
        if (!logFile) {
            std::cerr << o.log << ": cannot write the drill log\n";
            return 1;
        }
    }
    std::ostream& logOut = o.log.empty() ? static_cast<std::ostream&>(discard) : logFile;
    sim::DrillRecorder rec(drill, logOut, o.scenario, scenarioText, o.seed);
    sim::runScript(rec, drill, in->script, o.untilS);

    sim::DrillRecord record;
    record.tickMillis = drill.state().tickMillis;
    record.endTick = drill.state().tick;
    record.events = drill.timeline();
    record.outcomes = sim::computeOutcomes(drill.state(), drill.hazard());
    const auto score = sim::scoreDrill(sc->rubric, record, *scale);
    nlohmann::json report = {{"scenario", sc->id},
                             {"seed", o.seed},
                             {"duration_s", drill.state().timeS()},
                             {"state_hash", sim::hex64(drill.hash())},
                             {"score", sim::toJson(score)},
                             {"outcomes", record.outcomes},
                             {"validity", in->hazards.validityNotes(*sc, drill.state())},
                             {"timeline", timelineJson(drill)}};
    const std::string text = report.dump(2) + "\n";
    if (!o.recordPerson.empty()) {
        logFile.close();
        recordInLedger(o, score, *sc, scale->passPercent);
    }
    if (o.report.empty()) {
        std::cout << text;
    } else {
        std::ofstream(o.report, std::ios::binary | std::ios::trunc) << text;
        std::cout << sc->id << ": " << score.percent << " / 100, " << score.grade.zh << " ("
                  << score.grade.en << ")"
                  << (score.complete ? "" : ", provisional: manual items await marks") << '\n';
    }
    return 0;
}

struct SampleOptions {
    std::string scenario, actions;
    double timeS = 0;
    std::vector<std::string> points;
    std::uint64_t seed = 1;
};

// "X,Y" or "X,Y,Z" in metres; Z defaults to 0 (ground level).
std::optional<std::array<double, 3>> parsePoint(const std::string& text) {
    std::array<double, 3> p{0, 0, 0};
    char extra = 0;
    const int n = std::sscanf(text.c_str(), "%lf,%lf,%lf%c", &p[0], &p[1], &p[2], &extra);
    if (n == 2 || n == 3) return p;
    return std::nullopt;
}

int sampleDrill(const SampleOptions& o) {
    std::vector<std::array<double, 3>> points;
    for (const auto& text : o.points) {
        const auto p = parsePoint(text);
        if (!p) {
            std::cerr << "--at " << text << ": expected X,Y or X,Y,Z in metres\n";
            return 1;
        }
        points.push_back(*p);
    }
    const auto in = loadDrillInputs(o.scenario, o.actions);
    if (!in) return 1;
    const auto* sc = &in->scenario;
    const auto* hazards = &in->hazards;
    sim::Drill drill(*sc, o.seed, hazards->make(*sc));
    std::ostringstream discard;
    sim::DrillRecorder rec(drill, discard, o.scenario, in->scenarioText, o.seed);
    sim::runScript(rec, drill, in->script, o.timeS);
    double mw = 0;
    if (!sc->releases.empty())
        if (const auto* c = hazards->chemicals().find(sc->releases.front().chemical))
            mw = c->molecularWeight;
    for (const auto& p : points) {
        const double mg = drill.hazard()->intensityAt(p[0], p[1], p[2]);
        // Keys in the documented order: t, x, y, z, gas_mg_m3, gas_ppm.
        nlohmann::ordered_json j = {{"t", drill.state().timeS()},
                                    {"x", p[0]},
                                    {"y", p[1]},
                                    {"z", p[2]},
                                    {"gas_mg_m3", mg},
                                    {"gas_ppm", mw > 0 ? mg * 24.45 / mw : 0.0}};
        std::cout << j.dump() << '\n';
    }
    return 0;
}

int replayLog(const std::string& logPath, const std::string& scenarioOverride) {
    std::ifstream in(logPath, std::ios::binary);
    if (!in) {
        std::cerr << logPath << ": cannot read\n";
        return 1;
    }
    sim::DrillLog log;
    try {
        log = sim::readDrillLog(in, logPath);
    } catch (const std::exception& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    const std::string scenarioPath =
        scenarioOverride.empty() ? log.header.scenarioPath : scenarioOverride;
    const auto text = slurp(scenarioPath);
    if (sim::scenarioHash(text) != log.header.scenarioHash) {
        std::cerr << logPath << ": scenario " << scenarioPath
                  << " is not the one the drill ran on (hash " << sim::scenarioHash(text)
                  << ", log says " << log.header.scenarioHash << ")\n";
        return 1;
    }
    std::vector<Diagnostic> diags;
    const auto hazards = sim::HazardFactory::load(contentDir(), diags);
    const auto doc = parseJsonText(scenarioPath, text, diags);
    const auto sc =
        doc && hazards ? sim::loadScenario(*doc, hazards->chemicalNames(), diags) : std::nullopt;
    if (!sc) {
        printDiagnostics(diags);
        return 1;
    }
    sim::Drill drill(*sc, log.header.seed, hazards->make(*sc));
    const auto res = sim::replay(log, drill);
    if (!res.error.empty()) {
        std::cerr << logPath << ": " << res.error << '\n';
        return 1;
    }
    if (!res.ok) {
        std::cout << "first differing tick: " << res.firstBadTick << " (log " << res.expected
                  << ", replay " << res.actual << ")\n";
        return 1;
    }
    std::cout << "replay matches: " << res.checkedHashes << " state hashes, last tick "
              << drill.state().tick << '\n';
    return 0;
}

}  // namespace

void addDrillCommands(CLI::App& app, int& exitCode) {
    auto* scenario = app.add_subcommand("scenario", "Drill scenarios");
    scenario->require_subcommand(1);
    auto* validate = scenario->add_subcommand(
        "validate", "Check scenario files; every error as FILE:LINE:COL: /pointer: message");
    static std::vector<std::string> files;
    validate->add_option("files", files, "Scenario files")->required()->check(CLI::ExistingFile);
    validate->callback([&exitCode] {
        std::vector<Diagnostic> diags;
        const auto hazards = sim::HazardFactory::load(contentDir(), diags);
        if (!hazards) {
            printDiagnostics(diags);
            exitCode = 1;
            return;
        }
        int bad = 0;
        for (const auto& f : files) {
            std::vector<Diagnostic> d;
            if (!sim::loadScenarioFile(f, hazards->chemicalNames(), d)) ++bad;
            printDiagnostics(d);
        }
        std::cout << files.size() << " scenario(s), " << bad << " with errors\n";
        exitCode = bad ? 1 : 0;
    });

    auto* drill = app.add_subcommand("drill", "Run and replay drills headless");
    drill->require_subcommand(1);
    static RunOptions run;
    auto* runCmd = drill->add_subcommand("run", "Run a drill and print or save its report");
    runCmd->add_option("scenario", run.scenario, "Scenario file")
        ->required()
        ->check(CLI::ExistingFile);
    runCmd
        ->add_option("--actions", run.actions, "JSON list of {\"t\": seconds, \"command\": {...}}")
        ->check(CLI::ExistingFile);
    runCmd->add_option("--seed", run.seed, "Random seed");
    runCmd->add_option("--until", run.untilS, "Drill time to run, seconds (default 3600)")
        ->check(CLI::PositiveNumber);
    runCmd->add_option("--report", run.report, "Write the JSON report here (default: stdout)");
    runCmd->add_option("--log", run.log, "Write the drill log (JSON lines) here");
    runCmd->add_option("--record-person", run.recordPerson,
                       "Record the result in this person's archive in the ledger (needs --log)");
    runCmd->add_option("--db", run.db,
                       "Ledger database for --record-person (default: the embedded one); once it "
                       "has users, --record-person needs an instructor's --as");
    addActorOption(*runCmd, run.asUser);
    runCmd->callback([&exitCode] {
        if (!run.recordPerson.empty() && run.log.empty()) {
            std::cerr
                << "drill run: --record-person needs --log: the ledger keeps the log's hash\n";
            exitCode = 1;
            return;
        }
        guarded([&exitCode] {
            // Checked before the drill runs: a refused recorder gets no drill and no log.
            if (!run.recordPerson.empty()) {
                auto db = openExisting(resolveDb(run.db));
                if (const auto user =
                        requirePermission(db, run.asUser, ledger::Action::RecordResults))
                    run.recordedBy = user->name;
            }
            exitCode = runDrill(run);
        })();
    });

    static SampleOptions sample;
    auto* sampleCmd = app.add_subcommand(
        "sample", "Gas concentration at points at a drill time (one JSON object per point)");
    sampleCmd->add_option("scenario", sample.scenario, "Scenario file")
        ->required()
        ->check(CLI::ExistingFile);
    sampleCmd->add_option("--actions", sample.actions, "Action script applied up to that time")
        ->check(CLI::ExistingFile);
    sampleCmd->add_option("--time", sample.timeS, "Drill time, seconds")
        ->required()
        ->check(CLI::NonNegativeNumber);
    sampleCmd
        ->add_option("--at", sample.points,
                     "X,Y[,Z] in metres (Z default 0, ground level); repeatable")
        ->required();
    sampleCmd->add_option("--seed", sample.seed, "Random seed");
    sampleCmd->callback([&exitCode] { exitCode = sampleDrill(sample); });

    static std::string logPath, scenarioOverride;
    auto* replayCmd = drill->add_subcommand(
        "replay", "Re-run a drill log; print the first tick whose state hash differs");
    replayCmd->add_option("log", logPath, "Drill log file")->required();
    replayCmd->add_option("--scenario", scenarioOverride,
                          "Scenario file (default: the path in the log)");
    replayCmd->callback([&exitCode] { exitCode = replayLog(logPath, scenarioOverride); });
}

}  // namespace drillbase::tools
