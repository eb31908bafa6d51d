#include "tools/drillctl/drill_commands.h"

#include "common/data_dir.h"
#include "ledger/sha256.h"
#include "sim/engine/action_script.h"
#include "sim/engine/drill_pipeline.h"
#include "sim/hazards/builtin_hazards.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/scenario/scenario_migrate.h"
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

// What running a drill needs: the hazard data, the scenario (text and parsed) and the
// trainee's script. Every problem in any of them is printed before giving up.
struct DrillInputs {
    sim::SimContent content;
    std::string scenarioText;
    sim::Scenario scenario;
    std::vector<sim::ScheduledCommand> script;
};

std::optional<DrillInputs> loadDrillInputs(const std::string& scenarioPath,
                                           const std::string& actionsPath) {
    std::vector<Diagnostic> diags;
    auto content = sim::loadSimContent(contentDir(), diags);
    std::string text = slurp(scenarioPath);
    const auto doc = parseJsonText(scenarioPath, text, diags);
    auto sc = doc && content ? sim::loadScenario(*doc, *content, diags) : std::nullopt;
    std::optional<std::vector<sim::ScheduledCommand>> script = std::vector<sim::ScheduledCommand>{};
    if (!actionsPath.empty() && sc) {
        const auto adoc = loadJsonFile(actionsPath, diags);
        script = adoc ? sim::parseActionScript(*adoc, content->catalogFor(sc->hazardType), diags)
                      : std::nullopt;
    }
    if (!content || !sc || !script) {
        printDiagnostics(diags);
        return std::nullopt;
    }
    return DrillInputs{std::move(*content), std::move(text), std::move(*sc), std::move(*script)};
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
    const auto drillPtr = sim::makeDrill(in->content, *sc, o.seed);
    auto& drill = *drillPtr;
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
    rec.finish();

    const auto result = sim::concludeDrill(drill, *scale);
    const auto& score = result.score;
    nlohmann::json report = {{"scenario", sc->id},
                             {"hazard", sc->hazardType},
                             {"seed", o.seed},
                             {"duration_s", drill.state().timeS()},
                             {"state_hash", sim::hex64(drill.hash())},
                             {"score", sim::toJson(score)},
                             {"outcomes", result.record.outcomes},
                             {"validity", result.validity},
                             {"timeline", sim::timelineJson(drill)}};
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
    const auto drillPtr = sim::makeDrill(in->content, *sc, o.seed);
    auto& drill = *drillPtr;
    std::ostringstream discard;
    sim::DrillRecorder rec(drill, discard, o.scenario, in->scenarioText, o.seed);
    sim::runScript(rec, drill, in->script, o.timeS);
    for (const auto& p : points) {
        const double v = drill.hazard()->intensityAt(p[0], p[1], p[2]);
        // Keys in the documented order: t, x, y, z, value, unit, then the hazard's own (gas:
        // mg/m³ and ppm; flood: depth, speed and hazard rating).
        nlohmann::ordered_json j = {{"t", drill.state().timeS()},
                                    {"x", p[0]},
                                    {"y", p[1]},
                                    {"z", p[2]},
                                    {"value", v},
                                    {"unit", drill.hazard()->legend().unit}};
        for (const auto& [key, value] : drill.hazard()->sample(p[0], p[1], p[2])) j[key] = value;
        std::cout << j.dump() << '\n';
    }
    return 0;
}

// The scenario a log names: `--scenario`, else the path in its header (relative paths from the
// current folder, then from the log's own folder).
std::filesystem::path scenarioForLog(const std::string& logPath, const sim::LogHeader& h,
                                     const std::string& override) {
    if (!override.empty()) return override;
    std::filesystem::path p = h.scenarioPath;
    std::error_code ec;
    if (p.is_relative() && !std::filesystem::exists(p, ec)) {
        const auto beside = std::filesystem::path(logPath).parent_path() / p;
        if (std::filesystem::exists(beside, ec)) return beside;
    }
    return p;
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
    const auto scenarioPath = scenarioForLog(logPath, log.header, scenarioOverride);
    std::error_code ec;
    if (scenarioPath.empty() || !std::filesystem::is_regular_file(scenarioPath, ec)) {
        std::cerr << logPath << ": the scenario \"" << scenarioPath.string()
                  << "\" the log names is not here; give it with --scenario FILE\n";
        return 1;
    }
    const auto text = slurp(scenarioPath);
    if (sim::scenarioHash(text) != log.header.scenarioHash) {
        std::cerr << logPath << ": scenario " << scenarioPath.string()
                  << " is not the one the drill ran on (hash " << sim::scenarioHash(text)
                  << ", log says " << log.header.scenarioHash << ")\n";
        return 1;
    }
    for (const auto& input : log.header.inputs) {
        const auto file = scenarioPath.parent_path() / input.path;
        if (sim::scenarioHash(slurp(file)) != input.hash) {
            std::cerr << logPath << ": " << file.string()
                      << " is not the grid the drill ran on (log says " << input.hash << ")\n";
            return 1;
        }
    }
    std::vector<Diagnostic> diags;
    const auto content = sim::loadSimContent(contentDir(), diags);
    const auto doc = parseJsonText(scenarioPath.string(), text, diags);
    const auto sc = doc && content ? sim::loadScenario(*doc, *content, diags) : std::nullopt;
    if (!sc) {
        printDiagnostics(diags);
        return 1;
    }
    try {
        sim::resolveCommands(log, content->catalogFor(sc->hazardType), logPath);
    } catch (const std::exception& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    const auto drill = sim::makeDrill(*content, *sc, log.header.seed);
    const auto res = sim::replay(log, *drill);
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
              << drill->state().tick << '\n';
    return 0;
}

int migrateScenario(const std::string& file, const std::string& outPath) {
    nlohmann::ordered_json v1;
    try {
        std::ifstream in(file, std::ios::binary);
        v1 = nlohmann::ordered_json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        std::cerr << file << ": not valid JSON: " << e.what() << '\n';
        return 1;
    }
    std::string error;
    const auto v2 = sim::migrateScenarioV1(v1, error);
    if (!v2) {
        std::cerr << file << ": " << error << '\n';
        return 1;
    }
    const std::string target = outPath.empty() ? file : outPath;
    const std::string text = v2->dump(2) + "\n";
    // Check before writing: a migration that does not load must not replace the file.
    std::vector<Diagnostic> diags;
    const auto content = sim::loadSimContent(contentDir(), diags);
    const auto doc = parseJsonText(target, text, diags);
    if (!content || !doc || !sim::loadScenario(*doc, *content, diags)) {
        printDiagnostics(diags);
        std::cerr << file << ": migrated, but the result has the errors above; nothing written\n";
        return 1;
    }
    const auto tmp = target + ".partial";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            std::cerr << tmp << ": cannot write\n";
            return 1;
        }
    }
    std::filesystem::rename(tmp, target);
    std::cout << file << ": migrated to " << sim::kScenarioFormat
              << " (stability, terrain, releases and valves now under /hazard) -> " << target
              << '\n';
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
        const auto content = sim::loadSimContent(contentDir(), diags);
        if (!content) {
            printDiagnostics(diags);
            exitCode = 1;
            return;
        }
        int bad = 0;
        for (const auto& f : files) {
            std::vector<Diagnostic> d;
            if (!sim::loadScenarioFile(f, *content, d)) ++bad;
            printDiagnostics(d);
        }
        std::cout << files.size() << " scenario(s), " << bad << " with errors\n";
        exitCode = bad ? 1 : 0;
    });

    static std::string migrateFile, migrateOut;
    auto* migrate = scenario->add_subcommand(
        "migrate", "Rewrite a drillbase-scenario/1 file as drillbase-scenario/2 (in place)");
    migrate->add_option("file", migrateFile, "Scenario file")->required()->check(CLI::ExistingFile);
    migrate->add_option("--out", migrateOut, "Write here instead of replacing the file");
    migrate->callback([&exitCode] { exitCode = migrateScenario(migrateFile, migrateOut); });

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
    auto* sampleCmd = app.add_subcommand("sample",
                                         "The hazard's field (gas: concentration) at points at a "
                                         "drill time (one JSON object per point)");
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
