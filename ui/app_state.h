// app_state.h — the GUI's own state (which screen, language, scale) and the requests that
// panels make while drawing. Panels never change state mid-frame: they fill UiRequests and
// the app applies them after the frame (ImGui's advice: collect edits, apply after the loop).
#pragma once

#include "sim/engine/command.h"
#include "ui/records_request.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ui {

enum class Screen { Home, Trainee, Instructor, Official, Training, Settings, About, Drill, Report };

// Stable names for --screen and tests.
const char* screenName(Screen s);
std::optional<Screen> screenFromName(std::string_view name);
inline constexpr Screen kAllScreens[] = {Screen::Home,     Screen::Trainee,  Screen::Instructor,
                                         Screen::Official, Screen::Training, Screen::Settings,
                                         Screen::About,    Screen::Drill,    Screen::Report};

inline constexpr float kMinUiScale = 0.75f;
inline constexpr float kMaxUiScale = 2.0f;
inline constexpr float kBaseFontPx = 18.0f;
float clampUiScale(float s);

struct AppState {
    Screen screen = Screen::Home;
    std::string locale = "zh-CN";
    float uiScale = 1.0f;
    float pendingScale = 1.0f;  // the slider's value while it is being dragged
};

struct UiRequests {
    std::optional<Screen> goTo;
    std::optional<std::string> setLocale;
    std::optional<float> setScale;
    std::optional<std::size_t> startScenario;  // index into the scenario catalog
    std::vector<sim::Command> drillCommands;   // for the running drill, in order
    std::vector<RecordsRequest> records;       // for the ledger, in order
    bool quit = false;
};

// Read-only facts the panels show.
struct AppInfo {
    std::string version;
    std::string databasePath;
    std::string contentPath;
};

}  // namespace drillbase::ui
