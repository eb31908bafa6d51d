#include "ui/panels/workflow_panel.h"

#include "ui/panels/scenario_list_panel.h"
#include "ui/panels/screen_window.h"
#include "ui/panels/workflow_features.h"

#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <utility>

namespace drillbase::ui {

namespace {
// The trainee's drill features and the hazard type of the scenarios each lists.
constexpr std::pair<const char*, const char*> kDrillFeatures[] = {{"feature.drill_chemical", "gas"},
                                                                  {"feature.drill_flood", "flood"},
                                                                  {"feature.drill_fire", "fire"}};
}  // namespace

void drawWorkflowPanel(Screen workflow, const Strings& s, const std::vector<ScenarioEntry>* catalog,
                       UiRequests& out) {
    if (!beginScreenWindow("##workflow")) {
        endScreenWindow();
        return;
    }
    if (ImGui::Button(s.tr("screen.back"))) out.goTo = Screen::Home;
    for (const auto& card : roleCards()) {
        if (card.screen != workflow) continue;
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, card.accent);
        ImGui::TextUnformatted(s.tr(card.titleKey));
        ImGui::PopStyleColor();
        textWrapped(s.tr(card.descKey));
    }
    ImGui::Separator();
    for (const auto& f : featuresOf(workflow)) {
        ImGui::PushID(f.labelKey);
        if (f.available) {
            // An available feature shows its content in place of the notice.
            ImGui::TextUnformatted(s.tr(f.labelKey));
            ImGui::Indent();
            // The instructor controls a drill from the same screen the trainee sees (its
            // injects panel), so both start drills from the same list.
            const std::string key = f.labelKey;
            if (key == "feature.drill_control" && catalog) drawScenarioList(s, *catalog, out);
            // Each kind of drill lists its own scenarios.
            for (const auto& [feature, type] : kDrillFeatures)
                if (key == feature && catalog) drawScenarioList(s, *catalog, out, type);
            if (key == "feature.training_session") {
                textWrappedDisabled(s.tr("training.purpose"));
                if (ImGui::Button(s.tr("training.open"))) out.goTo = Screen::Training;
            }
            ImGui::Unindent();
            ImGui::Separator();
            ImGui::PopID();
            continue;
        }
        ImGui::BeginChild("feature", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 3.2f), true);
        ImGui::TextUnformatted(s.tr(f.labelKey));
        if (!f.available) {
            ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", s.tr("status.not_available"));
            ImGui::SameLine();
            ImGui::TextDisabled("%s", s.tr("status.not_available.hint"));
        }
        ImGui::EndChild();
        ImGui::PopID();
    }
    endScreenWindow();
}

}  // namespace drillbase::ui
