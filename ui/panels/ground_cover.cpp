// ground_cover.cpp — see the header. Display only.
#include "ui/panels/ground_cover.h"

#include <algorithm>
#include <cmath>

namespace drillbase::ui {

namespace {

// Rec. 709 luma of a packed ImGui colour (R in the low byte).
double luma(ImU32 c) {
    const double r = (c >> IM_COL32_R_SHIFT) & 0xff, g = (c >> IM_COL32_G_SHIFT) & 0xff,
                 b = (c >> IM_COL32_B_SHIFT) & 0xff;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// The cover is a map colour, not a photograph: toned down so that the flames (yellow to red)
// and the burned ground stay the strongest colours on the map.
constexpr double kMute = 0.78;

}  // namespace

std::vector<ImU32> blendCover(const std::vector<ImU32>& relief,
                              const std::vector<std::uint32_t>& cover) {
    const bool lit = relief.size() == cover.size();
    double mean = 0;
    std::size_t n = 0;
    if (lit)
        for (const ImU32 c : relief)
            if (c) mean += luma(c), ++n;
    mean = n ? mean / static_cast<double>(n) : 0;
    std::vector<ImU32> out(cover.size(), 0);
    for (std::size_t k = 0; k < cover.size(); ++k) {
        const std::uint32_t rgba = cover[k];
        const ImU32 shade = lit ? relief[k] : 0;
        if (!rgba) {
            out[k] = shade;
            continue;
        }
        // On a plane every cell is lit alike: the factor is 1 and the fuels show as they are.
        const double light =
            shade && mean > 0 ? std::clamp(luma(shade) / mean, 0.55, 1.35) * kMute : kMute;
        auto ch = [&](int shift) {
            return static_cast<int>(std::clamp(((rgba >> shift) & 0xff) * light, 0.0, 255.0));
        };
        out[k] = IM_COL32(ch(24), ch(16), ch(8), 255);
    }
    return out;
}

}  // namespace drillbase::ui
