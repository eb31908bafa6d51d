// scenario_list_panel.h — the scenarios a trainee can start, with a broken file's errors shown
// instead of a start button.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/scenario_catalog.h"

namespace drillbase::ui {

void drawScenarioList(const Strings& s, const std::vector<ScenarioEntry>& catalog, UiRequests& out);

}  // namespace drillbase::ui
