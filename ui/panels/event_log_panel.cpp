#include "ui/panels/event_log_panel.h"

#include "ui/panels/drill_format.h"

#include <imgui.h>

namespace drillbase::ui {

void drawEventLog(const Strings& s, const DrillSession& session) {
    const auto& timeline = session.drill().timeline();
    const auto& st = session.drill().state();
    const auto& sc = session.scenario();
    const std::int64_t tickMillis = st.tickMillis;
    ImGui::TextUnformatted(s.tr("drill.events"));
    ImGui::BeginChild("##events", ImVec2(0, 0), true);
    // Newest first, clipped so a long drill's thousands of events cost only the visible rows.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(timeline.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto& e = timeline[timeline.size() - 1 - static_cast<std::size_t>(row)];
            const double t = static_cast<double>(e.tick * tickMillis) / 1000.0;
            ImGui::TextDisabled("%s", formatClock(t).c_str());
            ImGui::SameLine();
            ImGui::TextUnformatted(
                describeEvent(s, e, sc.transfer, &st, &sc.map, session.hazard()).c_str());
        }
    }
    ImGui::EndChild();
}

}  // namespace drillbase::ui
