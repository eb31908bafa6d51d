#include "ui/panels/home_panel.h"

#include "ui/panels/screen_window.h"
#include "ui/panels/workflow_features.h"

#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <algorithm>

namespace drillbase::ui {

namespace {

void drawRoleCard(const Strings& s, const RoleCard& card, ImVec2 size, UiRequests& out) {
    ImGui::BeginChild(card.titleKey, size, true);
    ImGui::PushStyleColor(ImGuiCol_Text, card.accent);
    ImGui::TextUnformatted(s.tr(card.titleKey));
    ImGui::PopStyleColor();
    ImGui::Separator();
    textWrapped(s.tr(card.descKey));
    ImGui::Spacing();
    for (const auto& f : featuresOf(card.screen)) {
        ImGui::BulletText("%s", s.tr(f.labelKey));
        if (!f.available) {
            // The marker goes beside the feature when it fits, else on its own line: never clipped.
            const std::string marker = std::string("(") + s.tr("status.not_available") + ")";
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(marker.c_str()).x) {
                ImGui::NewLine();
                ImGui::Indent();
                ImGui::TextDisabled("%s", marker.c_str());
                ImGui::Unindent();
            } else {
                ImGui::TextDisabled("%s", marker.c_str());
            }
        }
    }
    ImGui::Spacing();
    // The ID suffix keeps buttons with the same visible label distinct.
    const std::string label = std::string(s.tr("role.open")) + "##" + card.titleKey;
    if (ImGui::Button(label.c_str(), ImVec2(-1, 0))) out.goTo = card.screen;
    ImGui::EndChild();
}

}  // namespace

void drawHomePanel(const Strings& s, UiRequests& out) {
    if (!beginScreenWindow("##home")) {
        endScreenWindow();
        return;
    }
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted(s.tr("app.title"));
    ImGui::SetWindowFontScale(1.0f);
    textWrapped(s.tr("app.subtitle"));
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::TextUnformatted(s.tr("home.choose_role"));
    ImGui::Spacing();

    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
    // All cards as tall as the longest feature list (plus title, description and button), so
    // the row reads as one block instead of three columns running to the bottom of the screen.
    std::size_t rows = 0;
    for (const auto& card : roleCards()) rows = std::max(rows, featuresOf(card.screen).size());
    const float height = ImGui::GetFrameHeightWithSpacing() * static_cast<float>(rows + 9);
    bool first = true;
    for (const auto& card : roleCards()) {
        if (!first) ImGui::SameLine();
        first = false;
        drawRoleCard(s, card, ImVec2(width, height), out);
    }
    endScreenWindow();
}

}  // namespace drillbase::ui
