// transfer_map.h — the transfer work (人员转移) on the drill map: each household's home as a
// house coloured by its status (a red dot for the vulnerable), a line from a responsible cadre
// to the home they are calling at, and the shelters with their head count against capacity
// (red when over). Also the pick of the household nearest a click.
#pragma once

#include "common/i18n.h"
#include "sim/engine/drill_state.h"
#include "sim/scenario/scenario.h"
#include "ui/panels/map_view.h"

#include <imgui.h>

namespace drillbase::ui {

// The index of the household whose home is nearest (x, y), or -1 when there is none.
int nearestHousehold(const sim::TransferState& t, double x, double y);

// True when the assembly point `id` is a shelter of the register (drawn by drawShelters).
bool isShelter(const sim::TransferDef& reg, const std::string& id);

// Shelters: a circle, "村小学安置点 8/12" beside it, red when more are there than it holds.
void drawShelters(const Strings& s, ImDrawList* dl, const MapView& v, const sim::Scenario& sc,
                  const sim::TransferState& t, LabelPlacer& labels);

// Keeps the map's labels off the houses drawHouseholds draws after them.
void reserveHouses(const MapView& v, const sim::TransferState& t, LabelPlacer& labels);

// Households and the cadres calling on them; a tooltip names the household under `mouse` when
// the map is hovered.
void drawHouseholds(const Strings& s, ImDrawList* dl, const MapView& v, const sim::Scenario& sc,
                    const sim::DrillState& st, ImVec2 mouse, bool mapHovered);

}  // namespace drillbase::ui
