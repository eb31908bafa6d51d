// drill_map_panel.h — the drill map: terrain, buildings, assembly points, valves, the gas
// overlay by AEGL level, cordons, people, units and the wind arrow. A click on the map
// completes the order chosen in the controls panel.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"
#include "ui/panels/drill_ui_state.h"

#include <vector>

namespace drillbase::ui {

void drawDrillMap(const Strings& s, const DrillSession& session, DrillUiState& ui,
                  std::vector<sim::Command>& out);

}  // namespace drillbase::ui
