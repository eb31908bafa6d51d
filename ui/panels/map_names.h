// map_names.h — the things on the drill map as a trainee reads them, never by their ids: an
// assembly point or building by its number on the map ("集合点 2号"), a hazard's marker or line
// by its kind, the unit it belongs to or its number among its kind ("安全区（扑火队 1号）",
// "控制线 3号"). The event log and the map's tooltips share them.
#pragma once

#include "common/i18n.h"
#include "sim/engine/drill_state.h"
#include "sim/engine/hazard.h"
#include "sim/scenario/scenario.h"
#include "sim/transfer/transfer_def.h"

#include <string>

namespace drillbase::ui {

// "" when `id` is none of the map's assembly points (or buildings). A shelter of the register
// is named as the register names it.
std::string assemblyPointName(const Strings& s, const sim::MapDef& map, const sim::TransferDef& reg,
                              const std::string& id);
std::string buildingName(const Strings& s, const sim::MapDef& map, const std::string& id);

// The marker as the map's tooltip names it: its kind, then whose it is (a unit's safety zone)
// or its number among the markers of that kind when there are several.
std::string markerName(const Strings& s, const sim::Hazard& hazard, const sim::DrillState* st,
                       const sim::MapMarker& m);
// The hazard's marker or line whose id is `id`, named as markerName does; "" when none is.
std::string hazardObjectName(const Strings& s, const sim::Hazard& hazard, const sim::DrillState* st,
                             const std::string& id);
// An id ending in a number ("line-3", "drop-2") as its number ("3号", "No. 3"); "" otherwise.
std::string numberOfId(const Strings& s, const std::string& id);

}  // namespace drillbase::ui
