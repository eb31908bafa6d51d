#include "ui/panels/about_panel.h"

#include "ui/panels/screen_window.h"

#include <imgui.h>

namespace drillbase::ui {

void drawAboutPanel(const Strings& s, const AppInfo& info, UiRequests& out) {
    if (!beginScreenWindow("##about")) {
        endScreenWindow();
        return;
    }
    if (ImGui::Button(s.tr("screen.back"))) out.goTo = Screen::Home;
    ImGui::SameLine();
    ImGui::TextUnformatted(s.tr("about.title"));
    ImGui::Separator();
    ImGui::TextUnformatted(s.tr("app.title"));
    ImGui::Text("%s: %s", s.tr("about.version"), info.version.c_str());
    ImGui::Text("%s: %s", s.tr("about.database"), info.databasePath.c_str());
    ImGui::Text("%s: %s", s.tr("about.content"), info.contentPath.c_str());
    ImGui::TextUnformatted(s.tr("about.license"));
    endScreenWindow();
}

}  // namespace drillbase::ui
