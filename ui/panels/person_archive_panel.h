// person_archive_panel.h — find a person by name, identity number or certificate number and
// show the whole archive (一人一档): roles, training, exams, certificates, drill results.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"
#include "ui/records_session.h"

namespace drillbase::ui {

void drawPersonArchivePanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                            UiRequests& out);

}  // namespace drillbase::ui
