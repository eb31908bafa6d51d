#include "ui/panels/record_result_panel.h"

#include "ui/panels/login_panel.h"
#include "ui/panels/person_links.h"
#include "ui/panels/records_notice.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

namespace drillbase::ui {

void drawRecordResultPanel(const Strings& s, const RecordsView& view, UiRequests& out) {
    if (!view.session) return;  // no ledger: the report stands alone
    const auto& session = *view.session;
    auto& ui = *view.ui;
    ImGui::Separator();
    ImGui::TextUnformatted(s.tr("report.record_title"));
    if (!session.allowed(ledger::Action::RecordResults)) {
        drawLoginPanel(s, session, ui, "report.record_purpose", out);
        return;
    }
    drawPersonSearchField(s, "trainee", ui.attendeeSearch, sizeof ui.attendeeSearch,
                          ImGui::GetFontSize() * 12, out);
    for (const auto& p : session.hits()) {
        ImGui::PushID(p.personId.c_str());
        if (ImGui::SmallButton(s.tr("report.record_for"))) {
            RecordsRequest r;
            r.op = RecordsOp::RecordDrillResult;
            r.personId = p.personId;
            out.records.push_back(std::move(r));
        }
        ImGui::SameLine();
        ImGui::Text("%s  %s  %s", p.name.c_str(), p.idMasked.c_str(), p.orgName.c_str());
        ImGui::PopID();
    }
    drawRecordsNotice(s, session.notice());
}

}  // namespace drillbase::ui
