// scenario_fixture.h — the shipped chlorine scenario, loaded for engine tests.
#pragma once

#include "sim/scenario/scenario_loader.h"

#include <doctest/doctest.h>

#include <filesystem>

inline std::filesystem::path shippedScenario(const char* name) {
    return std::filesystem::path(DRILLBASE_SOURCE_DIR) / "scenarios" / name;
}

inline const std::set<std::string>& testChemicals() {
    static const std::set<std::string> names = {"chlorine", "ammonia", "hydrogen_sulfide"};
    return names;
}

inline drillbase::sim::Scenario loadShipped(const char* name) {
    std::vector<drillbase::Diagnostic> d;
    auto sc = drillbase::sim::loadScenarioFile(shippedScenario(name), testChemicals(), d);
    for (const auto& x : d) MESSAGE(x.format());
    REQUIRE(sc);
    return *sc;
}
