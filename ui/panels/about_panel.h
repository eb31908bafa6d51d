// about_panel.h — version, database and content locations, licence.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"

namespace drillbase::ui {

void drawAboutPanel(const Strings& s, const AppInfo& info, UiRequests& out);

}  // namespace drillbase::ui
