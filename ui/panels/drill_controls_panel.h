// drill_controls_panel.h — the drill clock (pause, speed), the orders of the drill's command
// catalog (the commander's, each unit's, the public's, the instructor's injects), the legend
// and the end of the drill. Everything it does is a Command appended to `out`.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"
#include "ui/panels/drill_ui_state.h"

namespace drillbase::ui {

void drawDrillControls(const Strings& s, const DrillSession& session, DrillUiState& ui,
                       std::vector<sim::Command>& out);

}  // namespace drillbase::ui
