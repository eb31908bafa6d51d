// frame.h — one frame of the whole GUI: menu, the current screen, status bar. Pure ImGui
// (no SDL, no GL), so the headless UI tests draw exactly what the window draws.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"

namespace drillbase::ui {

UiRequests drawFrame(const Strings& s, AppState& state, const AppInfo& info);

}  // namespace drillbase::ui
