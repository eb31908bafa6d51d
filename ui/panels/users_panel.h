// users_panel.h — accounts of this base (admins): who has which role, and adding one.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"
#include "ui/records_session.h"

namespace drillbase::ui {

void drawUsersPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                    UiRequests& out);

}  // namespace drillbase::ui
