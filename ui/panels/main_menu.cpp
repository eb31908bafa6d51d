#include "ui/panels/main_menu.h"

#include <imgui.h>

namespace drillbase::ui {

void drawMainMenu(const Strings& s, const AppState& state, UiRequests& out) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(s.tr("menu.file"))) {
        if (ImGui::MenuItem(s.tr("menu.quit"), "Ctrl+Q")) out.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(s.tr("menu.view"))) {
        if (ImGui::MenuItem(s.tr("menu.home"), nullptr, state.screen == Screen::Home))
            out.goTo = Screen::Home;
        if (ImGui::MenuItem(s.tr("menu.settings"), nullptr, state.screen == Screen::Settings))
            out.goTo = Screen::Settings;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(s.tr("menu.language"))) {
        // Each language is named in itself, so a user who cannot read the current one finds theirs.
        if (ImGui::MenuItem("中文", nullptr, state.locale == "zh-CN")) out.setLocale = "zh-CN";
        if (ImGui::MenuItem("English", nullptr, state.locale == "en")) out.setLocale = "en";
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(s.tr("menu.help"))) {
        if (ImGui::MenuItem(s.tr("menu.about"), nullptr, state.screen == Screen::About))
            out.goTo = Screen::About;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void drawStatusBar(const Strings& s, const AppInfo& info) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
    if (ImGui::Begin("##status", nullptr, flags)) {
        ImGui::TextDisabled("%s%s", s.tr("status.database"), info.databasePath.c_str());
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(info.version.c_str()).x - 16);
        ImGui::TextDisabled("%s", info.version.c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace drillbase::ui
