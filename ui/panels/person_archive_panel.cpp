#include "ui/panels/person_archive_panel.h"

#include "ui/panels/compliance_format.h"
#include "ui/panels/person_links.h"
#include "ui/panels/records_format.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

namespace drillbase::ui {

namespace {

void drawHits(const Strings& s, const RecordsSession& session, UiRequests& out) {
    const auto& hits = session.hits();
    if (hits.size() < 2) return;
    const float h = ImGui::GetTextLineHeightWithSpacing() * 7.5f;
    if (!ImGui::BeginTable(
            "hits", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY,
            ImVec2(0, h)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(s.tr("records.col.name"));
    ImGui::TableSetupColumn(s.tr("records.col.id_number"));
    ImGui::TableSetupColumn(s.tr("records.col.organisation"));
    ImGui::TableHeadersRow();
    for (const auto& p : hits) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        const bool open = session.archive() && session.archive()->personId == p.personId;
        if (ImGui::Selectable((p.name + "##" + p.personId).c_str(), open,
                              ImGuiSelectableFlags_SpanAllColumns)) {
            RecordsRequest r;
            r.op = RecordsOp::OpenArchive;
            r.personId = p.personId;
            out.records.push_back(std::move(r));
        }
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(p.idMasked.c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(p.orgName.c_str());
    }
    ImGui::EndTable();
}

void drawArchive(const Strings& s, const RecordsSession& session, const ledger::PersonArchive& a) {
    ImGui::Separator();
    ImGui::Text("%s  %s  ·  %s %s", a.name.c_str(), a.idMasked.c_str(),
                s.tr("records.col.person_id"), a.personId.c_str());
    if (const auto& c = session.archiveCompliance()) {
        ImGui::TextDisabled("%s %s", s.tr("compliance.as_of"), session.today().iso().c_str());
        drawRequirements(s, *c);
        ImGui::Spacing();
    }
    if (a.records.empty()) {
        ImGui::TextDisabled("%s", s.tr("records.archive_empty"));
        return;
    }
    if (!ImGui::BeginTable("archive", 4,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                               ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(s.tr("records.col.date"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("0000-00-00").x + 8);
    ImGui::TableSetupColumn(s.tr("records.col.record"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 7);
    ImGui::TableSetupColumn(s.tr("records.col.subject"));
    ImGui::TableSetupColumn(s.tr("records.col.detail"));
    ImGui::TableHeadersRow();
    for (const auto& r : a.records) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(r.date.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(recordKindText(s, r.record).c_str());
        ImGui::TableSetColumnIndex(2);
        textWrapped(recordSubjectText(s, r));
        ImGui::TableSetColumnIndex(3);
        const auto detail = recordDetailText(s, r);
        if (recordIsBad(r))
            ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1.0f), "%s", detail.c_str());
        else
            textWrapped(detail);
    }
    ImGui::EndTable();
}

}  // namespace

void drawPersonArchivePanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                            UiRequests& out) {
    textWrappedDisabled(s.tr("records.search_hint"));
    drawPersonSearchField(s, "person", ui.search, sizeof ui.search, ImGui::GetFontSize() * 20, out);
    drawHits(s, session, out);
    if (session.archive()) drawArchive(s, session, *session.archive());
}

}  // namespace drillbase::ui
