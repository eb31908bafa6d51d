// event_log_panel.h — the drill's events, newest first, with their drill time.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"

namespace drillbase::ui {

// The session's register names the households, shelters and zones the events mention, its state
// the units and people (and gives the tick length), its map and hazard the places and markers.
void drawEventLog(const Strings& s, const DrillSession& session);

}  // namespace drillbase::ui
