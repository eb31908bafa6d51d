#include "ui/panels/transfer_map.h"

#include "ui/panels/map_style.h"
#include "ui/panels/transfer_names.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace drillbase::ui {

namespace {

constexpr float kHouseR = 6.0f;  // about a unit's size (12 px)

void householdTooltip(const Strings& s, const sim::HouseholdDef& def,
                      const sim::HouseholdState& h) {
    ImGui::BeginTooltip();
    ImGui::Text("%s  %s", householdName(s, def).c_str(), householdStatusLabel(s, h.status));
    ImGui::TextUnformatted(membersSummary(s, def).c_str());
    if (h.vulnerable) ImGui::TextUnformatted(s.tr("transfer.vulnerable_household"));
    if (h.missing > 0) {
        char buf[96];
        std::snprintf(buf, sizeof buf, s.tr("transfer.missing_count"), h.missing);
        ImGui::TextUnformatted(buf);
    }
    ImGui::EndTooltip();
}

}  // namespace

int nearestHousehold(const sim::TransferState& t, double x, double y) {
    int best = -1;
    double bestD = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i < t.households.size(); ++i) {
        const double d = std::hypot(t.households[i].x - x, t.households[i].y - y);
        if (d < bestD) {
            bestD = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

bool isShelter(const sim::TransferDef& reg, const std::string& id) {
    return findShelter(reg, id) != nullptr;
}

void drawShelters(const Strings& s, ImDrawList* dl, const MapView& v, const sim::Scenario& sc,
                  const sim::TransferState& t, LabelPlacer& labels) {
    for (const auto& sh : t.shelters) {
        const auto* def = findShelter(sc.transfer, sh.id);
        const bool over = sh.count > sh.capacity;
        const ImVec2 p = v.toScreen(sh.x, sh.y);
        dl->AddCircleFilled(p, 10, IM_COL32(20, 20, 20, 200));
        dl->AddCircleFilled(p, 9, IM_COL32(40, 170, 70, 255));
        if (over) dl->AddCircle(p, 12, IM_COL32(255, 60, 50, 255), 20, 2.5f);
        char buf[192];
        std::snprintf(buf, sizeof buf, "%s %d/%d", def ? shelterName(s, *def).c_str() : "",
                      sh.count, sh.capacity);
        labels.place(dl, ImVec2(p.x + 12, p.y - 8),
                     over ? IM_COL32(255, 110, 100, 255) : IM_COL32(200, 255, 200, 255), buf);
    }
}

void reserveHouses(const MapView& v, const sim::TransferState& t, LabelPlacer& labels) {
    for (const auto& h : t.households) {
        const ImVec2 p = v.toScreen(h.x, h.y);
        labels.reserve(ImVec2(p.x - kHouseR * 1.3f, p.y - kHouseR * 1.6f),
                       ImVec2(p.x + kHouseR * 1.6f, p.y + kHouseR));
    }
}

void drawHouseholds(const Strings& s, ImDrawList* dl, const MapView& v, const sim::Scenario& sc,
                    const sim::DrillState& st, ImVec2 mouse, bool mapHovered) {
    const auto& hs = st.transfer.households;
    // The cadre's errand first, so the house is drawn over the line's end.
    for (const auto& h : hs) {
        const bool calling = h.status == sim::HouseholdStatus::CadreOnWay ||
                             h.status == sim::HouseholdStatus::Handling;
        if (!calling || h.cadre < 0 || h.cadre >= static_cast<int>(st.units.size())) continue;
        const auto& u = st.units[static_cast<std::size_t>(h.cadre)];
        dl->AddLine(v.toScreen(u.x, u.y), v.toScreen(h.x, h.y),
                    (unitColour(u.kind) & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 160), 1.5f);
    }
    const sim::HouseholdState* hovered = nullptr;
    for (const auto& h : hs) {
        const ImVec2 p = v.toScreen(h.x, h.y);
        drawHouse(dl, p, kHouseR, householdColour(h.status), h.vulnerable);
        if (std::hypot(mouse.x - p.x, mouse.y - p.y) <= kHouseR + 3) hovered = &h;
    }
    if (!hovered || !mapHovered) return;
    if (const auto* def = findHousehold(sc.transfer, hovered->id))
        householdTooltip(s, *def, *hovered);
}

}  // namespace drillbase::ui
