#include "ui/panels/drill_screen.h"

#include "ui/panels/drill_controls_panel.h"
#include "ui/panels/drill_map_panel.h"
#include "ui/panels/event_log_panel.h"
#include "ui/panels/screen_window.h"
#include "ui/panels/transfer_panel.h"

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
    // A drill with a household register shows the transfer work beside the event log.
    const bool transfer = hasTransferWork(session);
    const float logH = avail.y * (transfer ? 0.34f : 0.24f);
    ImGui::BeginChild("##mapArea",
                      ImVec2(avail.x - controlsW - ImGui::GetStyle().ItemSpacing.x, avail.y - logH),
                      false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    drawDrillMap(s, session, ui, out.drillCommands);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##controls", ImVec2(0, avail.y - logH), true);
    drawDrillControls(s, session, ui, out.drillCommands);
    ImGui::EndChild();
    if (!transfer) {
        drawEventLog(s, session);
    } else {
        ImGui::BeginChild("##eventArea", ImVec2(ImGui::GetContentRegionAvail().x * 0.3f, 0));
        drawEventLog(s, session);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##transfer", ImVec2(0, 0), true);
        drawTransferPanel(s, session);
        ImGui::EndChild();
    }
    endScreenWindow();
}

}  // namespace drillbase::ui
