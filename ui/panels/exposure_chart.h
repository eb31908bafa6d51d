// exposure_chart.h — the report's chart of how many people were in each of the hazard's harm
// levels over the drill (flood: the FD2320 classes; gas: AEGL-1/2/3), one line per level in
// the legend's colour, with the level names beneath.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"

namespace drillbase::ui {

void drawExposureChart(const Strings& s, const DrillSession& session, float height);

}  // namespace drillbase::ui
