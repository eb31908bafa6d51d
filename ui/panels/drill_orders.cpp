#include "ui/panels/drill_orders.h"

#include "ui/panels/order_params.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

namespace drillbase::ui {

namespace {

using sim::ChoiceSource;
using sim::Gesture;
using sim::ParamSpec;
using sim::Slot;

// A name for the next order of `spec` with a free-text id (an injected release): unique within
// the drill, readable in the log ("secondary-leak-2").
std::string autoName(const sim::CommandSpec& spec, const DrillUiState& ui) {
    std::string base = spec.id;
    for (char& ch : base)
        if (ch == '_') ch = '-';
    const auto it = ui.issued.find(spec.id);
    return base + "-" + std::to_string((it == ui.issued.end() ? 0 : it->second) + 1);
}

// Why the catalog refused `c`, in the trainee's language: the parameter's name and what it
// must be. The catalog's own (English) words stay available as a tooltip.
std::string describeProblem(const Strings& s, const sim::CommandSpec& spec, sim::Command c,
                            const std::string& why) {
    const ParamSpec* bad = nullptr;
    for (const auto& p : spec.params)
        if (why.rfind(std::string(sim::slotKey(p.slot)) + ":", 0) == 0) bad = &p;
    if (!bad) return why;
    const std::string name = s.tr(bad->labelKey);
    char buf[256];
    if (!isNumberSlot(bad->slot)) {
        const bool empty = stringSlot(c, bad->slot).empty();
        std::snprintf(buf, sizeof buf,
                      s.tr(empty ? "drill.problem.missing" : "drill.problem.invalid"),
                      name.c_str());
    } else if (bad->min != bad->max) {
        std::snprintf(buf, sizeof buf, s.tr("drill.problem.range"), name.c_str(),
                      formatNumber(bad->min, *bad).c_str(), formatNumber(bad->max, *bad).c_str());
    } else {
        std::snprintf(buf, sizeof buf, s.tr("drill.problem.invalid"), name.c_str());
    }
    return buf;
}

// A button that arms a map gesture; shown pressed while armed.
bool armButton(const char* label, bool armed) {
    if (armed)
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label);
    if (armed) ImGui::PopStyleColor();
    return pressed;
}

}  // namespace

bool unitFromSelection(const sim::CommandSpec& spec) {
    return spec.uses(Slot::Unit) && (spec.issuers & sim::kTrainee);
}

std::string selectedUnitId(const DrillSession& session, const DrillUiState& ui) {
    const auto& units = session.drill().state().units;
    if (ui.selectedUnit < 0 || ui.selectedUnit >= static_cast<int>(units.size())) return "";
    return units[static_cast<std::size_t>(ui.selectedUnit)].id;
}

std::string orderLabel(const Strings& s, const sim::CommandSpec& spec) {
    return s.tr(spec.labelKey);
}

sim::Command& draftFor(const sim::CommandSpec& spec, const DrillSession& session,
                       DrillUiState& ui) {
    auto it = ui.drafts.find(spec.id);
    if (it != ui.drafts.end()) return it->second;
    sim::Command c = sim::makeCommand(spec.id);
    for (const auto& p : spec.params) {
        if (isNumberSlot(p.slot)) {
            numberSlot(c, p.slot) = defaultNumber(spec, p, session);
        } else if (p.source == ChoiceSource::Free) {
            stringSlot(c, p.slot) = autoName(spec, ui);
        } else {
            const auto opts = paramOptions(Strings{}, p, session);
            if (!opts.empty()) stringSlot(c, p.slot) = opts.front().id;
        }
    }
    return ui.drafts.emplace(spec.id, std::move(c)).first->second;
}

bool sendOrder(const Strings& s, const sim::CommandSpec& spec, sim::Command c,
               const DrillSession& session, DrillUiState& ui, std::vector<sim::Command>& out) {
    if (unitFromSelection(spec)) c.unit = selectedUnitId(session, ui);
    ui.armed.clear();
    if (const auto why = session.catalog().check(c); !why.empty()) {
        ui.problemCommand = spec.id;
        ui.problem = describeProblem(s, spec, c, why);
        ui.problemDetail = why;
        return false;
    }
    ui.problemCommand.clear();
    ui.problem.clear();
    ui.problemDetail.clear();
    out.push_back(c);
    // The next order of this kind gets the next free-text id, unless the trainee typed one.
    const std::string used = autoName(spec, ui);
    ++ui.issued[spec.id];
    auto& draft = draftFor(spec, session, ui);
    for (const auto& p : spec.params)
        if (p.source == ChoiceSource::Free && !isNumberSlot(p.slot) &&
            stringSlot(draft, p.slot) == used)
            stringSlot(draft, p.slot) = autoName(spec, ui);
    return true;
}

bool orderAvailable(const Strings& s, const sim::CommandSpec& spec, const DrillSession& session) {
    for (const auto& p : spec.params)
        if (!isNumberSlot(p.slot) && p.source != ChoiceSource::Free &&
            paramOptions(s, p, session).empty())
            return false;
    return true;
}

bool hasParamWidgets(const sim::CommandSpec& spec) {
    for (const auto& p : spec.params)
        if (gatheredByWidget(spec, p)) return true;
    return false;
}

void drawOrders(const Strings& s, const std::vector<const sim::CommandSpec*>& specs,
                const DrillSession& session, DrillUiState& ui, std::vector<sim::Command>& out) {
    const auto& st = session.drill().state();
    bool previousPlain = false;
    for (const auto* spec : specs) {
        if (!orderAvailable(s, *spec, session)) continue;
        const bool plain = !hasParamWidgets(*spec);
        if (plain && previousPlain) {
            const float w = ImGui::CalcTextSize(orderLabel(s, *spec).c_str()).x +
                            ImGui::GetStyle().FramePadding.x * 2;
            sameLineIfFits(w);
        }
        // The alarm sounds once: a second one would change nothing.
        const bool enabled = !(spec->id == "raise_alarm" && st.alarmRaised);
        drawOrder(s, *spec, session, ui, out, enabled);
        previousPlain = plain && !(ui.problemCommand == spec->id && !ui.problem.empty());
    }
}

void drawOrder(const Strings& s, const sim::CommandSpec& spec, const DrillSession& session,
               DrillUiState& ui, std::vector<sim::Command>& out, bool enabled) {
    ImGui::PushID(spec.id.c_str());
    auto& draft = draftFor(spec, session, ui);
    // An order whose choices are empty (no valves on this map) cannot be given.
    ImGui::BeginDisabled(!orderAvailable(s, spec, session) || !enabled);
    const std::string label = orderLabel(s, spec);
    if (spec.gesture == Gesture::Button) {
        if (ImGui::Button(label.c_str())) sendOrder(s, spec, draft, session, ui, out);
    } else {
        const bool armed = ui.armed == spec.id;
        if (armButton(label.c_str(), armed)) ui.armed = armed ? "" : spec.id;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.tr(gestureHintKey(spec.gesture)));
    }
    ImGui::EndDisabled();
    for (const auto& p : spec.params)
        if (gatheredByWidget(spec, p)) drawParamWidget(s, p, session, draft);
    if (ui.problemCommand == spec.id && !ui.problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.45f, 0.4f, 1));
        textWrapped(ui.problem);
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered() && ui.problemDetail != ui.problem)
            ImGui::SetTooltip("%s", ui.problemDetail.c_str());
    }
    ImGui::PopID();
}

}  // namespace drillbase::ui
