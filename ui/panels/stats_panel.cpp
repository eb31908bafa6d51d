#include "ui/panels/stats_panel.h"

#include "ui/panels/bar_chart.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace drillbase::ui {

namespace {

constexpr const char* kGroups[] = {"region", "industry", "month"};

void defaultPeriod(const RecordsSession& session, RecordsUiState& ui) {
    // This calendar year so far: annual refresher hours are counted per calendar year.
    const auto today = session.today();
    if (ui.statsFrom[0] == '\0')
        std::snprintf(ui.statsFrom, sizeof ui.statsFrom, "%04d-01-01", today.year);
    if (ui.statsTo[0] == '\0')
        std::snprintf(ui.statsTo, sizeof ui.statsTo, "%s", today.iso().c_str());
}

void drawTable(const Strings& s, const std::vector<ledger::StatsRow>& rows) {
    if (!ImGui::BeginTable(
            "stats", 7, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY,
            ImVec2(0, ImGui::GetContentRegionAvail().y)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key :
         {"stats.col.group", "stats.col.people", "stats.col.trained", "stats.col.exams",
          "stats.col.passed", "stats.col.valid", "stats.col.due"})
        ImGui::TableSetupColumn(s.tr(key));
    ImGui::TableHeadersRow();
    for (const auto& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted((s.locale() == "zh-CN" ? r.label : r.labelEn).c_str());
        const std::int64_t figures[] = {r.people,      r.trained,           r.examsTaken,
                                        r.examsPassed, r.certificatesValid, r.certificatesDue};
        for (int i = 0; i < 6; ++i) {
            ImGui::TableSetColumnIndex(i + 1);
            ImGui::Text("%lld", static_cast<long long>(figures[i]));
        }
    }
    ImGui::EndTable();
}

}  // namespace

void drawStatsPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                    UiRequests& out) {
    defaultPeriod(session, ui);
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        ImGui::RadioButton(s.tr(std::string("stats.by.") + kGroups[i]), &ui.statsGroup, i);
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(s.tr("stats.from"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    ImGui::InputText("##from", ui.statsFrom, sizeof ui.statsFrom);
    ImGui::SameLine();
    ImGui::TextUnformatted(s.tr("stats.to"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    ImGui::InputText("##to", ui.statsTo, sizeof ui.statsTo);
    ImGui::SameLine();
    if (ImGui::Button(s.tr("stats.load"))) {
        RecordsRequest r;
        r.op = RecordsOp::LoadStats;
        r.group = kGroups[ui.statsGroup];
        r.from = ui.statsFrom;
        r.to = ui.statsTo;
        out.records.push_back(std::move(r));
    }
    textWrappedDisabled(s.tr("stats.definitions"));
    const auto& rows = session.stats();
    if (rows.empty()) return;
    std::vector<BarRow> coverage, passRate;
    float labelWidth = 0;
    for (const auto& r : rows) {
        const std::string& label = s.locale() == "zh-CN" ? r.label : r.labelEn;
        coverage.push_back({label, r.trained, r.people});
        passRate.push_back({label, r.examsPassed, r.examsTaken});
        labelWidth = std::max(labelWidth, ImGui::CalcTextSize(label.c_str()).x + 12);
    }
    labelWidth = std::min(labelWidth, ImGui::GetFontSize() * 14);
    // Two charts side by side, the table of figures under them.
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    // Tall enough for every bar and the title; at most 60% of the screen (then it scrolls).
    const float chartH = std::min(
        barRowHeight() * static_cast<float>(rows.size()) + ImGui::GetTextLineHeightWithSpacing() +
            ImGui::GetStyle().WindowPadding.y * 2 + ImGui::GetStyle().ItemSpacing.y,
        ImGui::GetContentRegionAvail().y * 0.6f);
    ImGui::BeginChild("coverage", ImVec2(half, chartH), true);
    ImGui::TextUnformatted(s.tr("stats.coverage"));
    drawShareBars("cov", coverage, IM_COL32(90, 160, 230, 255), labelWidth);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("passrate", ImVec2(0, chartH), true);
    ImGui::TextUnformatted(s.tr("stats.pass_rate"));
    drawShareBars("pass", passRate, IM_COL32(90, 190, 120, 255), labelWidth);
    ImGui::EndChild();
    drawTable(s, rows);
}

}  // namespace drillbase::ui
