// scenario_loader.h — reads and validates a drillbase-scenario/1 file. Every error is
// reported (never just the first) as FILE:LINE:COL: /json/pointer: message.
#pragma once

#include "sim/scenario/scenario.h"

#include <set>

namespace drillbase::sim {

inline constexpr const char* kScenarioFormat = "drillbase-scenario/1";

// `chemicals`: the names a release may use (from content/chemicals.json).
std::optional<Scenario> loadScenario(const JsonDocument& doc,
                                     const std::set<std::string>& chemicals,
                                     std::vector<Diagnostic>& out);
std::optional<Scenario> loadScenarioFile(const std::filesystem::path& file,
                                         const std::set<std::string>& chemicals,
                                         std::vector<Diagnostic>& out);

}  // namespace drillbase::sim
