#include "ui/panels/drill_report_panel.h"

#include "ui/panels/drill_format.h"
#include "ui/panels/drill_outcomes_panel.h"
#include "ui/panels/event_log_panel.h"
#include "ui/panels/exposure_chart.h"
#include "ui/panels/hazard_chart.h"
#include "ui/panels/record_result_panel.h"
#include "ui/panels/screen_window.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <cstdio>

namespace drillbase::ui {

namespace {

bool isZh(const Strings& s) {
    return s.locale() == "zh-CN";
}

// "People at or above AEGL-2 … over time": the level the chart counts, by the hazard's name.
ImVec4 statusColour(sim::ItemStatus st) {
    switch (st) {
        case sim::ItemStatus::Earned: return ImVec4(0.4f, 0.9f, 0.45f, 1);
        case sim::ItemStatus::Partial: return ImVec4(1.0f, 0.8f, 0.3f, 1);
        case sim::ItemStatus::Missed: return ImVec4(1.0f, 0.4f, 0.35f, 1);
        default: return ImVec4(0.6f, 0.6f, 0.6f, 1);
    }
}

void drawItems(const Strings& s, const DrillSession& session, const sim::ScoreReport& rep) {
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##items", 4, flags)) return;
    ImGui::TableSetupColumn(s.tr("report.item"), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn(s.tr("report.points"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(s.tr("report.evidence"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableSetupColumn(s.tr("report.advice"), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableHeadersRow();
    for (const auto& area : rep.areas) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(ImVec4(0.55f, 0.8f, 1, 1), "%s",
                           isZh(s) ? area.titleZh.c_str() : area.titleEn.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.1f / %.1f", area.earned, area.possible);
        for (const auto& r : area.items) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            textWrapped(isZh(s) ? r.item.titleZh.c_str() : r.item.titleEn.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(statusColour(r.status), "%s",
                               s.tr(std::string("report.status.") + sim::statusName(r.status)));
            if (r.status != sim::ItemStatus::NotApplicable)
                ImGui::Text("%.1f / %.1f", r.earned, r.item.maxPoints);
            ImGui::TableNextColumn();
            if (r.evidence) {
                ImGui::TextWrapped("%s %s", formatClock(r.evidence->seconds).c_str(),
                                   s.tr("event." + r.evidence->event));
                if (r.elapsedS && r.deadlineS)
                    ImGui::TextDisabled("%.0f s / %.0f s", *r.elapsedS, *r.deadlineS);
            } else if (r.item.rule.kind == sim::RuleKind::Threshold) {
                // The figure the item was judged on, against its limit.
                const auto& metric = r.item.rule.metric;
                const auto it = session.outcomes().find(metric);
                if (it != session.outcomes().end())
                    textWrapped(outcomeLabel(s, session, metric) + " " +
                                formatOutcome(s, session, metric, it->second) + " / ≤ " +
                                formatOutcome(s, session, metric, r.item.rule.max));
            } else if (r.item.rule.kind != sim::RuleKind::Manual &&
                       r.status != sim::ItemStatus::NotApplicable) {
                ImGui::TextDisabled("%s", s.tr("report.never"));
            }
            ImGui::TableNextColumn();
            if (r.status == sim::ItemStatus::Missed || r.status == sim::ItemStatus::Partial)
                textWrapped(isZh(s) ? r.item.adviceZh.c_str() : r.item.adviceEn.c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace

void drawDrillReport(const Strings& s, const DrillSession& session, const RecordsView& records,
                     UiRequests& out) {
    if (!beginScreenWindow("##report")) {
        endScreenWindow();
        return;
    }
    if (ImGui::Button(s.tr("screen.back"))) out.goTo = Screen::Home;
    ImGui::SameLine();
    const auto& sc = session.scenario();
    ImGui::TextUnformatted(s.tr("report.title"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", isZh(s) ? sc.titleZh.c_str() : sc.titleEn.c_str());
    const auto& rep = session.report();
    if (!rep) {
        endScreenWindow();
        return;
    }
    ImGui::Separator();
    ImGui::SetWindowFontScale(1.8f);
    ImGui::Text("%s %.1f   %s %s", s.tr("report.score"), rep->percent, s.tr("report.grade"),
                isZh(s) ? rep->grade.zh.c_str() : rep->grade.en.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (!rep->complete)
        ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "%s", s.tr("report.provisional"));

    const float chartH = ImGui::GetTextLineHeight() * 7;
    ImGui::BeginChild("##left", ImVec2(ImGui::GetContentRegionAvail().x * 0.66f, 0));
    drawItems(s, session, *rep);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##right", ImVec2(0, 0));
    textWrapped(s.tr("report.exposure_chart_classes"));
    drawExposureChart(s, session, chartH);
    drawHazardCharts(s, session, chartH * 0.8f);
    drawOutcomes(s, session);
    if (!session.validity().empty()) {
        ImGui::TextColored(ImVec4(1, 0.75f, 0.3f, 1), "%s", s.tr("report.validity"));
        for (const auto& n : session.validity()) {
            ImGui::Bullet();
            textWrapped(s.tr("validity." + n.value("issue", std::string())));
            // A note on what the model leaves out has no figure (both 0): say nothing of one.
            const double value = n.value("value", 0.0), limit = n.value("limit", 0.0);
            if (value != 0 || limit != 0)
                ImGui::TextDisabled("%s: %.3g / %.3g", s.tr("report.value_limit"), value, limit);
        }
    }
    drawRecordResultPanel(s, records, out);
    drawEventLog(s, session);
    ImGui::EndChild();
    endScreenWindow();
}

}  // namespace drillbase::ui
