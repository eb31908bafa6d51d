// scenario_list_panel.h — the scenarios a trainee can start, with a broken file's errors shown
// instead of a start button.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/scenario_catalog.h"

#include <string>

namespace drillbase::ui {

// `hazardType` ("gas", "flood", "fire") lists only that kind of drill, valid files only; empty
// lists every file, a broken one with its errors (the instructor's list).
void drawScenarioList(const Strings& s, const std::vector<ScenarioEntry>& catalog, UiRequests& out,
                      const std::string& hazardType = "");

}  // namespace drillbase::ui
