// libFuzzer harness: the content files the simulation reads (chemicals, drill rules, gas rules,
// flood rules, transfer rules, grade scale), each loader on the same document.
#include "fuzz_support.h"
#include "sim/chemicals.h"
#include "sim/hazards/flood/flood_rules.h"
#include "sim/hazards/gas/gas_config.h"
#include "sim/scoring/scorer.h"
#include "sim/transfer/transfer_rules.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase;
    std::vector<Diagnostic> d;
    const auto doc =
        parseJsonText("c.json", std::string(reinterpret_cast<const char*>(data), size), d);
    if (!doc) return fuzz::requireLocated(d, false), 0;
    std::vector<Diagnostic> a, b, c, e, f, t;
    fuzz::requireLocated(a, sim::ChemicalTable::fromDocument(*doc, a).has_value());
    fuzz::requireLocated(b, sim::parseDrillRules(*doc, b).has_value());
    fuzz::requireLocated(c, sim::parseGasRules(*doc, c).has_value());
    fuzz::requireLocated(e, sim::parseGradeScale(*doc, e).has_value());
    fuzz::requireLocated(f, sim::parseFloodRules(*doc, f).has_value());
    fuzz::requireLocated(t, sim::parseTransferRules(*doc, t).has_value());
    return 0;
}
