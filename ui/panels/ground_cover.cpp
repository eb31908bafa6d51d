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

// Fuel lookup tables colour fuels as their authors liked (the Spanish table of C2F-W: timber
// litter dark red, farmland black): as they are, they read as the flames and the burned ground.
// The map tones every cover into pastels of mid brightness instead: saturation at most
// kMaxSaturation and value in [kMinValue, kMinValue + kValueSpan], so the fire's saturated
// yellow to red and its dark burned ground stay the strongest colours on the map.
constexpr float kMaxSaturation = 0.42f, kMinValue = 0.42f, kValueSpan = 0.38f;

ImVec4 mapTone(std::uint32_t rgba) {
    float h = 0, sat = 0, val = 0;
    ImGui::ColorConvertRGBtoHSV(static_cast<float>((rgba >> 24) & 0xff) / 255.0f,
                                static_cast<float>((rgba >> 16) & 0xff) / 255.0f,
                                static_cast<float>((rgba >> 8) & 0xff) / 255.0f, h, sat, val);
    float r = 0, g = 0, b = 0;
    ImGui::ColorConvertHSVtoRGB(h, std::min(sat, kMaxSaturation), kMinValue + kValueSpan * val, r,
                                g, b);
    return ImVec4(r, g, b, 1);
}

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
        // The relief's light and its tint by height: sunlit slopes and high ground brighter.
        const double light = shade && mean > 0 ? std::clamp(luma(shade) / mean, 0.6, 1.3) : 1.0;
        const ImVec4 c = mapTone(rgba);
        auto ch = [&](float v) {
            return static_cast<int>(std::clamp(v * 255.0 * light, 0.0, 255.0));
        };
        out[k] = IM_COL32(ch(c.x), ch(c.y), ch(c.z), 255);
    }
    return out;
}

}  // namespace drillbase::ui
