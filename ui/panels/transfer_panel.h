// transfer_panel.h — the transfer work (人员转移) at a glance, for a drill with a household
// register: the warning in force as a coloured badge and the response stage; each household
// by its head's name with its zone, members by category, responsible cadre, status and the
// members not found at home; each shelter with its head count against capacity and its peak.
// Reads the drill; gives no orders (they are in the controls panel and on the map).
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"

namespace drillbase::ui {

// True when the scenario has a register, so the drill screen gives the panel room.
bool hasTransferWork(const DrillSession& session);
void drawTransferPanel(const Strings& s, const DrillSession& session);

}  // namespace drillbase::ui
