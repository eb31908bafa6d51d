// roster_panel.h — an organisation's roster with each person's compliance status on today's
// date: may they hold the post, what is missing, overdue or falling due within N days.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"
#include "ui/records_session.h"

namespace drillbase::ui {

void drawRosterPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                     UiRequests& out);

}  // namespace drillbase::ui
