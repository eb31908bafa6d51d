#include "ui/panels/map_style.h"

#include <algorithm>
#include <cmath>

namespace drillbase::ui {

ImU32 rgbaColour(std::uint32_t rgba, float alpha) {
    const auto a =
        static_cast<unsigned>(std::lround((rgba & 0xff) * std::clamp(alpha, 0.0f, 1.0f)));
    return IM_COL32((rgba >> 24) & 0xff, (rgba >> 16) & 0xff, (rgba >> 8) & 0xff, a);
}

ImU32 opaqueColour(std::uint32_t rgba) {
    return rgbaColour(rgba | 0xff);
}

void drawMarkerShape(ImDrawList* dl, ImVec2 p, float r, sim::MarkerShape shape, ImU32 colour,
                     float widen) {
    switch (shape) {
        case sim::MarkerShape::Cross:
            dl->AddLine(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), colour, 2.5f + widen);
            dl->AddLine(ImVec2(p.x - r, p.y + r), ImVec2(p.x + r, p.y - r), colour, 2.5f + widen);
            break;
        case sim::MarkerShape::Diamond:
            dl->AddQuadFilled(ImVec2(p.x, p.y - r), ImVec2(p.x + r, p.y), ImVec2(p.x, p.y + r),
                              ImVec2(p.x - r, p.y), colour);
            break;
        case sim::MarkerShape::Circle: dl->AddCircle(p, r, colour, 20, 2.5f + widen); break;
        case sim::MarkerShape::Square:
            dl->AddRect(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), colour, 0, 0,
                        2.5f + widen);
            break;
    }
}

ImU32 unitColour(const std::string& kind) {
    if (kind == "hazmat") return IM_COL32(255, 200, 0, 255);
    if (kind == "fire") return IM_COL32(230, 60, 50, 255);
    if (kind == "medical") return IM_COL32(250, 250, 250, 255);
    if (kind == "police") return IM_COL32(70, 130, 255, 255);
    // FNV-1a of the name picks a light hue, so a new kind keeps its colour between runs.
    std::uint32_t h = 2166136261u;
    for (unsigned char c : kind) h = (h ^ c) * 16777619u;
    float r = 0, g = 0, b = 0;
    ImGui::ColorConvertHSVtoRGB(static_cast<float>(h % 360) / 360.0f, 0.55f, 0.95f, r, g, b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1));
}

ImU32 personColour(sim::PersonAction a) {
    switch (a) {
        case sim::PersonAction::Unaware: return IM_COL32(220, 220, 220, 255);
        case sim::PersonAction::Evacuating: return IM_COL32(255, 230, 80, 255);
        case sim::PersonAction::Sheltering: return IM_COL32(100, 170, 255, 255);
        case sim::PersonAction::Safe: return IM_COL32(90, 220, 110, 255);
        case sim::PersonAction::Carried: return IM_COL32(255, 255, 255, 255);
    }
    return IM_COL32_WHITE;
}

}  // namespace drillbase::ui
