// drill_report_panel.h — after the drill: score and grade, every rubric item with its evidence
// and, when missed, what should have been done; exposure over time; outcomes; validity notes.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/drill_session.h"
#include "ui/panels/records_view.h"

namespace drillbase::ui {

// `records` lets a signed-in instructor put the result into a trainee's archive.
void drawDrillReport(const Strings& s, const DrillSession& session, const RecordsView& records,
                     UiRequests& out);

}  // namespace drillbase::ui
