// record_result_panel.h — on the drill report: an instructor finds the trainee and records
// the result in the trainee's archive (AssessmentRecorded, with the drill log's hash).
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_view.h"

namespace drillbase::ui {

void drawRecordResultPanel(const Strings& s, const RecordsView& view, UiRequests& out);

}  // namespace drillbase::ui
