// drill_screen.h — the trainee's drill screen: map (left), controls (right), event log (below),
// with the transfer work (transfer_panel.h) beside the log when the scenario has a register.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/drill_session.h"
#include "ui/panels/drill_ui_state.h"

namespace drillbase::ui {

void drawDrillScreen(const Strings& s, const DrillSession& session, DrillUiState& ui,
                     UiRequests& out);

}  // namespace drillbase::ui
