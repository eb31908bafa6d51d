#include "ui/panels/roster_panel.h"

#include "ui/panels/compliance_format.h"
#include "ui/panels/person_links.h"
#include "ui/panels/records_format.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace drillbase::ui {

namespace {

void requestRoster(const std::string& text, int within, UiRequests& out) {
    RecordsRequest r;
    r.op = RecordsOp::LoadRoster;
    r.text = text;
    r.days = within;
    out.records.push_back(std::move(r));
}

std::string industryLabel(const Strings& s, const RecordsSession& session, const std::string& id) {
    const auto* industry = session.industries().find(id);
    if (!industry) return id;
    return s.locale() == "zh-CN" ? industry->zh : industry->en;
}

void drawOrganisationChoice(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                            UiRequests& out) {
    if (session.organisations().size() < 2) return;
    ImGui::BeginChild("orgs", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 7), true);
    for (const auto& o : session.organisations()) {
        const std::string label = o.name + "  " + o.creditCode + "  " +
                                  industryLabel(s, session, o.industry) + "##" + o.creditCode;
        if (ImGui::Selectable(label.c_str())) {
            std::snprintf(ui.rosterCode, sizeof ui.rosterCode, "%s", o.creditCode.c_str());
            requestRoster(o.creditCode, ui.rosterWithin, out);
        }
    }
    ImGui::EndChild();
}

// The person's problems in one cell: the states that need action, most urgent first.
std::string problems(const Strings& s, const ledger::PersonCompliance& c) {
    std::string t;
    for (const auto& r : c.requirements) {
        if (r.state == ledger::RequirementState::Met ||
            r.state == ledger::RequirementState::NotApplicable)
            continue;
        if (!t.empty()) t += "；";
        t.append(requirementStateText(s, r.state))
            .append(": ")
            .append(codeText(s, "compliance.item", r.item));
        if (r.due) t.append(" ").append(r.due->iso());
    }
    return t;
}

void drawRoster(const Strings& s, const RecordsSession& session, UiRequests& out,
                RecordsUiState& ui) {
    const auto& org = *session.rosterOrganisation();
    const auto& roster = session.roster();
    std::size_t mayHold = 0;
    for (const auto& c : roster) mayHold += c.mayHoldPost;
    ImGui::Text("%s  %s  ·  %s  ·  %s", org.name.c_str(), org.creditCode.c_str(),
                industryLabel(s, session, org.industry).c_str(),
                s.locale() == "zh-CN" ? session.regions().labelZh(org.region).c_str()
                                      : session.regions().labelEn(org.region).c_str());
    ImGui::Text("%s %zu · %s %zu · %s %zu", s.tr("roster.people"), roster.size(),
                s.tr("roster.may_hold"), mayHold, s.tr("roster.may_not_hold"),
                roster.size() - mayHold);
    if (!ImGui::BeginTable("roster", 5,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                               ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(s.tr("records.col.name"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 6);
    ImGui::TableSetupColumn(s.tr("records.col.id_number"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("000000********0000").x + 8);
    ImGui::TableSetupColumn(s.tr("roster.col.role"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 8);
    ImGui::TableSetupColumn(s.tr("roster.col.status"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 6);
    ImGui::TableSetupColumn(s.tr("roster.col.problems"));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(roster.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& c = roster[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            personArchiveLink(c.name, c.personId, c.personId, ui, out);
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(c.idMasked.c_str());
            ImGui::TableSetColumnIndex(2);
            std::string roles;
            for (const auto& r : c.roles)
                if (r.creditCode == org.creditCode)
                    roles.append(roles.empty() ? "" : "、")
                        .append(codeText(s, "person_role", r.role));
            ImGui::TextUnformatted(roles.c_str());
            ImGui::TableSetColumnIndex(3);
            const auto worst = c.worst();
            ImGui::TextColored(
                requirementColour(c.mayHoldPost ? worst : ledger::RequirementState::Overdue), "%s",
                c.mayHoldPost ? requirementStateText(s, worst).c_str()
                              : s.tr("roster.may_not_hold"));
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(problems(s, c).c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace

void drawRosterPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                     UiRequests& out) {
    textWrappedDisabled(s.tr("roster.hint"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    const bool enter = ImGui::InputText("##org", ui.rosterCode, sizeof ui.rosterCode,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::TextUnformatted(s.tr("roster.within"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt("##within", &ui.rosterWithin, 1, 30);
    ui.rosterWithin = std::clamp(ui.rosterWithin, 0, 366);
    ImGui::SameLine();
    ImGui::TextUnformatted(s.tr("expiring.days"));
    ImGui::SameLine();
    if (ImGui::Button(s.tr("records.search")) || enter)
        requestRoster(ui.rosterCode, ui.rosterWithin, out);
    drawOrganisationChoice(s, session, ui, out);
    if (session.rosterOrganisation()) drawRoster(s, session, out, ui);
}

}  // namespace drillbase::ui
