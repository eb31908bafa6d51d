// settings_panel.h — language and UI scale; both are saved in the database by the app.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"

namespace drillbase::ui {

// `state.pendingScale` is the only thing the panel writes directly: it is the slider's own
// value while dragging. The applied scale goes through `out`.
void drawSettingsPanel(const Strings& s, AppState& state, UiRequests& out);

}  // namespace drillbase::ui
