// scenario_loader.h — reads and validates a drillbase-scenario/2 file. Every error is reported
// (never just the first) as FILE:LINE:COL: /json/pointer: message; a key the format does not
// know is an error with the nearest known key suggested, never silently ignored. The hazard
// section is read by the HazardType its "type" names.
#pragma once

#include "sim/engine/sim_content.h"
#include "sim/scenario/scenario.h"

namespace drillbase::sim {

inline constexpr const char* kScenarioFormat = "drillbase-scenario/2";
inline constexpr const char* kScenarioFormatV1 = "drillbase-scenario/1";

std::optional<Scenario> loadScenario(const JsonDocument& doc, const SimContent& content,
                                     std::vector<Diagnostic>& out);
std::optional<Scenario> loadScenarioFile(const std::filesystem::path& file,
                                         const SimContent& content, std::vector<Diagnostic>& out);

}  // namespace drillbase::sim
