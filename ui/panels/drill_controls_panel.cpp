#include "ui/panels/drill_controls_panel.h"

#include "ui/panels/drill_format.h"
#include "ui/panels/drill_legend_panel.h"
#include "ui/panels/drill_orders.h"
#include "ui/panels/order_params.h"

#include <imgui.h>

namespace drillbase::ui {

namespace {

// The last is "as fast as the machine can": DrillSession caps ticks per frame, not speed.
constexpr double kSpeeds[] = {1, 5, 10, 30, 60, 300, 1e6};
const char* const kSpeedLabels[] = {"1×", "5×", "10×", "30×", "60×", "300×", "max"};

// The catalog's orders split the way the trainee thinks of them: the commander's own (alarm,
// report, support), each unit's, the public's (areas on the map), and the instructor's.
struct OrderGroups {
    std::vector<const sim::CommandSpec*> command, unit, area, instructor;
};

OrderGroups groupOrders(const sim::CommandCatalog& catalog) {
    OrderGroups g;
    for (const auto& spec : catalog.all()) {
        if (spec.control) continue;  // the clock and the end of the drill
        if (spec.issuers == sim::kInstructor)
            g.instructor.push_back(&spec);
        else if (!(spec.issuers & sim::kTrainee))
            continue;
        else if (unitFromSelection(spec))
            g.unit.push_back(&spec);
        else if (spec.gesture == sim::Gesture::Button)
            g.command.push_back(&spec);
        else
            g.area.push_back(&spec);
    }
    return g;
}

// A runner control (pause, speed, end) when this drill's catalog has it and it checks.
void control(const DrillSession& session, sim::Command c, std::vector<sim::Command>& out) {
    if (session.catalog().find(c.type) && session.catalog().check(c).empty())
        out.push_back(std::move(c));
}

void drawClock(const Strings& s, const DrillSession& session, DrillUiState& ui,
               std::vector<sim::Command>& out) {
    const auto& st = session.drill().state();
    ImGui::Text("%s  %s", s.tr("drill.clock"), formatClock(st.timeS()).c_str());
    if (st.paused) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "%s", s.tr("drill.paused"));
    }
    if (ImGui::Button(s.tr(st.paused ? "command.resume" : "command.pause")))
        control(session, sim::makeCommand(st.paused ? "resume" : "pause"), out);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    if (ImGui::Combo(s.tr("drill.speed"), &ui.speedIndex, kSpeedLabels,
                     IM_ARRAYSIZE(kSpeedLabels))) {
        auto c = sim::makeCommand("set_speed");
        c.value = kSpeeds[ui.speedIndex];
        control(session, c, out);
    }
}

std::string unitLine(const Strings& s, const sim::DrillState& st, std::size_t index) {
    const auto& u = st.units[index];
    // A hazard's task is named by its kind ("close_valve"); the engine's by the task itself.
    std::string task = u.task == sim::UnitTask::Tasked
                           ? "task." + u.taskKind
                           : std::string("task.") + sim::unitTaskName(u.task);
    if (!s.primary().has(task)) task = "task.tasked";
    return unitLabel(s, st, static_cast<int>(index)) + "  " +
           s.tr(u.ppe ? "drill.ppe_on" : "drill.ppe_off") + "  " + s.tr(task);
}

void drawUnits(const Strings& s, const DrillSession& session,
               const std::vector<const sim::CommandSpec*>& orders, DrillUiState& ui,
               std::vector<sim::Command>& out) {
    const auto& st = session.drill().state();
    for (std::size_t i = 0; i < st.units.size(); ++i) {
        const std::string label = unitLine(s, st, i);
        if (ImGui::Selectable(label.c_str(), ui.selectedUnit == static_cast<int>(i)))
            ui.selectedUnit = static_cast<int>(i);
    }
    if (selectedUnitId(session, ui).empty()) {
        ImGui::TextDisabled("%s", s.tr("drill.select_unit"));
        return;
    }
    drawOrders(s, orders, session, ui, out);
}

void drawInjects(const Strings& s, const DrillSession& session,
                 const std::vector<const sim::CommandSpec*>& orders, DrillUiState& ui,
                 std::vector<sim::Command>& out) {
    // A sudden ±45° shift is the classic inject; one click each way besides the slider.
    if (session.catalog().find("wind_shift")) {
        for (int delta : {-45, 45}) {
            if (ImGui::Button(s.tr(delta < 0 ? "drill.inject.wind_ccw" : "drill.inject.wind_cw"))) {
                auto c = sim::makeCommand("wind_shift");
                c.value = session.drill().state().wind.fromDeg + delta;
                sendOrder(s, *session.catalog().find("wind_shift"), c, session, ui, out);
            }
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }
    drawOrders(s, orders, session, ui, out);
}

}  // namespace

void drawDrillControls(const Strings& s, const DrillSession& session, DrillUiState& ui,
                       std::vector<sim::Command>& out) {
    const auto groups = groupOrders(session.catalog());
    drawClock(s, session, ui, out);
    ImGui::Separator();
    drawOrders(s, groups.command, session, ui, out);
    if (!groups.unit.empty() &&
        ImGui::CollapsingHeader(s.tr("drill.units"), ImGuiTreeNodeFlags_DefaultOpen))
        drawUnits(s, session, groups.unit, ui, out);
    if (!groups.area.empty() &&
        ImGui::CollapsingHeader(s.tr("drill.public"), ImGuiTreeNodeFlags_DefaultOpen))
        drawOrders(s, groups.area, session, ui, out);
    if (!ui.armed.empty())
        if (const auto* spec = session.catalog().find(ui.armed))
            ImGui::TextColored(ImVec4(1, 0.85f, 0.4f, 1), "%s: %s", orderLabel(s, *spec).c_str(),
                               s.tr(gestureHintKey(spec->gesture)));
    if (!groups.instructor.empty() && ImGui::CollapsingHeader(s.tr("drill.instructor")))
        drawInjects(s, session, groups.instructor, ui, out);
    if (ImGui::CollapsingHeader(s.tr("drill.legend"), ImGuiTreeNodeFlags_DefaultOpen))
        drawDrillLegend(s, session);
    ImGui::Separator();
    ImGui::TextDisabled("%s", s.tr("drill.end_confirm"));
    if (ImGui::Button(s.tr("command.end_drill")))
        control(session, sim::makeCommand("end_drill"), out);
}

}  // namespace drillbase::ui
