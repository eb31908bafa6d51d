#include "ui/panels/order_params.h"

#include "ui/panels/drill_format.h"
#include "ui/panels/map_names.h"
#include "ui/panels/transfer_names.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace drillbase::ui {

namespace {

using sim::ChoiceSource;
using sim::Gesture;
using sim::ParamSpec;
using sim::Slot;

// The initial radius of an area order: of the order of the initial isolation distances of the
// Emergency Response Guidebook for a toxic-gas spill (60 m small, several hundred m large).
constexpr double kDefaultRadiusM = 300;

struct SliderRange {
    double lo = 0, hi = 0;
    bool bounded = false;
    bool log = false;
};

// The slider's span: the declared range, narrowed to the map for distances, with an exclusive
// lower bound moved just inside it.
SliderRange sliderRange(const ParamSpec& p, const DrillSession& session) {
    const auto& map = session.scenario().map;
    SliderRange r;
    if (p.min == p.max) {
        if (p.slot == Slot::X) r = {0, map.widthM, true, false};
        if (p.slot == Slot::Y) r = {0, map.heightM, true, false};
        return r;
    }
    r.lo = p.min;
    r.hi = p.max;
    r.bounded = true;
    if (p.slot == Slot::Radius) {
        r.lo = std::max(r.lo, map.cellM);
        r.hi = std::min(r.hi, std::hypot(map.widthM, map.heightM));
    }
    if (p.exclusiveMin && r.lo <= p.min) r.lo = p.min + (r.hi - p.min) * 1e-4;
    r.log = !p.integer && r.lo > 0 && r.hi / r.lo >= 100;
    return r;
}

const char* numberFormat(const ParamSpec& p, const SliderRange& r) {
    if (p.integer) return "%.0f";
    if (r.log) return "%.3g";
    return r.hi - r.lo >= 100 ? "%.0f" : "%.1f";
}

std::string choiceLabel(const Strings& s, const sim::Choice& c) {
    if (!c.labelKey.empty()) return s.tr(c.labelKey);
    const std::string& name = s.locale() == "zh-CN" ? c.nameZh : c.nameEn;
    return name.empty() ? c.id : name;
}

// A fixed choice ("oral", "hazmat") is a word with a translation; a class letter is not.
std::string fixedLabel(const Strings& s, const std::string& choice) {
    const std::string key = "value." + choice;
    return s.primary().has(key) ? s.tr(key) : choice;
}

// "name（detail）" / "name (detail)".
std::string withDetail(const Strings& s, const std::string& name, const std::string& detail) {
    char buf[256];
    std::snprintf(buf, sizeof buf, s.tr("transfer.name_detail"), name.c_str(), detail.c_str());
    return buf;
}

float widgetWidth() {
    return ImGui::GetFontSize() * 7;
}

}  // namespace

bool gatheredByWidget(const sim::CommandSpec& spec, const ParamSpec& p) {
    if (p.slot == Slot::Unit && spec.uses(Slot::Unit) && (spec.issuers & sim::kTrainee))
        return false;
    const bool mapPoint = spec.gesture == Gesture::Point || spec.gesture == Gesture::Area;
    if (mapPoint && (p.slot == Slot::X || p.slot == Slot::Y)) return false;
    const bool mapPick = spec.gesture == Gesture::Person || spec.gesture == Gesture::Household;
    if (mapPick && p.slot == Slot::Target) return false;
    return true;
}

std::vector<ParamOption> paramOptions(const Strings& s, const ParamSpec& p,
                                      const DrillSession& session) {
    std::vector<ParamOption> out;
    const auto& st = session.drill().state();
    switch (p.source) {
        case ChoiceSource::Free: break;
        case ChoiceSource::Fixed:
            for (const auto& c : p.choices) out.push_back({c, fixedLabel(s, c)});
            break;
        case ChoiceSource::Units:
            for (std::size_t i = 0; i < st.units.size(); ++i)
                out.push_back({st.units[i].id, unitLabel(s, st, static_cast<int>(i))});
            break;
        case ChoiceSource::People:
            for (const auto& person : st.people) out.push_back({person.id, person.id});
            break;
        case ChoiceSource::AssemblyPoints:
            for (const auto& ap : session.scenario().map.assemblyPoints)
                out.push_back({ap.id, assemblyPointName(s, session.scenario().map,
                                                        session.scenario().transfer, ap.id)});
            break;
        case ChoiceSource::Households:
            // By the head's name and where the household stands ("王建国（已下令）").
            for (const auto& h : st.transfer.households)
                if (const auto* def = findHousehold(session.scenario().transfer, h.id))
                    out.push_back({h.id, withDetail(s, householdName(s, *def),
                                                    householdStatusLabel(s, h.status))});
            break;
        case ChoiceSource::Zones:
            for (const auto& z : session.scenario().transfer.zones)
                out.push_back({z.id, zoneName(s, z)});
            break;
        case ChoiceSource::Shelters:
            for (const auto& sh : st.transfer.shelters)
                if (const auto* def = findShelter(session.scenario().transfer, sh.id)) {
                    char count[32];
                    std::snprintf(count, sizeof count, "%d/%d", sh.count, sh.capacity);
                    out.push_back({sh.id, withDetail(s, shelterName(s, *def), count)});
                }
            break;
        case ChoiceSource::Hazard:
            if (session.hazard())
                for (const auto& c : session.hazard()->choices(p.choiceList))
                    out.push_back({c.id, choiceLabel(s, c)});
            break;
    }
    return out;
}

double defaultNumber(const sim::CommandSpec& spec, const ParamSpec& p,
                     const DrillSession& session) {
    // A weather inject starts from the weather as it is, so a small change is a small move.
    const auto& wind = session.drill().state().wind;
    if (spec.id == "wind_shift") return wind.fromDeg;
    if (spec.id == "wind_speed") return wind.speedMS;
    const auto r = sliderRange(p, session);
    if (!r.bounded) return 0;
    if (p.slot == Slot::Radius) return std::clamp(kDefaultRadiusM, r.lo, r.hi);
    if (p.integer) return std::round((r.lo + r.hi) / 2);
    if (r.log) return std::sqrt(r.lo * r.hi);
    return (r.lo + r.hi) / 2;
}

std::string formatNumber(double v, const ParamSpec& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, p.integer ? "%.0f" : "%.4g", v);
    return p.unit.empty() ? buf : std::string(buf) + " " + p.unit;
}

std::string paramLabel(const Strings& s, const ParamSpec& p) {
    if (p.unit.empty()) return s.tr(p.labelKey);
    char buf[160];
    std::snprintf(buf, sizeof buf, s.tr("drill.with_unit"), s.tr(p.labelKey), p.unit.c_str());
    return buf;
}

const char* gestureHintKey(Gesture g) {
    switch (g) {
        case Gesture::Person: return "drill.click_person_hint";
        case Gesture::Household: return "drill.click_household_hint";
        case Gesture::Area: return "drill.click_area_hint";
        case Gesture::Point:
        case Gesture::Button: break;
    }
    return "drill.click_point_hint";
}

void sameLineIfFits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    if (x + width <= right) ImGui::SameLine();
}

void drawParamWidget(const Strings& s, const ParamSpec& p, const DrillSession& session,
                     sim::Command& draft) {
    const std::string text = paramLabel(s, p);
    const std::string label = text + "##" + sim::slotKey(p.slot);
    const auto opts =
        isNumberSlot(p.slot) ? std::vector<ParamOption>{} : paramOptions(s, p, session);
    // A list is as wide as its longest entry (ids like "cylinder-valve-1"), within the panel.
    float width = widgetWidth();
    for (const auto& o : opts)
        width = std::max(width, ImGui::CalcTextSize(o.label.c_str()).x +
                                    ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight());
    const float labelW = ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text.c_str()).x;
    width = std::min(width, std::max(widgetWidth(), ImGui::GetContentRegionAvail().x - labelW));
    sameLineIfFits(width + labelW);
    ImGui::SetNextItemWidth(width);
    if (isNumberSlot(p.slot)) {
        double& v = numberSlot(draft, p.slot);
        const auto r = sliderRange(p, session);
        if (!r.bounded) {
            ImGui::InputDouble(label.c_str(), &v, 0, 0, "%.2f");
        } else if (p.integer) {
            int i = static_cast<int>(std::lround(v));
            ImGui::SliderInt(label.c_str(), &i, static_cast<int>(std::ceil(r.lo)),
                             static_cast<int>(std::floor(r.hi)));
            v = i;
        } else {
            ImGui::SliderScalar(label.c_str(), ImGuiDataType_Double, &v, &r.lo, &r.hi,
                                numberFormat(p, r),
                                r.log ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None);
        }
        return;
    }
    std::string& v = stringSlot(draft, p.slot);
    if (p.source == ChoiceSource::Free) {
        ImGui::InputText(label.c_str(), &v);
        return;
    }
    std::string preview = v;
    for (const auto& o : opts)
        if (o.id == v) preview = o.label;
    if (ImGui::BeginCombo(label.c_str(), preview.c_str())) {
        for (std::size_t i = 0; i < opts.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(opts[i].label.c_str(), opts[i].id == v)) v = opts[i].id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

}  // namespace drillbase::ui
