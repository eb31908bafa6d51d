// workflow_features.h — which features each workflow offers and whether they exist yet.
// The home cards and the workflow screens both read this one list, so a feature is marked
// available in exactly one place when its issue lands.
#pragma once

#include "ui/app_state.h"

#include <imgui.h>

#include <span>

namespace drillbase::ui {

struct Feature {
    const char* labelKey;  // content/i18n key
    bool available;
};

struct RoleCard {
    Screen screen;
    const char* titleKey;
    const char* descKey;
    ImVec4 accent;
};

std::span<const Feature> featuresOf(Screen workflow);
std::span<const RoleCard> roleCards();

}  // namespace drillbase::ui
