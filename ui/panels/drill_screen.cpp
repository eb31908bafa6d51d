#include "ui/panels/drill_screen.h"

#include "ui/panels/drill_controls_panel.h"
#include "ui/panels/drill_map_panel.h"
#include "ui/panels/event_log_panel.h"
#include "ui/panels/screen_window.h"

#include <imgui.h>

namespace drillbase::ui {

void drawDrillScreen(const Strings& s, const DrillSession& session, DrillUiState& ui,
                     UiRequests& out) {
    if (!beginScreenWindow("##drill")) {
        endScreenWindow();
        return;
    }
    const auto& sc = session.scenario();
    ImGui::TextUnformatted(s.locale() == "zh-CN" ? sc.titleZh.c_str() : sc.titleEn.c_str());
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float controlsW = std::max(avail.x * 0.32f, ImGui::GetFontSize() * 22);
    const float logH = avail.y * 0.24f;
    ImGui::BeginChild("##mapArea",
                      ImVec2(avail.x - controlsW - ImGui::GetStyle().ItemSpacing.x, avail.y - logH),
                      false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    drawDrillMap(s, session, ui, out.drillCommands);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##controls", ImVec2(0, avail.y - logH), true);
    drawDrillControls(s, session, ui, out.drillCommands);
    ImGui::EndChild();
    drawEventLog(s, session.drill().timeline(), session.drill().state().tickMillis);
    endScreenWindow();
}

}  // namespace drillbase::ui
