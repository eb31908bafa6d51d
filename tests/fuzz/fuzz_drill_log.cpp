// libFuzzer harness: drill logs (sim/engine/drill_log.h): reading, resolving the commands with
// the gas drill's catalog, and replaying on the shipped chlorine scenario.
#include "fuzz_support.h"
#include "sim/engine/drill_log.h"
#include "sim/engine/drill_pipeline.h"
#include "sim/scenario/scenario_loader.h"

#include <cstdint>
#include <sstream>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase;
    static const sim::Scenario scenario = [] {
        std::vector<Diagnostic> d;
        auto sc = sim::loadScenarioFile(std::filesystem::path(DRILLBASE_SOURCE_DIR) / "scenarios" /
                                            "chlorine-waterworks-night.json",
                                        fuzz::content(), d);
        fuzz::require(sc.has_value());
        return std::move(*sc);
    }();
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        auto log = sim::readDrillLog(in, "f.jsonl");
        sim::resolveCommands(log, fuzz::content().catalogFor("gas"), "f.jsonl");
        // Replay a bounded stretch only: a log may name any tick.
        if (!log.entries.empty() && log.entries.back().tick > 600) return 0;
        const auto drill = sim::makeDrill(fuzz::content(), scenario, log.header.seed);
        (void)sim::replay(log, *drill);
    } catch (const std::runtime_error& e) {
        // The only way a log is refused, always naming the log.
        fuzz::require(std::string(e.what()).rfind("f.jsonl", 0) == 0);
    }
    return 0;
}
