// login_panel.h — sign in to the ledger; on a ledger without users, create its first admin.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"
#include "ui/records_session.h"

namespace drillbase::ui {

// Drawn in place of a screen that needs a signed-in user allowed `purposeKey`'s work.
void drawLoginPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                    const char* purposeKey, UiRequests& out);

}  // namespace drillbase::ui
