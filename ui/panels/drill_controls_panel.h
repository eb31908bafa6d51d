// drill_controls_panel.h — the drill clock (pause, speed), the trainee's orders, the unit list
// and the instructor's injects. Everything it does is a Command appended to `out`.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"
#include "ui/panels/drill_ui_state.h"

namespace drillbase::ui {

void drawDrillControls(const Strings& s, const DrillSession& session, DrillUiState& ui,
                       std::vector<sim::Command>& out);

}  // namespace drillbase::ui
