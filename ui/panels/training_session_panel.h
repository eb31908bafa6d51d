// training_session_panel.h — the instructor records a training session: date, class hours,
// kind, topic, provider, teacher and the attendees found by name or identity number. One
// session becomes one training record per attendee, all or none (records_session.cpp).
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"
#include "ui/records_session.h"

namespace drillbase::ui {

// The kinds of training the ledger records, in the order the form lists them.
inline constexpr const char* kTrainingKinds[] = {
    "initial", "annual", "review", "three_level", "first_lesson", "special_ops", "drill"};

void drawTrainingSessionPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                              UiRequests& out);

}  // namespace drillbase::ui
