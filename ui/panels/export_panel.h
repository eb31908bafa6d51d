// export_panel.h — the ledger to a file for inspectors: CSV (UTF-8 with BOM, numbers masked)
// or xAPI statements (pseudonymous actors).
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"
#include "ui/records_session.h"

namespace drillbase::ui {

void drawExportPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                     UiRequests& out);

}  // namespace drillbase::ui
