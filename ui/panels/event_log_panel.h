// event_log_panel.h — the drill's events, newest first, with their drill time.
#pragma once

#include "common/i18n.h"
#include "sim/engine/event.h"
#include "sim/transfer/transfer_def.h"

#include <vector>

namespace drillbase::ui {

// `reg` names the households, shelters and zones the events mention.
void drawEventLog(const Strings& s, const std::vector<sim::Event>& timeline,
                  std::int64_t tickMillis, const sim::TransferDef& reg);

}  // namespace drillbase::ui
