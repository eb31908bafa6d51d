// drill_format.h — small formatting shared by the drill panels (clock, event text).
#pragma once

#include "common/i18n.h"
#include "sim/engine/event.h"
#include "sim/transfer/transfer_def.h"

#include <string>

namespace drillbase::ui {

// "01:02:03" for 3723 seconds of drill time.
std::string formatClock(double seconds);
// The event's name in the current language followed by its attributes, e.g.
// "阀门已关闭 (unit=hazmat-1, valve=cylinder-valve-1)"; a household, shelter or zone of the
// register `reg` is named as the register names it ("户 王建国"), not by its id.
std::string describeEvent(const Strings& s, const sim::Event& e, const sim::TransferDef& reg);

}  // namespace drillbase::ui
