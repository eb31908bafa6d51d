#include "ui/panels/records_screen.h"

#include "ui/panels/account_bar.h"
#include "ui/panels/expiring_panel.h"
#include "ui/panels/export_panel.h"
#include "ui/panels/login_panel.h"
#include "ui/panels/person_archive_panel.h"
#include "ui/panels/records_notice.h"
#include "ui/panels/roster_panel.h"
#include "ui/panels/screen_window.h"
#include "ui/panels/stats_panel.h"
#include "ui/panels/training_session_panel.h"
#include "ui/panels/users_panel.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

namespace drillbase::ui {

namespace {

// False (after drawing why, or the sign-in form) when the screen cannot be shown.
bool gate(const Strings& s, const RecordsView& view, ledger::Action action, const char* purposeKey,
          UiRequests& out) {
    if (!view.session) {
        if (ImGui::Button(s.tr("screen.back"))) out.goTo = Screen::Home;
        ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1.0f), "%s", s.tr("records.unavailable"));
        if (view.errorKey.empty()) {
            textWrapped(view.error);
            return false;
        }
        textWrapped(s.tr(view.errorKey));
        if (!view.errorTable.empty()) textWrapped(s.tr("ledger.table." + view.errorTable));
        textWrapped(s.tr("records.untrusted.repair"));
        return false;
    }
    drawAccountBar(s, *view.session, out);
    ImGui::Separator();
    if (view.session->allowed(action)) return true;
    drawLoginPanel(s, *view.session, *view.ui, purposeKey, out);
    return false;
}

bool tab(const Strings& s, const char* key, RecordsTab which, RecordsUiState& ui) {
    const ImGuiTabItemFlags flags =
        ui.pendingTab == which ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    const bool open = ImGui::BeginTabItem(s.tr(key), nullptr, flags);
    if (ui.pendingTab == which) ui.pendingTab.reset();
    return open;
}

}  // namespace

void drawRecordsScreen(const Strings& s, const RecordsView& view, UiRequests& out) {
    if (!beginScreenWindow("##records")) {
        endScreenWindow();
        return;
    }
    if (gate(s, view, ledger::Action::ReadRecords, "records.purpose", out)) {
        const auto& session = *view.session;
        auto& ui = *view.ui;
        drawRecordsNotice(s, session.notice());
        if (ImGui::BeginTabBar("records_tabs")) {
            if (tab(s, "records.tab.archive", RecordsTab::Archive, ui)) {
                drawPersonArchivePanel(s, session, ui, out);
                ImGui::EndTabItem();
            }
            if (tab(s, "records.tab.roster", RecordsTab::Roster, ui)) {
                drawRosterPanel(s, session, ui, out);
                ImGui::EndTabItem();
            }
            if (tab(s, "records.tab.expiring", RecordsTab::Expiring, ui)) {
                drawExpiringPanel(s, session, ui, out);
                ImGui::EndTabItem();
            }
            if (tab(s, "records.tab.stats", RecordsTab::Stats, ui)) {
                drawStatsPanel(s, session, ui, out);
                ImGui::EndTabItem();
            }
            if (session.allowed(ledger::Action::ExportRecords) &&
                tab(s, "records.tab.export", RecordsTab::Export, ui)) {
                drawExportPanel(s, session, ui, out);
                ImGui::EndTabItem();
            }
            if (session.allowed(ledger::Action::ManageUsers) &&
                tab(s, "records.tab.users", RecordsTab::Users, ui)) {
                drawUsersPanel(s, session, ui, out);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    endScreenWindow();
}

void drawTrainingScreen(const Strings& s, const RecordsView& view, UiRequests& out) {
    if (!beginScreenWindow("##training")) {
        endScreenWindow();
        return;
    }
    if (gate(s, view, ledger::Action::RecordTraining, "training.purpose", out))
        drawTrainingSessionPanel(s, *view.session, *view.ui, out);
    endScreenWindow();
}

}  // namespace drillbase::ui
