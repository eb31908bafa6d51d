// scenario_fixture.h — the shipped content and scenarios, loaded for engine tests.
#pragma once

#include "sim/hazards/builtin_hazards.h"
#include "sim/scenario/scenario_loader.h"

#include <doctest/doctest.h>

#include <filesystem>

inline std::filesystem::path shippedScenario(const char* name) {
    return std::filesystem::path(DRILLBASE_SOURCE_DIR) / "scenarios" / name;
}

inline const drillbase::sim::SimContent& testContent() {
    static const drillbase::sim::SimContent content = [] {
        std::vector<drillbase::Diagnostic> d;
        auto c = drillbase::sim::loadSimContent(
            std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content", d);
        for (const auto& x : d) MESSAGE(x.format());
        REQUIRE(c);
        return std::move(*c);
    }();
    return content;
}

inline drillbase::sim::Scenario loadShipped(const char* name) {
    std::vector<drillbase::Diagnostic> d;
    auto sc = drillbase::sim::loadScenarioFile(shippedScenario(name), testContent(), d);
    for (const auto& x : d) MESSAGE(x.format());
    REQUIRE(sc);
    return *sc;
}
