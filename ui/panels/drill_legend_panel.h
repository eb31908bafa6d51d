// drill_legend_panel.h — the map's legend, from the hazard itself: the quantity its overlay
// shows and each harm level with its colour, name and threshold; the hazard's marker kinds;
// what a person's colour and ring mean; the unit kinds of this drill.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"

namespace drillbase::ui {

void drawDrillLegend(const Strings& s, const DrillSession& session);

}  // namespace drillbase::ui
