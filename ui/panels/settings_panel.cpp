#include "ui/panels/settings_panel.h"

#include "ui/panels/screen_window.h"

#include <imgui.h>

namespace drillbase::ui {

void drawSettingsPanel(const Strings& s, AppState& state, UiRequests& out) {
    if (!beginScreenWindow("##settings")) {
        endScreenWindow();
        return;
    }
    if (ImGui::Button(s.tr("screen.back"))) out.goTo = Screen::Home;
    ImGui::SameLine();
    ImGui::TextUnformatted(s.tr("settings.title"));
    ImGui::Separator();

    ImGui::TextUnformatted(s.tr("settings.language"));
    if (ImGui::RadioButton("中文", state.locale == "zh-CN")) out.setLocale = "zh-CN";
    ImGui::SameLine();
    if (ImGui::RadioButton("English", state.locale == "en")) out.setLocale = "en";
    ImGui::Spacing();

    ImGui::TextUnformatted(s.tr("settings.ui_scale"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::SliderFloat("##scale", &state.pendingScale, kMinUiScale, kMaxUiScale, "%.2f×");
    // Rebuilding the font atlas on every drag step would stall the UI: apply on release.
    if (ImGui::IsItemDeactivatedAfterEdit()) out.setScale = clampUiScale(state.pendingScale);
    ImGui::TextDisabled("%s", s.tr("settings.ui_scale.hint"));
    endScreenWindow();
}

}  // namespace drillbase::ui
