// drill_report_panel.h — after the drill: score and grade, every rubric item with its evidence
// and, when missed, what should have been done; exposure over time; outcomes; validity notes.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/drill_session.h"

namespace drillbase::ui {

void drawDrillReport(const Strings& s, const DrillSession& session, UiRequests& out);

}  // namespace drillbase::ui
