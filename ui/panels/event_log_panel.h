// event_log_panel.h — the drill's events, newest first, with their drill time.
#pragma once

#include "common/i18n.h"
#include "sim/engine/drill_state.h"
#include "sim/engine/event.h"
#include "sim/transfer/transfer_def.h"

#include <vector>

namespace drillbase::ui {

// `reg` names the households, shelters and zones the events mention; `st` the units and people
// (and gives the tick length).
void drawEventLog(const Strings& s, const std::vector<sim::Event>& timeline,
                  const sim::DrillState& st, const sim::TransferDef& reg);

}  // namespace drillbase::ui
