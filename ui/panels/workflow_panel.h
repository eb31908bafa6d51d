// workflow_panel.h — the trainee, instructor and official screens. Until their features
// land they list what will be here and say plainly that it is not yet available.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"

namespace drillbase::ui {

void drawWorkflowPanel(Screen workflow, const Strings& s, UiRequests& out);

}  // namespace drillbase::ui
