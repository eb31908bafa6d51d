// libFuzzer harness: scenario files (sim/scenario/scenario_loader.h) against the shipped
// content; a scenario that loads must also make a drill and run a few ticks.
#include "fuzz_support.h"
#include "sim/engine/drill_pipeline.h"
#include "sim/scenario/scenario_loader.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase;
    std::vector<Diagnostic> d;
    const auto doc =
        parseJsonText("s.json", std::string(reinterpret_cast<const char*>(data), size), d);
    if (!doc) return fuzz::requireLocated(d, false), 0;
    const auto sc = sim::loadScenario(*doc, fuzz::content(), d);
    fuzz::requireLocated(d, sc.has_value());
    if (!sc) return 0;
    const auto drill = sim::makeDrill(fuzz::content(), *sc, 1);
    for (int i = 0; i < 3; ++i) drill->step();
    return 0;
}
