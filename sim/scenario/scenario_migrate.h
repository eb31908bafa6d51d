// scenario_migrate.h — rewrites a drillbase-scenario/1 document as /2 (`drillctl scenario
// migrate`): the gas fields move into the hazard section, nothing else changes.
//   weather.stability → hazard.stability   weather.terrain → hazard.terrain
//   releases → hazard.releases             map.valves → hazard.valves     hazard.type = "gas"
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace drillbase::sim {

// nullopt and `error` when `v1` is not a /1 scenario object.
std::optional<nlohmann::ordered_json> migrateScenarioV1(const nlohmann::ordered_json& v1,
                                                        std::string& error);

}  // namespace drillbase::sim
