// main_menu.h — the menu bar (navigation, language, settings) and the status bar.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"

namespace drillbase::ui {

void drawMainMenu(const Strings& s, const AppState& state, UiRequests& out);
void drawStatusBar(const Strings& s, const AppInfo& info);

}  // namespace drillbase::ui
