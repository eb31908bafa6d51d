// map_view.h — the drill map's projection (metres, y north, to screen pixels) and its label
// placer, shared by the map panel and the layers drawn on it (the transfer work's households
// and shelters).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace drillbase::ui {

struct MapView {
    ImVec2 origin;  // screen position of map (0, heightM)
    float scale = 1;
    double heightM = 0;
    ImVec2 toScreen(double x, double y) const {
        return ImVec2(origin.x + static_cast<float>(x) * scale,
                      origin.y + static_cast<float>(heightM - y) * scale);
    }
    void toWorld(ImVec2 p, double& x, double& y) const {
        x = (p.x - origin.x) / scale;
        y = heightM - (p.y - origin.y) / scale;
    }
};

// Map labels that would overlap (units waiting together at a gate) are moved down until free.
struct LabelPlacer {
    std::vector<ImVec4> placed;  // x0, y0, x1, y1
    // Keeps labels off a glyph drawn later (a household's house over a cadre at its door).
    void reserve(ImVec2 a, ImVec2 b) { placed.push_back(ImVec4(a.x, a.y, b.x, b.y)); }
    void place(ImDrawList* dl, ImVec2 at, ImU32 colour, const std::string& text) {
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        for (bool moved = true; moved;) {
            moved = false;
            for (const auto& r : placed)
                if (at.x < r.z && at.x + size.x > r.x && at.y < r.w && at.y + size.y > r.y) {
                    at.y = r.w;
                    moved = true;
                }
        }
        placed.push_back(ImVec4(at.x, at.y, at.x + size.x, at.y + size.y));
        // A dark backing keeps a label readable over water and relief.
        dl->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + size.x + 1, at.y + size.y),
                          IM_COL32(0, 0, 0, 90), 2);
        dl->AddText(at, colour, text.c_str());
    }
};

}  // namespace drillbase::ui
