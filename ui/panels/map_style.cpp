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
    if (kind == "cadre") return IM_COL32(240, 100, 190, 255);
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
        case sim::PersonAction::Returning: return IM_COL32(255, 110, 80, 255);
    }
    return IM_COL32_WHITE;
}

ImU32 householdColour(sim::HouseholdStatus status) {
    switch (status) {
        case sim::HouseholdStatus::AtHome: return IM_COL32(205, 205, 205, 255);
        case sim::HouseholdStatus::Ordered: return IM_COL32(245, 215, 80, 255);
        case sim::HouseholdStatus::CadreOnWay: return IM_COL32(245, 150, 40, 255);
        case sim::HouseholdStatus::Handling: return IM_COL32(80, 205, 235, 255);
        case sim::HouseholdStatus::Moving: return IM_COL32(100, 150, 255, 255);
        case sim::HouseholdStatus::Sheltered: return IM_COL32(90, 220, 110, 255);
        case sim::HouseholdStatus::Returned: return IM_COL32(235, 65, 55, 255);
    }
    return IM_COL32_WHITE;
}

void drawHouse(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, bool vulnerable) {
    // Walls from c.y - r * 0.2 to c.y + r, a roof to c.y - r * 1.1: the glyph is about 2r high.
    const ImVec2 wallA(c.x - r, c.y - r * 0.2f), wallB(c.x + r, c.y + r);
    const ImVec2 roofL(c.x - r * 1.3f, c.y - r * 0.15f), roofR(c.x + r * 1.3f, c.y - r * 0.15f),
        roofTop(c.x, c.y - r * 1.2f);
    const ImU32 edge = IM_COL32(20, 20, 20, 230);
    dl->AddRectFilled(ImVec2(wallA.x - 1, wallA.y - 1), ImVec2(wallB.x + 1, wallB.y + 1), edge);
    dl->AddTriangleFilled(ImVec2(roofL.x - 1.5f, roofL.y + 1), ImVec2(roofR.x + 1.5f, roofR.y + 1),
                          ImVec2(roofTop.x, roofTop.y - 1.5f), edge);
    dl->AddRectFilled(wallA, wallB, fill);
    dl->AddTriangleFilled(roofL, roofR, roofTop, fill);
    if (vulnerable) {
        const ImVec2 dot(c.x + r * 1.1f, c.y - r * 1.0f);
        dl->AddCircleFilled(dot, r * 0.5f + 1, IM_COL32(255, 255, 255, 255));
        dl->AddCircleFilled(dot, r * 0.5f, IM_COL32(220, 30, 40, 255));
    }
}

}  // namespace drillbase::ui
