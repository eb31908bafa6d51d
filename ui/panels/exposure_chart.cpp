// exposure_chart.cpp — see the header. Drawn with the draw list rather than ImGui::PlotLines so
// that the three levels share one pair of axes.
#include "ui/panels/exposure_chart.h"

#include "ui/panels/drill_format.h"
#include "ui/panels/drill_outcomes_panel.h"
#include "ui/panels/map_style.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace drillbase::ui {

void drawExposureChart(const Strings& s, const DrillSession& session, float height) {
    const auto& h = session.history();
    const auto& legend = session.legend();
    const int levels = std::min<int>(3, static_cast<int>(legend.levels.size()));
    float peak = 1;
    for (const auto& x : h)
        for (int l = 0; l < levels; ++l) peak = std::max(peak, x.inLevel[l]);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 b(a.x + w, a.y + height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, IM_COL32(25, 35, 55, 255));
    const double t1 = h.empty() ? 1 : std::max(h.back().timeS, 1.0);
    auto at = [&](double t, float v) {
        return ImVec2(a.x + 4 + static_cast<float>(t / t1) * (w - 8),
                      b.y - 4 - v / (peak * 1.1f) * (height - 8));
    };
    for (int l = 0; l < levels; ++l) {
        const ImU32 col = opaqueColour(legend.levels[static_cast<std::size_t>(l)].rgba);
        for (std::size_t k = 1; k < h.size(); ++k)
            dl->AddLine(at(h[k - 1].timeS, h[k - 1].inLevel[l]), at(h[k].timeS, h[k].inLevel[l]),
                        col, 2.0f);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", peak);
    dl->AddText(ImVec2(a.x + 4, a.y + 2), IM_COL32(200, 200, 200, 255), buf);
    const std::string end = formatClock(t1);
    dl->AddText(
        ImVec2(b.x - 4 - ImGui::CalcTextSize(end.c_str()).x, b.y - ImGui::GetTextLineHeight() - 2),
        IM_COL32(200, 200, 200, 255), end.c_str());
    ImGui::Dummy(ImVec2(w, height));
    for (int l = 0; l < levels; ++l) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float line = ImGui::GetTextLineHeight();
        dl->AddRectFilled(ImVec2(p.x, p.y + line * 0.4f), ImVec2(p.x + line, p.y + line * 0.6f),
                          opaqueColour(legend.levels[static_cast<std::size_t>(l)].rgba));
        ImGui::Dummy(ImVec2(line + 4, line));
        ImGui::SameLine();
        ImGui::TextUnformatted(levelName(s, session, l + 1).c_str());
    }
}

}  // namespace drillbase::ui
