#include "ui/panels/compliance_format.h"

#include "ui/panels/records_format.h"

namespace drillbase::ui {

ImVec4 requirementColour(ledger::RequirementState s) {
    switch (s) {
        case ledger::RequirementState::Met: return ImVec4(0.55f, 0.9f, 0.6f, 1.0f);
        case ledger::RequirementState::DueSoon: return ImVec4(1.0f, 0.8f, 0.4f, 1.0f);
        case ledger::RequirementState::Missing:
        case ledger::RequirementState::Overdue: return ImVec4(1.0f, 0.5f, 0.4f, 1.0f);
        case ledger::RequirementState::NotApplicable: break;
    }
    return ImVec4(0.6f, 0.6f, 0.6f, 1.0f);
}

std::string requirementStateText(const Strings& s, ledger::RequirementState st) {
    return codeText(s, "compliance.state", std::string(ledger::requirementStateName(st)));
}

std::string requirementText(const Strings& s, const ledger::Requirement& r) {
    // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
    std::string t = codeText(s, "person_role", r.role);
    t.append(" · ").append(codeText(s, "compliance.item", r.item));
    if (r.required > 0)
        t.append(" ")
            .append(std::to_string(r.completed))
            .append("/")
            .append(std::to_string(r.required))
            .append(" ")
            .append(s.tr("records.hours_unit"));
    if (r.due) t.append(" · ").append(s.tr("compliance.due")).append(" ").append(r.due->iso());
    return t;
}

void drawRequirements(const Strings& s, const ledger::PersonCompliance& c) {
    if (!c.mayHoldPost)
        ImGui::TextColored(requirementColour(ledger::RequirementState::Overdue), "%s",
                           s.tr("compliance.may_not_hold_post"));
    else
        ImGui::TextColored(requirementColour(ledger::RequirementState::Met), "%s",
                           s.tr("compliance.may_hold_post"));
    if (c.requirements.empty()) ImGui::TextDisabled("%s", s.tr("compliance.none"));
    for (const auto& r : c.requirements) {
        ImGui::TextColored(requirementColour(r.state), "[%s]",
                           requirementStateText(s, r.state).c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(requirementText(s, r).c_str());
        if (ImGui::IsItemHovered() && !r.detail.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            ImGui::TextUnformatted((r.detail + "  (" + r.ruleId + ")").c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}

}  // namespace drillbase::ui
