// terrain_shading.h — the ground under a hazard drawn as a shaded relief, so that a trainee
// reads valleys, embankments and hollows where the water will go: Lambertian hillshade of the
// elevation grid (light from the north-west at 45°, as topographic maps and GIS hillshades are
// lit — Burrough & McDonnell 1998, "Principles of GIS", §8; slopes by Horn's 1981 3×3 method),
// tinted from green lowland to brown hills.
#pragma once

#include "sim/field_grid.h"

#include <imgui.h>

#include <vector>

namespace drillbase::ui {

// One colour per grid cell (index j·nx + i); 0 (transparent) where the elevation is NaN.
std::vector<ImU32> shadeTerrain(const sim::FieldGrid& elevation);

}  // namespace drillbase::ui
