// scenario_catalog.h — the scenarios a trainee can start: every *.json in scenarios/ (not the
// schema folder), loaded and validated once at start-up so a broken file is shown with its
// errors instead of failing when clicked.
#pragma once

#include "sim/engine/sim_content.h"
#include "sim/scenario/scenario.h"

#include <filesystem>
#include <string>
#include <vector>

namespace drillbase::ui {

struct ScenarioEntry {
    std::filesystem::path file;             // absolute: the drill log names the scenario by it
    std::string text;                       // the file's bytes (hashed into the drill log)
    std::optional<sim::Scenario> scenario;  // nullopt when invalid
    std::vector<std::string> errors;        // FILE:LINE:COL: /pointer: message
};

std::vector<ScenarioEntry> loadScenarioCatalog(const std::filesystem::path& dir,
                                               const sim::SimContent& content);

}  // namespace drillbase::ui
