#include "ui/panels/bar_chart.h"

#include <cstdio>

namespace drillbase::ui {

float barRowHeight() {
    return ImGui::GetTextLineHeight() + 4 + ImGui::GetStyle().ItemSpacing.y;
}

void drawShareBars(const char* id, const std::vector<BarRow>& rows, ImU32 colour,
                   float labelWidth) {
    ImGui::PushID(id);
    const float rowH = barRowHeight() - ImGui::GetStyle().ItemSpacing.y;
    const float barW = ImGui::GetContentRegionAvail().x - labelWidth - 8;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const auto& r : rows) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        // The label, clipped to its column so a long region name never runs into the bar.
        const ImVec4 clip(p.x, p.y, p.x + labelWidth - 6, p.y + rowH);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), p, ImGui::GetColorU32(ImGuiCol_Text),
                    r.label.c_str(), nullptr, 0.0f, &clip);
        const float x0 = p.x + labelWidth;
        const float y0 = p.y + 2, y1 = p.y + rowH - 2;
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + barW, y1),
                          ImGui::GetColorU32(ImGuiCol_FrameBg));
        char text[64];
        if (r.whole > 0) {
            const double share = static_cast<double>(r.part) / static_cast<double>(r.whole);
            dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + barW * static_cast<float>(share), y1),
                              colour);
            std::snprintf(text, sizeof text, "%.1f%% (%lld/%lld)", share * 100.0,
                          static_cast<long long>(r.part), static_cast<long long>(r.whole));
        } else {
            std::snprintf(text, sizeof text, "—");
        }
        // A dark shadow keeps the figures readable where they cross the end of a light bar.
        dl->AddText(ImVec2(x0 + 7, p.y + 1), IM_COL32(0, 0, 0, 220), text);
        dl->AddText(ImVec2(x0 + 6, p.y), ImGui::GetColorU32(ImGuiCol_Text), text);
        ImGui::Dummy(ImVec2(labelWidth + barW, rowH));
    }
    ImGui::PopID();
}

}  // namespace drillbase::ui
