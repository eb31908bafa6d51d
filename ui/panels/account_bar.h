// account_bar.h — the line at the top of the records screens: who is signed in, with which
// role, the ledger's size and a sign-out button.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/records_session.h"

namespace drillbase::ui {

void drawAccountBar(const Strings& s, const RecordsSession& session, UiRequests& out);

}  // namespace drillbase::ui
