// drill_format.h — small formatting shared by the drill panels (clock, event text).
#pragma once

#include "common/i18n.h"
#include "sim/engine/drill_state.h"
#include "sim/engine/event.h"
#include "sim/engine/hazard.h"
#include "sim/scenario/scenario.h"
#include "sim/transfer/transfer_def.h"

#include <string>

namespace drillbase::ui {

// "01:02:03" for 3723 seconds of drill time.
std::string formatClock(double seconds);

// A unit as people read it: its kind and its number among units of that kind ("包保责任人 3号",
// "Flood rescue team No. 2"); a scenario gives units no names, and the id is not for the screen.
// `withKind` false gives the number alone (a column already named by the kind).
std::string unitLabel(const Strings& s, const sim::DrillState& st, int unit, bool withKind = true);
// The event's name in the current language followed by its attributes, e.g.
// "阀门已关闭 (unit=hazmat-1, valve=cylinder-valve-1)"; a household, shelter or zone of the
// register `reg` is named as the register names it ("户 王建国"), not by its id.
// With the drill's state, units and people are named as unitLabel and personLabel give them;
// with the map and the hazard, its assembly points, buildings, markers and lines as
// map_names.h names them, and any other id ending in a number by that number.
std::string describeEvent(const Strings& s, const sim::Event& e, const sim::TransferDef& reg,
                          const sim::DrillState* st = nullptr, const sim::MapDef* map = nullptr,
                          const sim::Hazard* hazard = nullptr);

// A person as people read it: a household member by household and category ("李秀英家·独居老人"),
// anyone else by kind and number ("居民 3号"); the id when the state does not know them.
std::string personLabel(const Strings& s, const sim::TransferDef& reg, const sim::DrillState& st,
                        const std::string& id);

}  // namespace drillbase::ui
