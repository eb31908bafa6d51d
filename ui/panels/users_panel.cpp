#include "ui/panels/users_panel.h"

#include "ui/panels/records_format.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

namespace drillbase::ui {

namespace {
constexpr const char* kRoles[] = {"trainee", "instructor", "official", "admin"};
}

void drawUsersPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                    UiRequests& out) {
    const float listWidth = ImGui::GetContentRegionAvail().x * 0.45f;
    ImGui::BeginChild("userlist", ImVec2(listWidth, 0), true);
    if (ImGui::BeginTable("users", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
        ImGui::TableSetupColumn(s.tr("login.name"));
        ImGui::TableSetupColumn(s.tr("users.role"));
        ImGui::TableSetupColumn(s.tr("users.state"));
        ImGui::TableSetupColumn("##actions");
        ImGui::TableHeadersRow();
        for (const auto& u : session.users()) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(u.name.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(
                codeText(s, "user_role", std::string(ledger::userRoleName(u.role))).c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(s.tr(u.disabled ? "users.disabled" : "users.enabled"));
            ImGui::TableSetColumnIndex(3);
            // Not one's own account: the last admin must not lock everyone out (users.h).
            const bool self = session.user() && session.user()->name == u.name;
            if (!u.disabled && !self) {
                ImGui::PushID(u.name.c_str());
                if (ImGui::SmallButton(s.tr("users.disable"))) {
                    RecordsRequest r;
                    r.op = RecordsOp::DisableUser;
                    r.name = u.name;
                    out.records.push_back(std::move(r));
                }
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("adduser", ImVec2(0, 0), true);
    ImGui::TextUnformatted(s.tr("users.add_title"));
    textWrappedDisabled(s.tr("users.add_hint"));
    ImGui::TextUnformatted(s.tr("login.name"));
    ImGui::SetNextItemWidth(280);
    ImGui::InputText("##newname", ui.newUserName, sizeof ui.newUserName);
    ImGui::TextUnformatted(s.tr("users.role"));
    ImGui::SetNextItemWidth(280);
    const std::string current = codeText(s, "user_role", kRoles[ui.newUserRole]);
    if (ImGui::BeginCombo("##role", current.c_str())) {
        for (int i = 0; i < 4; ++i)
            if (ImGui::Selectable(codeText(s, "user_role", kRoles[i]).c_str(), i == ui.newUserRole))
                ui.newUserRole = i;
        ImGui::EndCombo();
    }
    ImGui::TextUnformatted(s.tr("login.password"));
    ImGui::SetNextItemWidth(280);
    ImGui::InputText("##newpw", ui.newUserPassword, sizeof ui.newUserPassword,
                     ImGuiInputTextFlags_Password);
    ImGui::TextUnformatted(s.tr("login.repeat"));
    ImGui::SetNextItemWidth(280);
    ImGui::InputText("##newpw2", ui.newUserRepeat, sizeof ui.newUserRepeat,
                     ImGuiInputTextFlags_Password);
    if (ImGui::Button(s.tr("users.add"))) {
        RecordsRequest r;
        r.op = RecordsOp::AddUser;
        r.name = ui.newUserName;
        r.role = kRoles[ui.newUserRole];
        r.password = ui.newUserPassword;
        r.repeat = ui.newUserRepeat;
        out.records.push_back(std::move(r));
        wipe(ui.newUserPassword);
        wipe(ui.newUserRepeat);
    }
    ImGui::EndChild();
}

}  // namespace drillbase::ui
