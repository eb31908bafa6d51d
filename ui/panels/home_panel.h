// home_panel.h — the start screen: the three workflows (trainee, instructor, official).
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"

namespace drillbase::ui {

void drawHomePanel(const Strings& s, UiRequests& out);

}  // namespace drillbase::ui
