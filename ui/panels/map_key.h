// map_key.h — the key in a corner of the drill map, so colours are read where they are seen
// (the full legend is in the controls panel): the overlay's levels, then the hazard's lines by
// kind, its ground circles and the isochrones when the map shows them; placed in the corner
// that hides the least of what matters on the map.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"
#include "ui/panels/map_view.h"

#include <imgui.h>

#include <vector>

namespace drillbase::ui {

// What the key must not hide, with how much it matters: a shelter or assembly point most,
// then households and the hazard's markers, units, people.
struct MapFeature {
    ImVec2 at;
    float weight;
};

std::vector<MapFeature> mapFeatures(const MapView& v, const DrillSession& session);

// The corner of the map (lower left first, then upper left, lower right; the wind arrow holds
// the upper right) where a `size` box hides the least.
ImVec2 quietCorner(ImVec2 mapMin, ImVec2 mapMax, ImVec2 size,
                   const std::vector<MapFeature>& features);

void drawMapKey(const Strings& s, ImDrawList* dl, ImVec2 mapMin, ImVec2 mapMax,
                const DrillSession& session, const std::vector<MapFeature>& features);

// One swatch per kind of line the hazard shows now, each with the colours its lines have (a
// hand line and an engine's wet line are both control lines), in first-seen order.
struct LineKind {
    std::string kindKey;
    std::vector<std::uint32_t> colours;
    bool anyBreached = false;
};
std::vector<LineKind> lineKinds(const std::vector<sim::MapLine>& lines);
// A short stroke of each colour across the swatch rectangle (the legend panel shares it).
void paintLineSwatch(ImDrawList* dl, ImVec2 a, ImVec2 b, const LineKind& kind);

}  // namespace drillbase::ui
