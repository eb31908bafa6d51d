#include "ui/frame.h"

#include "ui/panels/about_panel.h"
#include "ui/panels/home_panel.h"
#include "ui/panels/main_menu.h"
#include "ui/panels/settings_panel.h"
#include "ui/panels/workflow_panel.h"

namespace drillbase::ui {

UiRequests drawFrame(const Strings& s, AppState& state, const AppInfo& info) {
    UiRequests out;
    drawMainMenu(s, state, out);
    switch (state.screen) {
        case Screen::Home: drawHomePanel(s, out); break;
        case Screen::Trainee:
        case Screen::Instructor:
        case Screen::Official: drawWorkflowPanel(state.screen, s, out); break;
        case Screen::Settings: drawSettingsPanel(s, state, out); break;
        case Screen::About: drawAboutPanel(s, info, out); break;
    }
    drawStatusBar(s, info);
    return out;
}

}  // namespace drillbase::ui
