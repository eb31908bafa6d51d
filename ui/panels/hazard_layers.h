// hazard_layers.h — what the drill map draws of a hazard beyond its field and point markers,
// through the generic hooks of sim/engine/hazard.h only: the ground (relief, or a fire's fuels
// lit by it), the lines it shows (firelines as they are built, firebreaks; a breached one dimmed
// and dashed), the ground circles of markers with a radius (safety zones, water drops) and the
// arrival isochrones with their times in minutes.
#pragma once

#include "common/i18n.h"
#include "sim/engine/hazard.h"
#include "sim/field_grid.h"
#include "ui/panels/isochrones.h"
#include "ui/panels/map_view.h"

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace drillbase::ui {

// One colour per cell of `g` (0 = nothing): one textured quad where the renderer keeps
// textures (map_texture.h; `version` names this image), else rectangles, neighbouring cells of
// a row with the same colour as one, so uniform ground (a procedural slope) costs a few.
void drawGround(ImDrawList* dl, const MapView& v, const sim::FieldGrid& g,
                const std::vector<ImU32>& colours, std::uint64_t version);

// A line of the hazard: dark halo, its colour; a breached one (active = false) faded and dashed.
void drawHazardLine(ImDrawList* dl, const MapView& v, const sim::MapLine& line);
void drawHazardLines(ImDrawList* dl, const MapView& v, const sim::Hazard* hazard);

// Markers with radiusM > 0 as a tinted disc with a rim on the ground; markers at the same place
// with the same radius and colour (three crews sharing a safety zone) drawn once.
void drawGroundCircles(ImDrawList* dl, const MapView& v, const std::vector<sim::MapMarker>& ms);

// The isochrones as thin light lines under the map's things; then each one's minutes, where it
// runs farthest from the fire's origin, through `labels` after the units' names so that those
// stay by their units.
void drawIsochroneLines(ImDrawList* dl, const MapView& v, const std::vector<Isochrone>& isochrones);
void drawIsochroneLabels(const Strings& s, ImDrawList* dl, const MapView& v,
                         const std::vector<Isochrone>& isochrones, LabelPlacer& labels);

// The hazard's edge now (DrillSession::front) as a hot line with a dark halo.
void drawFrontLine(ImDrawList* dl, const MapView& v, const Isochrone& front);

// The colours of isochrones and of the front (the legend's swatches use them too).
inline constexpr ImU32 kFrontColour = IM_COL32(255, 80, 20, 255);
inline constexpr ImU32 kIsochroneColour = IM_COL32(250, 250, 235, 150);

}  // namespace drillbase::ui
