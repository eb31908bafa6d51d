// records_screen.h — the official's records screen: archive look-up, an organisation's
// roster with compliance, expiring certificates, statistics, export, and (admins) users.
// Drawn behind a sign-in: only roles allowed to read records see any of it.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"
#include "ui/panels/records_view.h"
#include "ui/records_session.h"

namespace drillbase::ui {

void drawRecordsScreen(const Strings& s, const RecordsView& view, UiRequests& out);
// The instructor's training-session screen, behind the same sign-in.
void drawTrainingScreen(const Strings& s, const RecordsView& view, UiRequests& out);

}  // namespace drillbase::ui
