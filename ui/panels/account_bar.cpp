#include "ui/panels/account_bar.h"

#include "ui/panels/records_format.h"

#include <imgui.h>

namespace drillbase::ui {

void drawAccountBar(const Strings& s, const RecordsSession& session, UiRequests& out) {
    if (ImGui::Button(s.tr("screen.back"))) out.goTo = Screen::Home;
    ImGui::SameLine();
    ImGui::TextDisabled("%s %s · %s %lld · %s %lld", s.tr("records.base"), session.baseId().c_str(),
                        s.tr("records.people"), static_cast<long long>(session.peopleCount()),
                        s.tr("records.events"), static_cast<long long>(session.eventCount()));
    if (!session.user()) return;
    const std::string who =
        std::string(s.tr("login.signed_in_as")) + " " + session.user()->name + " (" +
        codeText(s, "user_role", std::string(ledger::userRoleName(session.user()->role))) + ")";
    const std::string out_label = std::string(s.tr("login.sign_out")) + "##signout";
    const float w = ImGui::CalcTextSize(who.c_str()).x +
                    ImGui::CalcTextSize(s.tr("login.sign_out")).x +
                    ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x * 2;
    ImGui::SameLine(ImGui::GetWindowWidth() - w - ImGui::GetStyle().WindowPadding.x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(who.c_str());
    ImGui::SameLine();
    if (ImGui::Button(out_label.c_str())) {
        RecordsRequest r;
        r.op = RecordsOp::SignOut;
        out.records.push_back(std::move(r));
    }
}

}  // namespace drillbase::ui
