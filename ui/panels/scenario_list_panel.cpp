#include "ui/panels/scenario_list_panel.h"

#include "ui/panels/wrapped_text.h"

#include <imgui.h>

namespace drillbase::ui {

void drawScenarioList(const Strings& s, const std::vector<ScenarioEntry>& catalog, UiRequests& out,
                      const std::string& hazardType) {
    if (catalog.empty()) {
        ImGui::TextDisabled("%s", s.tr("scenarios.none"));
        return;
    }
    const bool zh = s.locale() == "zh-CN";
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        const auto& e = catalog[i];
        if (!hazardType.empty() && (!e.scenario || e.scenario->hazardType != hazardType)) continue;
        ImGui::PushID(static_cast<int>(i));
        if (e.scenario) {
            if (ImGui::Button(s.tr("scenarios.start"))) out.startScenario = i;
            ImGui::SameLine();
            // The kind of drill first (危化品泄漏, 洪涝, 森林火灾) in a list of every kind.
            const std::string type = "hazard." + e.scenario->hazardType;
            if (hazardType.empty() && s.primary().has(type)) {
                ImGui::TextColored(ImVec4(1, 0.75f, 0.35f, 1), "[%s]", s.tr(type));
                ImGui::SameLine();
            }
            ImGui::TextUnformatted(zh ? e.scenario->titleZh.c_str() : e.scenario->titleEn.c_str());
            ImGui::Indent();
            textWrappedDisabled(zh ? e.scenario->briefingZh : e.scenario->briefingEn);
            ImGui::Unindent();
        } else {
            ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s %s", s.tr("scenarios.invalid"),
                               e.file.filename().string().c_str());
            for (const auto& err : e.errors) ImGui::BulletText("%s", err.c_str());
        }
        ImGui::PopID();
    }
}

}  // namespace drillbase::ui
