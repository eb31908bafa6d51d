// map_style.h — how the drill map draws things, shared by the map and its legend: the hazard's
// colours (0xRRGGBBAA) as ImGui colours, marker shapes, unit colours by kind, person colours by
// what they are doing, and the transfer work's house glyph coloured by the household's status.
#pragma once

#include "sim/engine/drill_state.h"
#include "sim/engine/hazard.h"

#include <imgui.h>

#include <cstdint>
#include <string>

namespace drillbase::ui {

// The open ground of the map; the legend's swatches sit on it so they match the overlay.
inline constexpr ImU32 kGroundColour = IM_COL32(52, 66, 52, 255);

// 0xRRGGBBAA (the hazard's legend and markers) as ImGui's packed colour; `alpha` scales A.
ImU32 rgbaColour(std::uint32_t rgba, float alpha = 1.0f);
// The same with A forced opaque (legend swatches, rings).
ImU32 opaqueColour(std::uint32_t rgba);

// A marker's shape centred at `p`, `r` pixels from the centre to a corner; `widen` thickens its
// lines (a halo drawn underneath).
void drawMarkerShape(ImDrawList* dl, ImVec2 p, float r, sim::MarkerShape shape, ImU32 colour,
                     float widen = 0);

// The colour of a unit by its kind (content/drill.json unit_kinds); a kind without a colour of
// its own gets a steady one from its name.
ImU32 unitColour(const std::string& kind);
ImU32 personColour(sim::PersonAction a);

// A household's home: a house `r` pixels from its centre to a wall, filled with the colour of
// its status; vulnerable households (老弱病残孕) carry a red dot on the roof.
ImU32 householdColour(sim::HouseholdStatus status);
void drawHouse(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, bool vulnerable);

}  // namespace drillbase::ui
