#include "ui/panels/drill_controls_panel.h"

#include "ui/panels/drill_format.h"

#include <imgui.h>

namespace drillbase::ui {

namespace {

// The last is "as fast as the machine can": DrillSession caps ticks per frame, not speed.
constexpr float kSpeeds[] = {1, 5, 10, 30, 60, 300, 1e6f};
const char* const kSpeedLabels[] = {"1×", "5×", "10×", "30×", "60×", "300×", "max"};
const char* const kSupportKinds[] = {"hazmat", "fire", "medical", "police"};
const char* const kStabilities[] = {"A", "B", "C", "D", "E", "F"};

sim::Command make(sim::CommandType t) {
    sim::Command c;
    c.type = t;
    return c;
}

// A button that arms a map-click order; shown pressed while armed.
void modeButton(const char* label, OrderMode mode, DrillUiState& ui) {
    const bool armed = ui.mode == mode;
    if (armed)
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label)) ui.mode = armed ? OrderMode::None : mode;
    if (armed) ImGui::PopStyleColor();
}

void drawClock(const Strings& s, const sim::DrillState& st, DrillUiState& ui,
               std::vector<sim::Command>& out) {
    ImGui::Text("%s  %s", s.tr("drill.clock"), formatClock(st.timeS()).c_str());
    if (st.paused) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "%s", s.tr("drill.paused"));
    }
    if (ImGui::Button(st.paused ? s.tr("drill.resume") : s.tr("drill.pause")))
        out.push_back(make(st.paused ? sim::CommandType::Resume : sim::CommandType::Pause));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    if (ImGui::Combo(s.tr("drill.speed"), &ui.speedIndex, kSpeedLabels,
                     IM_ARRAYSIZE(kSpeedLabels))) {
        auto c = make(sim::CommandType::SetSpeed);
        c.value = kSpeeds[ui.speedIndex];
        out.push_back(c);
    }
}

void drawTraineeOrders(const Strings& s, const sim::DrillState& st, DrillUiState& ui,
                       std::vector<sim::Command>& out) {
    ImGui::BeginDisabled(st.alarmRaised);
    if (ImGui::Button(s.tr("drill.alarm"))) out.push_back(make(sim::CommandType::RaiseAlarm));
    ImGui::EndDisabled();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::SliderInt(s.tr("drill.report_level"), &ui.reportLevel, 1, 4);
    for (const char* form : {"oral", "written"}) {
        if (ImGui::Button(s.tr(std::string("drill.report_") + form))) {
            auto c = make(sim::CommandType::ReportToAuthority);
            c.form = form;
            c.value = ui.reportLevel;
            out.push_back(c);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::Combo(
        "##support", &ui.supportKind,
        [](void*, int i, const char** text) {
            *text = kSupportKinds[i];
            return true;
        },
        nullptr, IM_ARRAYSIZE(kSupportKinds));
    ImGui::SameLine();
    if (ImGui::Button(s.tr("drill.request_support"))) {
        auto c = make(sim::CommandType::RequestSupport);
        c.target = kSupportKinds[ui.supportKind];
        out.push_back(c);
    }
}

void drawUnits(const Strings& s, const DrillSession& session, DrillUiState& ui,
               std::vector<sim::Command>& out) {
    const auto& st = session.drill().state();
    for (std::size_t i = 0; i < st.units.size(); ++i) {
        const auto& u = st.units[i];
        const std::string label = u.id + "  " +
                                  s.tr(std::string("unit.") + sim::unitKindName(u.kind)) + "  " +
                                  s.tr(u.ppe ? "drill.ppe_on" : "drill.ppe_off") + "  " +
                                  s.tr(std::string("task.") + sim::unitTaskName(u.task));
        if (ImGui::Selectable(label.c_str(), ui.selectedUnit == static_cast<int>(i)))
            ui.selectedUnit = static_cast<int>(i);
    }
    const bool haveUnit =
        ui.selectedUnit >= 0 && ui.selectedUnit < static_cast<int>(st.units.size());
    if (!haveUnit) {
        ImGui::TextDisabled("%s", s.tr("drill.select_unit"));
        return;
    }
    const auto& unitId = st.units[static_cast<std::size_t>(ui.selectedUnit)].id;
    modeButton(s.tr("drill.order.move"), OrderMode::Move, ui);
    ImGui::SameLine();
    if (ImGui::Button(s.tr("drill.order.don_ppe"))) {
        auto c = make(sim::CommandType::DonPpe);
        c.unit = unitId;
        out.push_back(c);
    }
    ImGui::SameLine();
    modeButton(s.tr("drill.order.water_curtain"), OrderMode::WaterCurtain, ui);
    modeButton(s.tr("drill.order.rescue"), OrderMode::Rescue, ui);
    const auto& valves = session.scenario().map.valves;
    if (!valves.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(s.tr("drill.order.close_valve"))) {
            auto c = make(sim::CommandType::CloseValve);
            c.unit = unitId;
            c.target = valves[static_cast<std::size_t>(ui.valve) % valves.size()].id;
            out.push_back(c);
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        ImGui::Combo(
            "##valve", &ui.valve,
            [](void* data, int i, const char** text) {
                *text = static_cast<const std::vector<sim::Valve>*>(data)
                            ->at(static_cast<std::size_t>(i))
                            .id.c_str();
                return true;
            },
            const_cast<std::vector<sim::Valve>*>(&valves), static_cast<int>(valves.size()));
    }
}

void drawPublicOrders(const Strings& s, const DrillSession& session, DrillUiState& ui) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::SliderFloat(s.tr("drill.radius"), &ui.radiusM, 50, 3000, "%.0f");
    const auto& aps = session.scenario().map.assemblyPoints;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::Combo(
        s.tr("drill.assembly_point"), &ui.assemblyPoint,
        [](void* data, int i, const char** text) {
            *text = static_cast<const std::vector<sim::Point>*>(data)
                        ->at(static_cast<std::size_t>(i))
                        .id.c_str();
            return true;
        },
        const_cast<std::vector<sim::Point>*>(&aps), static_cast<int>(aps.size()));
    modeButton(s.tr("drill.order.cordon"), OrderMode::Cordon, ui);
    ImGui::SameLine();
    modeButton(s.tr("drill.order.evacuate"), OrderMode::Evacuate, ui);
    ImGui::SameLine();
    modeButton(s.tr("drill.order.shelter"), OrderMode::Shelter, ui);
}

void drawInjects(const Strings& s, const sim::DrillState& st, DrillUiState& ui,
                 std::vector<sim::Command>& out) {
    for (int delta : {-45, 45}) {
        if (ImGui::Button(s.tr(delta < 0 ? "drill.inject.wind_ccw" : "drill.inject.wind_cw"))) {
            auto c = make(sim::CommandType::WindShift);
            c.value = st.wind.fromDeg + delta;
            out.push_back(c);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat(s.tr("drill.inject.wind_speed"), &ui.windSpeedMS, 0.5f, 15, "%.1f");
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        auto c = make(sim::CommandType::WindSpeed);
        c.value = ui.windSpeedMS;
        out.push_back(c);
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    if (ImGui::Combo(s.tr("drill.inject.stability"), &ui.stability, kStabilities,
                     IM_ARRAYSIZE(kStabilities))) {
        auto c = make(sim::CommandType::SetStability);
        c.target = kStabilities[ui.stability];
        out.push_back(c);
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat("kg/s", &ui.leakRateKgS, 0.05f, 10, "%.2f");
    modeButton(s.tr("drill.inject.secondary_leak"), OrderMode::SecondaryLeak, ui);
}

void drawLegend(const Strings& s) {
    const ImVec4 colours[3] = {ImVec4(0.94f, 0.86f, 0.24f, 1), ImVec4(0.96f, 0.55f, 0.16f, 1),
                               ImVec4(0.86f, 0.16f, 0.16f, 1)};
    for (int l = 0; l < 3; ++l)
        ImGui::TextColored(colours[l], "■ %s", s.tr("drill.legend.aegl" + std::to_string(l + 1)));
}

}  // namespace

void drawDrillControls(const Strings& s, const DrillSession& session, DrillUiState& ui,
                       std::vector<sim::Command>& out) {
    const auto& st = session.drill().state();
    drawClock(s, st, ui, out);
    ImGui::Separator();
    drawTraineeOrders(s, st, ui, out);
    if (ImGui::CollapsingHeader(s.tr("drill.units"), ImGuiTreeNodeFlags_DefaultOpen))
        drawUnits(s, session, ui, out);
    if (ImGui::CollapsingHeader(s.tr("drill.public"), ImGuiTreeNodeFlags_DefaultOpen))
        drawPublicOrders(s, session, ui);
    if (ui.mode != OrderMode::None)
        ImGui::TextColored(ImVec4(1, 0.85f, 0.4f, 1), "%s", s.tr("drill.click_hint"));
    if (ImGui::CollapsingHeader(s.tr("drill.instructor"))) drawInjects(s, st, ui, out);
    if (ImGui::CollapsingHeader(s.tr("drill.legend"), ImGuiTreeNodeFlags_DefaultOpen))
        drawLegend(s);
    ImGui::Separator();
    ImGui::TextDisabled("%s", s.tr("drill.end_confirm"));
    if (ImGui::Button(s.tr("drill.end"))) out.push_back(make(sim::CommandType::EndDrill));
}

}  // namespace drillbase::ui
