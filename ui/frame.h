// frame.h — one frame of the whole GUI: menu, the current screen, status bar. Pure ImGui
// (no SDL, no GL), so the headless UI tests draw exactly what the window draws.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/drill_session.h"
#include "ui/panels/drill_ui_state.h"
#include "ui/panels/records_screen.h"
#include "ui/scenario_catalog.h"

namespace drillbase::ui {

// What the drill screens need: the catalog, the running session (null when none) and the
// drill screen's own UI state.
struct DrillView {
    const std::vector<ScenarioEntry>* catalog = nullptr;
    const DrillSession* session = nullptr;
    DrillUiState* ui = nullptr;
};

UiRequests drawFrame(const Strings& s, AppState& state, const AppInfo& info, const DrillView& drill,
                     const RecordsView& records);

}  // namespace drillbase::ui
