#include "ui/panels/login_panel.h"

#include "ui/panels/records_notice.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <cstring>

namespace drillbase::ui {

void wipe(char* buffer, std::size_t size) {
    // volatile: the compiler may not drop stores to a buffer it sees no later read of.
    volatile char* p = buffer;
    for (std::size_t i = 0; i < size; ++i) p[i] = 0;
}

namespace {

void field(const char* label, char* buf, std::size_t size, bool password) {
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(320);
    const std::string id = std::string("##") + label;
    ImGui::InputText(id.c_str(), buf, size, password ? ImGuiInputTextFlags_Password : 0);
}

}  // namespace

void drawLoginPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                    const char* purposeKey, UiRequests& out) {
    ImGui::Spacing();
    if (session.user()) {
        // Signed in, but the role does not cover this work.
        ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", s.tr("records.denied"));
        textWrapped(s.tr(purposeKey));
        return;
    }
    textWrapped(s.tr(purposeKey));
    ImGui::Separator();
    const bool firstAdmin = !session.hasUsers();
    ImGui::BeginChild("login", ImVec2(420, 0), false);
    ImGui::TextUnformatted(s.tr(firstAdmin ? "login.first_admin_title" : "login.title"));
    if (firstAdmin) textWrapped(s.tr("login.first_admin_hint"));
    ImGui::Spacing();
    field(s.tr("login.name"), ui.loginName, sizeof ui.loginName, false);
    field(s.tr("login.password"), ui.loginPassword, sizeof ui.loginPassword, true);
    if (firstAdmin) field(s.tr("login.repeat"), ui.loginRepeat, sizeof ui.loginRepeat, true);
    ImGui::Spacing();
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    if (ImGui::Button(s.tr(firstAdmin ? "login.create_admin" : "login.sign_in")) || enter) {
        RecordsRequest r;
        r.op = firstAdmin ? RecordsOp::CreateFirstAdmin : RecordsOp::SignIn;
        r.name = ui.loginName;
        r.password = ui.loginPassword;
        r.repeat = ui.loginRepeat;
        out.records.push_back(std::move(r));
        wipe(ui.loginPassword);
        wipe(ui.loginRepeat);
    }
    drawRecordsNotice(s, session.notice());
    ImGui::EndChild();
}

}  // namespace drillbase::ui
