// stats_panel.h — training coverage and exam pass rates by region, industry or month, as
// charts with the figures beside them (records_stats.h defines each figure).
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"
#include "ui/records_session.h"

namespace drillbase::ui {

void drawStatsPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                    UiRequests& out);

}  // namespace drillbase::ui
