#include "ui/frame.h"

#include "ui/panels/about_panel.h"
#include "ui/panels/drill_report_panel.h"
#include "ui/panels/drill_screen.h"
#include "ui/panels/home_panel.h"
#include "ui/panels/main_menu.h"
#include "ui/panels/settings_panel.h"
#include "ui/panels/workflow_panel.h"

namespace drillbase::ui {

UiRequests drawFrame(const Strings& s, AppState& state, const AppInfo& info, const DrillView& drill,
                     const RecordsView& records) {
    UiRequests out;
    drawMainMenu(s, state, out);
    // Without a running drill the drill and report screens fall back to the trainee's list.
    Screen screen = state.screen;
    if ((screen == Screen::Drill || screen == Screen::Report) && !drill.session)
        screen = Screen::Trainee;
    switch (screen) {
        case Screen::Home: drawHomePanel(s, out); break;
        case Screen::Trainee:
        case Screen::Instructor: drawWorkflowPanel(screen, s, drill.catalog, out); break;
        case Screen::Official: drawRecordsScreen(s, records, out); break;
        case Screen::Training: drawTrainingScreen(s, records, out); break;
        case Screen::Drill: drawDrillScreen(s, *drill.session, *drill.ui, out); break;
        case Screen::Report: drawDrillReport(s, *drill.session, records, out); break;
        case Screen::Settings: drawSettingsPanel(s, state, out); break;
        case Screen::About: drawAboutPanel(s, info, out); break;
    }
    drawStatusBar(s, info);
    return out;
}

}  // namespace drillbase::ui
