#include "ui/app_state.h"

#include <algorithm>

namespace drillbase::ui {

const char* screenName(Screen s) {
    switch (s) {
        case Screen::Home: return "home";
        case Screen::Trainee: return "trainee";
        case Screen::Instructor: return "instructor";
        case Screen::Official: return "official";
        case Screen::Training: return "training";
        case Screen::Settings: return "settings";
        case Screen::About: return "about";
        case Screen::Drill: return "drill";
        case Screen::Report: return "report";
    }
    return "home";
}

std::optional<Screen> screenFromName(std::string_view name) {
    for (Screen s : kAllScreens)
        if (name == screenName(s)) return s;
    return std::nullopt;
}

float clampUiScale(float s) {
    if (!(s == s)) return 1.0f;  // NaN from a corrupt setting
    return std::clamp(s, kMinUiScale, kMaxUiScale);
}

}  // namespace drillbase::ui
