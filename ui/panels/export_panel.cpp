#include "ui/panels/export_panel.h"

#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>

namespace drillbase::ui {

namespace {

constexpr const char* kFormats[] = {"csv", "xapi"};

// A sensible first suggestion: the home folder, the base and today's date in the name.
void suggestPath(const RecordsSession& session, RecordsUiState& ui) {
    if (ui.exportPath[0] != '\0') return;
    const char* home = std::getenv("HOME");
    const std::string ext = ui.exportFormat == 0 ? ".csv" : ".json";
    const std::string path =
        std::string(home ? home : ".") + "/drillbase-records-" + session.today().iso() + ext;
    std::snprintf(ui.exportPath, sizeof ui.exportPath, "%s", path.c_str());
}

}  // namespace

void drawExportPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                     UiRequests& out) {
    suggestPath(session, ui);
    textWrappedDisabled(s.tr("export.hint"));
    ImGui::Spacing();
    int format = ui.exportFormat;
    ImGui::RadioButton(s.tr("export.csv"), &format, 0);
    ImGui::SameLine();
    ImGui::RadioButton(s.tr("export.xapi"), &format, 1);
    if (format != ui.exportFormat) {
        ui.exportFormat = format;
        ui.exportPath[0] = '\0';  // suggest a name with the new extension
        suggestPath(session, ui);
    }
    ImGui::TextUnformatted(s.tr("export.path"));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##path", ui.exportPath, sizeof ui.exportPath);
    if (ImGui::Button(s.tr("export.run"))) {
        RecordsRequest r;
        r.op = RecordsOp::Export;
        r.format = kFormats[ui.exportFormat];
        r.path = ui.exportPath;
        out.records.push_back(std::move(r));
    }
}

}  // namespace drillbase::ui
