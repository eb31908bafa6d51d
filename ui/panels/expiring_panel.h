// expiring_panel.h — special-operations certificates whose validity ends within N days: the
// list an official works through each month to remind holders and employers.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"
#include "ui/records_session.h"

namespace drillbase::ui {

void drawExpiringPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                       UiRequests& out);

}  // namespace drillbase::ui
