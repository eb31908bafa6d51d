// drill_map_panel.h — the drill map: terrain, buildings, assembly points, the hazard's overlay
// coloured by its legend's levels, its markers (a release, a valve, a water curtain), cordons,
// people, units, the transfer work's households and shelters (transfer_map.h) and the wind
// arrow. A click on the map completes the order armed in the controls panel by its gesture (a
// point, an area, the nearest person or household), or selects a unit.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"
#include "ui/panels/drill_ui_state.h"

#include <vector>

namespace drillbase::ui {

void drawDrillMap(const Strings& s, const DrillSession& session, DrillUiState& ui,
                  std::vector<sim::Command>& out);

}  // namespace drillbase::ui
