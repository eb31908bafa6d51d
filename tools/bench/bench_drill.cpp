// bench_drill — a whole 1-hour chemical-leak drill run headless (engine, people, units, puff
// hazard, scoring) on the shipped chlorine scenario with its model answer, reported as a
// multiple of real time (goal ≥ 200×), next to the same run with the GUI's overlay refreshed
// every 10 s of drill time, which is what a trainee's screen costs on top.
#include "common/data_dir.h"
#include "sim/engine/action_script.h"
#include "sim/engine/outcomes.h"
#include "sim/hazards/hazard_factory.h"
#include "sim/scenario/scenario_loader.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

using namespace drillbase;

namespace {
std::string slurp(const std::filesystem::path& f) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double runOnce(const sim::HazardFactory& hazards, const sim::Scenario& sc, const std::string& text,
               const std::vector<sim::ScheduledCommand>& script, bool overlay, std::uint64_t& hash) {
    const auto t0 = std::chrono::steady_clock::now();
    sim::Drill drill(sc, 1, hazards.make(sc));
    std::ostringstream log;
    sim::DrillRecorder rec(drill, log, sc.id, text, 1);
    sim::FieldGrid grid(0, 0, 10, static_cast<int>(sc.map.widthM / 10), static_cast<int>(sc.map.heightM / 10));
    std::size_t next = 0;
    auto noEnd = script;
    std::erase_if(noEnd, [](const sim::ScheduledCommand& c) { return c.command.type == sim::CommandType::EndDrill; });
    while (drill.state().tick < 3600) {
        while (next < noEnd.size() && noEnd[next].atS <= drill.state().timeS()) rec.apply(noEnd[next++].command);
        rec.step();
        if (overlay && drill.state().tick % 10 == 0) drill.hazard()->fillField(grid, 1.5);
    }
    rec.finish();
    hash = drill.hash();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main() {
    std::vector<Diagnostic> diags;
    const auto hazards = sim::HazardFactory::load(contentDir(), diags);
    const auto file = scenarioDir() / "chlorine-waterworks-night.json";
    const auto text = slurp(file);
    const auto doc = parseJsonText(file.string(), text, diags);
    const auto sc = doc && hazards ? sim::loadScenario(*doc, hazards->chemicalNames(), diags) : std::nullopt;
    const auto adoc = loadJsonFile(scenarioDir() / "actions" / "chlorine-waterworks-night.model.json", diags);
    const auto script = adoc ? sim::parseActionScript(*adoc, diags) : std::nullopt;
    if (!sc || !script) {
        for (const auto& d : diags) std::fprintf(stderr, "%s\n", d.format().c_str());
        return 1;
    }
    std::uint64_t h1 = 0, h2 = 0;
    double best = 1e9, bestOverlay = 1e9;
    for (int i = 0; i < 3; ++i) {  // best of three: the machine is shared
        best = std::min(best, runOnce(*hazards, *sc, text, *script, false, h1));
        bestOverlay = std::min(bestOverlay, runOnce(*hazards, *sc, text, *script, true, h2));
    }
    std::printf("bench_drill: 1 h chlorine drill (%zu people, %zu units), model answer, best of 3\n",
                sc->people.size(), sc->units.size());
    std::printf("  headless run:                 %8.3f s = %8.0f x real time (goal >= 200 x)\n", best, 3600 / best);
    std::printf("  with 10 m overlay every 10 s: %8.3f s = %8.0f x real time\n", bestOverlay, 3600 / bestOverlay);
    std::printf("  overlay cost ratio:           %8.2f x\n", bestOverlay / best);
    std::printf("  same state both ways:         %s\n", h1 == h2 ? "yes" : "NO");
    return h1 == h2 ? 0 : 1;
}
