// libFuzzer harness: action scripts (sim/engine/action_script.h) with every command any hazard
// declares.
#include "fuzz_support.h"
#include "sim/engine/action_script.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase;
    static const sim::CommandCatalog catalog = [] {
        auto c = fuzz::content().catalogFor("");
        for (const auto& t : fuzz::content().hazards().all()) c.add(t->commands());
        return c;
    }();
    std::vector<Diagnostic> d;
    const auto doc =
        parseJsonText("a.json", std::string(reinterpret_cast<const char*>(data), size), d);
    if (!doc) return fuzz::requireLocated(d, false), 0;
    const auto script = sim::parseActionScript(*doc, catalog, d);
    fuzz::requireLocated(d, script.has_value());
    if (script)
        for (const auto& s : *script) fuzz::require(catalog.check(s.command).empty());
    return 0;
}
