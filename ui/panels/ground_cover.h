// ground_cover.h — the ground of the drill map when the hazard knows what grows on it (fire: the
// fuel models of the landscape, Hazard::fillCover): the cover's colours lit by the shaded relief
// (terrain_shading.h), so a trainee reads both the fuels and the slopes the fire will run up.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace drillbase::ui {

// One colour per cell: the cover colour (0xRRGGBBAA, 0 = none) toned into a pastel of mid
// brightness, whatever colours the fuel table gave (so the hazard's overlay and white labels
// stand out on it), then scaled by how much brighter or darker the relief is there than on
// average. Where there is no cover the relief shows; where neither, 0.
// `relief` may be empty (a hazard without ground heights): the cover is drawn flat.
std::vector<ImU32> blendCover(const std::vector<ImU32>& relief,
                              const std::vector<std::uint32_t>& cover);

}  // namespace drillbase::ui
