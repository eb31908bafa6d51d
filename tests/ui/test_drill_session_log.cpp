// A drill recorded through the GUI's DrillSession (headless: no window) is a log drillctl can
// replay from the log alone: its header names the scenario by an absolute path, so the replay
// works from any directory. A scenario that differs by one byte is refused.
#include "common/json_source.h"
#include "run_command.h"
#include "sim/engine/action_script.h"
#include "sim/hazards/builtin_hazards.h"
#include "sim/scenario/scenario_loader.h"
#include "ui/drill_session.h"
#include "ui_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace drillbase;

namespace {

const std::string kDrillctl = DRILLCTL_EXE;

std::filesystem::path scenarios() {
    return std::filesystem::path(DRILLBASE_SOURCE_DIR) / "scenarios";
}

std::filesystem::path scratch(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("drillbase-ui-log-" + std::to_string(::getpid())) / name;
    std::filesystem::create_directories(dir);
    return dir;
}

void writeFile(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    REQUIRE(out.good());
}

// Everything the session needs, loaded as the GUI loads it; problems fail the test with their
// FILE:LINE:COL messages.
struct Inputs {
    std::optional<sim::SimContent> content;
    std::optional<sim::GradeScale> grades;
    std::optional<sim::Scenario> scenario;
    std::string scenarioText;
    std::vector<sim::ScheduledCommand> script;
};

Inputs loadInputs(const std::filesystem::path& scenarioFile,
                  const std::filesystem::path& actionsFile) {
    Inputs in;
    std::vector<Diagnostic> diags;
    in.content = sim::loadSimContent(sourceContent(), diags);
    if (const auto doc = loadJsonFile(sourceContent() / "grading.json", diags))
        in.grades = sim::parseGradeScale(*doc, diags);
    in.scenarioText = slurp(scenarioFile.string());
    if (in.content)
        if (const auto doc = parseJsonText(scenarioFile.string(), in.scenarioText, diags))
            in.scenario = sim::loadScenario(*doc, *in.content, diags);
    if (in.scenario)
        if (const auto doc = loadJsonFile(actionsFile, diags))
            if (auto s = sim::parseActionScript(
                    *doc, in.content->catalogFor(in.scenario->hazardType), diags))
                in.script = std::move(*s);
    for (const auto& d : diags) MESSAGE(d.format());
    REQUIRE(diags.empty());
    REQUIRE(in.content);
    REQUIRE(in.grades);
    REQUIRE(in.scenario);
    REQUIRE_FALSE(in.script.empty());
    return in;
}

nlohmann::json header(const std::string& log) {
    return nlohmann::json::parse(log.substr(0, log.find('\n')));
}

}  // namespace

TEST_CASE("a drill recorded by DrillSession replays with drillctl from its log alone") {
    const auto scenarioFile = scenarios() / "chlorine-waterworks-night.json";
    const auto in =
        loadInputs(scenarioFile, scenarios() / "actions" / "chlorine-waterworks-night.model.json");
    ui::DrillSession session(*in.content, *in.scenario, scenarioFile, in.scenarioText, *in.grades,
                             1);
    session.runScript(in.script, 3600);
    // The model answer ends the drill at 40 min: the session concluded it.
    REQUIRE(session.report());
    CHECK(session.drill().state().ended);
    CHECK(session.report()->possible > 0);

    const std::string log = session.log();
    const auto h = header(log);
    const std::filesystem::path named = h.at("scenario").get<std::string>();
    CHECK(named.is_absolute());
    CHECK(std::filesystem::equivalent(named, scenarioFile));
    CHECK(h.at("scenario_id") == in.scenario->id);
    CHECK(h.at("hazard") == "gas");

    const auto dir = scratch("replay");
    const auto logFile = dir / "chlorine.jsonl";
    writeFile(logFile, log);
    // From another directory, so only an absolute path in the header can find the scenario.
    const auto r =
        runCommand("cd " + dir.string() + " && " + kDrillctl + " drill replay " + logFile.string());
    INFO(r.out, r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("replay matches") != std::string::npos);

    // The same scenario with one byte changed is not the one the drill ran on.
    const auto copyDir = scratch("changed");
    auto changed = in.scenarioText;
    const auto at = changed.find("Chlorine leak");
    REQUIRE(at != std::string::npos);
    changed[at] = 'c';
    const auto copy = copyDir / "chlorine-waterworks-night.json";
    writeFile(copy, changed);
    const auto refused = runCommand(kDrillctl + " drill replay " + logFile.string() +
                                    " --scenario " + copy.string());
    INFO(refused.out, refused.err);
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.find("is not the one the drill ran on") != std::string::npos);
    CHECK(refused.out.find("replay matches") == std::string::npos);

    // The unchanged copy is accepted: the file's content, not its place, identifies it.
    writeFile(copy, in.scenarioText);
    const auto same = runCommand(kDrillctl + " drill replay " + logFile.string() + " --scenario " +
                                 copy.string());
    INFO(same.out, same.err);
    CHECK(same.exitCode == 0);
}

TEST_CASE("the GUI names the scenario by its absolute path when it starts a drill") {
    ui::App app(sourceContent(), testDbPath("log-path"));
    std::string why;
    REQUIRE(app.startScenarioFile(scenarios() / "chlorine-waterworks-night.json",
                                  scenarios() / "actions" / "chlorine-waterworks-night.model.json",
                                  60, why));
    REQUIRE(app.session());
    const std::filesystem::path named =
        header(app.session()->log()).at("scenario").get<std::string>();
    CHECK(named.is_absolute());
    CHECK(std::filesystem::equivalent(named, scenarios() / "chlorine-waterworks-night.json"));
    CHECK(app.session()->scenarioPath() == named.string());
}
