// hazard_chart.h — the report's charts of the hazard's own figures over the drill
// (Hazard::chartValues, sampled by DrillSession: a fire's burned area in ha and front length in
// km), one chart per figure in the style of the exposure chart, titled by its i18n label.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"

namespace drillbase::ui {

// Draws nothing when the hazard has no chart figures.
void drawHazardCharts(const Strings& s, const DrillSession& session, float height);

// The largest value of figure `index` over the samples (0 when none): the chart's top label.
float chartPeak(const std::vector<ChartSample>& history, std::size_t index);

}  // namespace drillbase::ui
