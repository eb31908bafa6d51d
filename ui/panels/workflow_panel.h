// workflow_panel.h — the trainee, instructor and official screens. Until their features
// land they list what will be here and say plainly that it is not yet available.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/scenario_catalog.h"

namespace drillbase::ui {

// `catalog` (may be null) lists the drill scenarios under the chemical-drill feature.
void drawWorkflowPanel(Screen workflow, const Strings& s, const std::vector<ScenarioEntry>* catalog,
                       UiRequests& out);

}  // namespace drillbase::ui
