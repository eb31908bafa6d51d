#include "ui/panels/expiring_panel.h"

#include "ledger/civil_date.h"
#include "ui/panels/person_links.h"

#include <imgui.h>

namespace drillbase::ui {

namespace {

// Days from `today` to an ISO date; 0 when the date cannot be read.
std::int64_t daysUntil(const ledger::CivilDate& today, const std::string& iso) {
    const auto d = ledger::parseIsoDate(iso);
    return d ? d->toDays() - today.toDays() : 0;
}

}  // namespace

void drawExpiringPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                       UiRequests& out) {
    ImGui::TextUnformatted(s.tr("expiring.within"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    ImGui::InputInt("##days", &ui.expiringDays, 1, 30);
    ui.expiringDays = ui.expiringDays < 1 ? 1 : (ui.expiringDays > 366 ? 366 : ui.expiringDays);
    ImGui::SameLine();
    ImGui::TextUnformatted(s.tr("expiring.days"));
    ImGui::SameLine();
    if (ImGui::Button(s.tr("expiring.load"))) {
        RecordsRequest r;
        r.op = RecordsOp::LoadExpiring;
        r.days = ui.expiringDays;
        out.records.push_back(std::move(r));
    }
    const auto& list = session.expiring();
    ImGui::TextDisabled("%s %s · %zu", s.tr("expiring.as_of"), session.today().iso().c_str(),
                        list.size());
    if (list.empty()) return;
    if (!ImGui::BeginTable("expiring", 6,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                               ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key : {"records.col.name", "records.col.id_number", "records.col.operation",
                            "records.col.certificate", "records.col.issued", "records.col.expires"})
        ImGui::TableSetupColumn(s.tr(key));
    ImGui::TableHeadersRow();
    const auto today = session.today();
    ImGuiListClipper clipper;  // a county may list thousands; draw only the visible rows
    clipper.Begin(static_cast<int>(list.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& c = list[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            personArchiveLink(c.name, c.certificateId, c.personId, ui, out);
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(c.idMasked.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(c.operation.c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(c.numberMasked.c_str());
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(c.issued.c_str());
            ImGui::TableSetColumnIndex(5);
            const auto left = daysUntil(today, c.expires);
            // Within a fortnight: red, the holder may be off the post before a review is done.
            const ImVec4 colour =
                left <= 14 ? ImVec4(1.0f, 0.5f, 0.4f, 1.0f) : ImVec4(1.0f, 0.8f, 0.4f, 1.0f);
            ImGui::TextColored(colour, "%s (%lld %s)", c.expires.c_str(),
                               static_cast<long long>(left), s.tr("expiring.days_left"));
        }
    }
    ImGui::EndTable();
}

}  // namespace drillbase::ui
