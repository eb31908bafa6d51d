// event_log_panel.h — the drill's events, newest first, with their drill time.
#pragma once

#include "common/i18n.h"
#include "sim/engine/event.h"

#include <vector>

namespace drillbase::ui {

void drawEventLog(const Strings& s, const std::vector<sim::Event>& timeline,
                  std::int64_t tickMillis);

}  // namespace drillbase::ui
