#include "ui/panels/drill_legend_panel.h"

#include "ui/panels/hazard_layers.h"
#include "ui/panels/map_key.h"
#include "ui/panels/map_style.h"
#include "ui/panels/transfer_names.h"
#include "ui/panels/transfer_panel.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace drillbase::ui {

namespace {

// A square the height of a line, drawn by `paint` into its rectangle, then the text beside it.
template <typename Paint>
void swatchRow(const char* text, Paint paint) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(h, h));
    paint(ImGui::GetWindowDrawList(), p, ImVec2(p.x + h, p.y + h));
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
}

void drawLevels(const Strings& s, const sim::HazardLegend& legend) {
    if (legend.levels.empty()) return;
    ImGui::TextDisabled("%s (%s)", s.tr(legend.quantityKey), legend.unit.c_str());
    for (const auto& level : legend.levels) {
        swatchRow(s.tr(level.labelKey), [&](ImDrawList* dl, ImVec2 a, ImVec2 b) {
            dl->AddRectFilled(a, b, kGroundColour);
            dl->AddRectFilled(a, b, rgbaColour(level.rgba));
            dl->AddRect(a, b, opaqueColour(level.rgba));
        });
        if (!level.detail.empty()) {
            ImGui::Indent(ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.x);
            ImGui::TextDisabled("%s", level.detail.c_str());
            ImGui::Unindent(ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.x);
        }
    }
    // What the map shows below the first level (a flood's shallow water, a fire's burned
    // ground), as the map's key has it.
    if (legend.shownRgba && !legend.shownKey.empty())
        swatchRow(s.tr(legend.shownKey), [&](ImDrawList* dl, ImVec2 a, ImVec2 b) {
            dl->AddRectFilled(a, b, kGroundColour);
            dl->AddRectFilled(a, b, rgbaColour(legend.shownRgba));
            dl->AddRect(a, b, IM_COL32(170, 170, 170, 255));
        });
}

void drawMarkerKinds(const Strings& s, const DrillSession& session) {
    if (!session.hazard()) return;
    std::vector<std::string> seen;
    bool anyInactive = false;
    for (const auto& m : session.hazard()->markers()) {
        anyInactive = anyInactive || !m.active;
        if (std::find(seen.begin(), seen.end(), m.kindKey) != seen.end()) continue;
        seen.push_back(m.kindKey);
        // A marker with a ground circle (a safety zone) shows the circle, its centre inside.
        char text[192];
        std::snprintf(text, sizeof text, s.tr("drill.legend.ground_circle"), s.tr(m.kindKey));
        swatchRow(m.radiusM > 0 ? text : s.tr(m.kindKey), [&](ImDrawList* dl, ImVec2 a, ImVec2 b) {
            const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
            if (m.radiusM > 0) {
                dl->AddCircleFilled(c, (b.x - a.x) * 0.48f, rgbaColour(m.rgba | 0xff, 0.28f), 20);
                dl->AddCircle(c, (b.x - a.x) * 0.48f, opaqueColour(m.rgba), 20, 1.5f);
            }
            drawMarkerShape(dl, c, (b.x - a.x) * (m.radiusM > 0 ? 0.22f : 0.35f), m.shape,
                            rgbaColour(m.rgba));
        });
    }
    if (anyInactive) ImGui::TextDisabled("%s", s.tr("drill.legend.inactive"));
}

// The hazard's lines by kind (control lines, firebreaks), the isochrones and what the ground's
// colours are, when the map shows them.
void drawHazardLayers(const Strings& s, const DrillSession& session) {
    if (!session.hazard()) return;
    bool anyBreached = false;
    for (const auto& kind : lineKinds(session.hazard()->lines())) {
        anyBreached = anyBreached || kind.anyBreached;
        swatchRow(s.tr(kind.kindKey),
                  [&](ImDrawList* dl, ImVec2 a, ImVec2 b) { paintLineSwatch(dl, a, b, kind); });
    }
    if (anyBreached) textWrappedDisabled(s.tr("drill.legend.lines_breached"));
    if (!session.front().segments.empty())
        swatchRow(s.tr("drill.legend.front"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
            const float y = (a.y + b.y) / 2;
            dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), IM_COL32(0, 0, 0, 150), 4);
            dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), kFrontColour, 2.2f);
        });
    if (!session.isochrones().empty())
        swatchRow(s.tr("drill.legend.isochrones"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
            const float y = (a.y + b.y) / 2;
            dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), kIsochroneColour, 1.5f);
        });
    if (!session.isochrones().empty()) textWrappedDisabled(s.tr("drill.legend.isochrones_hint"));
    if (session.hasCover()) textWrappedDisabled(s.tr("drill.legend.ground_cover"));
}

void drawPeople(const Strings& s, const DrillSession& session) {
    using A = sim::PersonAction;
    const std::pair<A, const char*> rows[] = {{A::Unaware, "drill.people.unaware"},
                                              {A::Evacuating, "drill.people.evacuating"},
                                              {A::Sheltering, "drill.people.sheltering"},
                                              {A::Safe, "drill.people.safe"}};
    auto personRow = [&s](A action, const char* key) {
        swatchRow(s.tr(key), [&](ImDrawList* dl, ImVec2 a, ImVec2 b) {
            dl->AddCircleFilled(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), 3.5f,
                                personColour(action));
        });
    };
    for (const auto& [action, key] : rows) personRow(action, key);
    // Only the transfer work sends people back home from a shelter.
    if (hasTransferWork(session)) personRow(A::Returning, "drill.people.returning");
    const auto& legend = session.legend();
    const auto hot = static_cast<std::size_t>(std::max(legend.hotLevel, 1));
    if (hot > legend.levels.size()) return;
    char text[256];
    std::snprintf(text, sizeof text, s.tr("drill.people.reached"),
                  s.tr(legend.harmKey(static_cast<int>(hot))));
    swatchRow(text, [&](ImDrawList* dl, ImVec2 a, ImVec2 b) {
        const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
        dl->AddCircleFilled(c, 3.5f, personColour(A::Unaware));
        dl->AddCircle(c, 6, opaqueColour(legend.levels[hot - 1].rgba), 12, 2);
    });
}

void drawUnitKinds(const Strings& s, const DrillSession& session) {
    std::vector<std::string> kinds;
    for (const auto& u : session.drill().state().units)
        if (std::find(kinds.begin(), kinds.end(), u.kind) == kinds.end()) kinds.push_back(u.kind);
    for (const auto& kind : kinds) {
        const std::string key = "unit." + kind;
        swatchRow(s.primary().has(key) ? s.tr(key) : kind.c_str(), [&](ImDrawList* dl, ImVec2 a,
                                                                       ImVec2 b) {
            const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
            dl->AddRectFilled(ImVec2(c.x - 6, c.y - 6), ImVec2(c.x + 6, c.y + 6), unitColour(kind));
        });
    }
}

// The house glyph of each household status, and the vulnerable household's dot.
void drawHouseholdStatuses(const Strings& s, const DrillSession& session) {
    if (!hasTransferWork(session)) return;
    using H = sim::HouseholdStatus;
    ImGui::TextDisabled("%s", s.tr("transfer.legend.households"));
    auto row = [](const char* text, ImU32 fill, bool vulnerable) {
        swatchRow(text, [&](ImDrawList* dl, ImVec2 a, ImVec2 b) {
            const float h = b.y - a.y;
            drawHouse(dl, ImVec2((a.x + b.x) / 2, a.y + h * 0.55f), h * 0.3f, fill, vulnerable);
        });
    };
    for (const H status :
         {H::AtHome, H::Ordered, H::CadreOnWay, H::Handling, H::Moving, H::Sheltered, H::Returned})
        row(householdStatusLabel(s, status), householdColour(status), false);
    row(s.tr("transfer.vulnerable_household"), householdColour(H::AtHome), true);
}

}  // namespace

void drawDrillLegend(const Strings& s, const DrillSession& session) {
    drawLevels(s, session.legend());
    drawMarkerKinds(s, session);
    drawHazardLayers(s, session);
    drawPeople(s, session);
    drawHouseholdStatuses(s, session);
    drawUnitKinds(s, session);
}

}  // namespace drillbase::ui
