// hazard_chart.cpp — see the header. Drawn with the draw list as the exposure chart is, so both
// read alike: dark panel, the figure's peak at the top left, the drill's end time bottom right.
#include "ui/panels/hazard_chart.h"

#include "ui/panels/drill_format.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace drillbase::ui {

namespace {

// Warm for the first figure (the fire's area), cool for the next (its front), then others.
constexpr ImU32 kSeriesColours[] = {IM_COL32(255, 140, 40, 255), IM_COL32(90, 200, 255, 255),
                                    IM_COL32(180, 230, 90, 255), IM_COL32(235, 110, 200, 255)};

void drawSeries(const std::vector<ChartSample>& h, std::size_t index, float height, ImU32 col) {
    const float peak = std::max(chartPeak(h, index), 1e-3f);
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
    for (std::size_t k = 1; k < h.size(); ++k)
        dl->AddLine(at(h[k - 1].timeS, h[k - 1].values[index]), at(h[k].timeS, h[k].values[index]),
                    col, 2.0f);
    char buf[64];
    std::snprintf(buf, sizeof buf, peak >= 10 ? "%.0f" : "%.2g", static_cast<double>(peak));
    dl->AddText(ImVec2(a.x + 4, a.y + 2), IM_COL32(200, 200, 200, 255), buf);
    const std::string end = formatClock(t1);
    dl->AddText(
        ImVec2(b.x - 4 - ImGui::CalcTextSize(end.c_str()).x, b.y - ImGui::GetTextLineHeight() - 2),
        IM_COL32(200, 200, 200, 255), end.c_str());
    ImGui::Dummy(ImVec2(w, height));
}

}  // namespace

float chartPeak(const std::vector<ChartSample>& history, std::size_t index) {
    float peak = 0;
    for (const auto& x : history)
        if (index < x.values.size()) peak = std::max(peak, x.values[index]);
    return peak;
}

void drawHazardCharts(const Strings& s, const DrillSession& session, float height) {
    const auto& keys = session.chartKeys();
    if (keys.empty()) return;
    ImGui::TextUnformatted(s.tr("report.hazard_charts"));
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const ImU32 col = kSeriesColours[i % IM_ARRAYSIZE(kSeriesColours)];
        // The title carries the series' colour, so a printed report still pairs them.
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(col));
        textWrapped(s.tr(keys[i]));
        ImGui::PopStyleColor();
        drawSeries(session.chartHistory(), i, height, col);
    }
}

}  // namespace drillbase::ui
