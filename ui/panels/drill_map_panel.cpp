#include "ui/panels/drill_map_panel.h"

#include "ui/panels/drill_format.h"
#include "ui/panels/drill_orders.h"
#include "ui/panels/hazard_layers.h"
#include "ui/panels/map_key.h"
#include "ui/panels/map_names.h"
#include "ui/panels/map_probe.h"
#include "ui/panels/map_style.h"
#include "ui/panels/map_view.h"
#include "ui/panels/transfer_map.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

namespace drillbase::ui {

namespace {

// Markers the hazard has stopped (a closed valve, a release cut off) stay visible, greyed.
ImU32 markerColour(const sim::MapMarker& m) {
    if (m.active) return rgbaColour(m.rgba);
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(opaqueColour(m.rgba));
    const float grey = (c.x + c.y + c.z) / 3;
    return ImGui::ColorConvertFloat4ToU32(ImVec4(
        0.35f * c.x + 0.65f * grey, 0.35f * c.y + 0.65f * grey, 0.35f * c.z + 0.65f * grey, 0.8f));
}

// Each cell takes the colour of the highest legend level its value reaches; below the first
// level, the legend's "shown" colour from its threshold (a flood's shallow water).
void drawOverlay(ImDrawList* dl, const MapView& v, const sim::FieldGrid& g,
                 const sim::HazardLegend& legend) {
    std::vector<ImU32> colours;
    for (const auto& l : legend.levels) colours.push_back(rgbaColour(l.rgba));
    const ImU32 shown = legend.shownRgba ? rgbaColour(legend.shownRgba) : 0;
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            const double c = g.at(i, j);
            int level = 0;
            for (std::size_t l = 0; l < legend.levels.size(); ++l)
                if (legend.levels[l].threshold > 0 && c >= legend.levels[l].threshold)
                    level = static_cast<int>(l) + 1;
            const bool faint = !level && shown && c >= legend.shownFrom && c > 0;
            if (!level && !faint) continue;
            const double x0 = g.originX + i * g.cellM, y0 = g.originY + j * g.cellM;
            dl->AddRectFilled(v.toScreen(x0, y0 + g.cellM), v.toScreen(x0 + g.cellM, y0),
                              level ? colours[static_cast<std::size_t>(level - 1)] : shown);
        }
}

// Arrows of the hazard's motion (a flood's current) on a lattice about 36 px apart: length
// grows with speed up to 3 m/s, so fast water between houses stands out.
void drawFlow(ImDrawList* dl, const MapView& v, const sim::Hazard* hazard, double widthM,
              double heightM) {
    if (!hazard) return;
    const double stepM = 36.0 / std::max(v.scale, 1e-6f);
    for (double y = stepM / 2; y < heightM; y += stepM)
        for (double x = stepM / 2; x < widthM; x += stepM) {
            double u = 0, w = 0;
            if (!hazard->flowAt(x, y, u, w)) continue;
            const double sp = std::sqrt(u * u + w * w);
            if (sp < 0.05) continue;
            const float len = static_cast<float>(6 + 22 * std::min(sp, 3.0) / 3.0);
            const ImVec2 d(static_cast<float>(u / sp), static_cast<float>(-w / sp));  // y down
            const ImVec2 c = v.toScreen(x, y);
            const ImVec2 tail(c.x - d.x * len / 2, c.y - d.y * len / 2),
                tip(c.x + d.x * len / 2, c.y + d.y * len / 2);
            const ImU32 col = IM_COL32(235, 245, 255, 210);
            dl->AddLine(tail, tip, col, 1.5f);
            const ImVec2 n(-d.y, d.x);
            dl->AddTriangleFilled(
                tip, ImVec2(tip.x - d.x * 6 + n.x * 3.5f, tip.y - d.y * 6 + n.y * 3.5f),
                ImVec2(tip.x - d.x * 6 - n.x * 3.5f, tip.y - d.y * 6 - n.y * 3.5f), col);
        }
}

void drawWindArrow(ImDrawList* dl, ImVec2 centre, const sim::Wind& w, const sim::Hazard* hazard,
                   const Strings& s) {
    // The arrow points where the wind blows TO: from 270° (west) it points east.
    const double toRad = (w.fromDeg + 180.0) * 3.14159265358979323846 / 180.0;
    const ImVec2 d(static_cast<float>(std::sin(toRad)), static_cast<float>(-std::cos(toRad)));
    const float r = 28;
    dl->AddCircleFilled(centre, r + 6, IM_COL32(0, 0, 0, 140));
    const ImVec2 tip(centre.x + d.x * r, centre.y + d.y * r),
        tail(centre.x - d.x * r, centre.y - d.y * r);
    dl->AddLine(tail, tip, IM_COL32(255, 255, 255, 255), 3);
    const ImVec2 n(-d.y, d.x);
    dl->AddTriangleFilled(tip, ImVec2(tip.x - d.x * 10 + n.x * 7, tip.y - d.y * 10 + n.y * 7),
                          ImVec2(tip.x - d.x * 10 - n.x * 7, tip.y - d.y * 10 - n.y * 7),
                          IM_COL32(255, 255, 255, 255));
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s %.1f m/s", s.tr("drill.wind"), w.speedMS);
    // The wind, then each of the hazard's conditions on a line of its own, right-aligned under
    // the arrow: one long line would run under the map's key in the opposite corner.
    std::vector<std::string> rows{buf};
    if (hazard)
        for (const auto& [label, value] : hazard->conditions())
            rows.push_back(std::string(s.tr(label)) + " " + value);
    const float line = ImGui::GetTextLineHeight(), right = centre.x + r + 6;
    float widest = 0;
    for (const auto& row : rows) widest = std::max(widest, ImGui::CalcTextSize(row.c_str()).x);
    const float top = centre.y + r + 8;
    // A dark backing keeps the words readable over bright ground (bare rock, a dry meadow).
    dl->AddRectFilled(ImVec2(right - widest - 4, top - 1),
                      ImVec2(right + 3, top + line * static_cast<float>(rows.size()) + 1),
                      IM_COL32(0, 0, 0, 110), 3);
    for (std::size_t k = 0; k < rows.size(); ++k)
        dl->AddText(ImVec2(right - ImGui::CalcTextSize(rows[k].c_str()).x,
                           top + line * static_cast<float>(k)),
                    IM_COL32(255, 255, 255, 255), rows[k].c_str());
}

template <typename Items>
int nearest(const Items& items, double x, double y) {
    int best = -1;
    double bestD = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const double d = std::hypot(items[i].x - x, items[i].y - y);
        if (d < bestD) {
            bestD = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

// A click completes the armed order by its gesture; with none armed it selects the nearest unit.
void handleClick(const Strings& s, const DrillSession& session, DrillUiState& ui, double x,
                 double y, std::vector<sim::Command>& out) {
    const auto& st = session.drill().state();
    const sim::CommandSpec* spec = ui.armed.empty() ? nullptr : session.catalog().find(ui.armed);
    if (!spec) {
        ui.armed.clear();
        if (const int i = nearest(st.units, x, y); i >= 0) ui.selectedUnit = i;
        return;
    }
    sim::Command c = draftFor(*spec, session, ui);
    switch (spec->gesture) {
        case sim::Gesture::Point:
        case sim::Gesture::Area:
            c.x = x;
            c.y = y;
            break;
        case sim::Gesture::Person:
            if (const int i = nearest(st.people, x, y); i >= 0)
                c.target = st.people[static_cast<std::size_t>(i)].id;
            break;
        case sim::Gesture::Household:
            if (const int i = nearestHousehold(st.transfer, x, y); i >= 0)
                c.target = st.transfer.households[static_cast<std::size_t>(i)].id;
            break;
        case sim::Gesture::Button: break;
    }
    sendOrder(s, *spec, c, session, ui, out);
}

// Returns whether a marker's tooltip is up (the point's own tooltip then waits).
bool drawMarkers(const Strings& s, ImDrawList* dl, const MapView& v, const sim::Hazard* hazard,
                 const sim::DrillState& st, ImVec2 mouse) {
    if (!hazard) return false;
    const auto markers = hazard->markers();
    const sim::MapMarker* hovered = nullptr;
    // Crosses (a release) last and larger: a valve usually sits on the release it stops.
    for (const bool crosses : {false, true})
        for (const auto& m : markers) {
            if ((m.shape == sim::MarkerShape::Cross) != crosses) continue;
            const ImVec2 p = v.toScreen(m.x, m.y);
            // About a unit's size (12 px): the points of a valve's diamond show between the arms
            // of the release's cross, the unit standing there at its corners.
            const float r = m.shape == sim::MarkerShape::Circle ? 9.0f : 7.0f;
            // A dark halo keeps a marker readable over the overlay and over a unit.
            drawMarkerShape(dl, p, r + 1.0f, m.shape, IM_COL32(0, 0, 0, 150), 2);
            drawMarkerShape(dl, p, r, m.shape, markerColour(m));
            if (std::hypot(mouse.x - p.x, mouse.y - p.y) <= r + 3) hovered = &m;
        }
    if (!hovered || !ImGui::IsItemHovered()) return false;
    ImGui::SetTooltip("%s%s", markerName(s, *hazard, &st, *hovered).c_str(),
                      hovered->active ? "" : s.tr("drill.marker_inactive"));
    return true;
}

// What the hazard is under the mouse, when nothing else has a tooltip there.
void drawPointTooltip(const Strings& s, const DrillSession& session, const MapView& v) {
    double x = 0, y = 0;
    v.toWorld(ImGui::GetIO().MousePos, x, y);
    const auto lines = pointSummary(s, session, x, y);
    if (lines.empty()) return;
    ImGui::BeginTooltip();
    for (const auto& l : lines) ImGui::TextUnformatted(l.c_str());
    ImGui::EndTooltip();
}

void drawPeople(ImDrawList* dl, const MapView& v, const sim::DrillState& st,
                const sim::HazardLegend& legend) {
    const int hot = std::max(legend.hotLevel, 1);
    for (const auto& p : st.people) {
        const ImVec2 q = v.toScreen(p.x, p.y);
        dl->AddCircleFilled(q, 3.5f, personColour(p.action));
        const int worst = std::min(p.harm.worstLevel, static_cast<int>(legend.levels.size()));
        if (worst >= hot)
            dl->AddCircle(
                q, 6, opaqueColour(legend.levels[static_cast<std::size_t>(worst - 1)].rgba), 12, 2);
    }
}

// An armed area order (a cordon, a safety zone) shows its circle under the mouse, so the
// trainee sees what the click will cover before giving it.
void drawAreaPreview(ImDrawList* dl, const MapView& v, const DrillSession& session,
                     DrillUiState& ui, bool hovered) {
    if (!hovered || ui.armed.empty()) return;
    const sim::CommandSpec* spec = session.catalog().find(ui.armed);
    if (!spec || spec->gesture != sim::Gesture::Area || !spec->uses(sim::Slot::Radius)) return;
    const double r = draftFor(*spec, session, ui).radius;
    if (!(r > 0)) return;
    const ImVec2 m = ImGui::GetIO().MousePos;
    dl->AddCircle(m, static_cast<float>(r) * v.scale, IM_COL32(255, 255, 255, 200), 48, 1.5f);
    dl->AddCircleFilled(m, 2.5f, IM_COL32(255, 255, 255, 220));
}

}  // namespace

void drawDrillMap(const Strings& s, const DrillSession& session, DrillUiState& ui,
                  std::vector<sim::Command>& out) {
    const auto& sc = session.scenario();
    const auto& st = session.drill().state();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    MapView v;
    v.heightM = sc.map.heightM;
    v.scale = std::min(avail.x / static_cast<float>(sc.map.widthM),
                       avail.y / static_cast<float>(sc.map.heightM));
    v.origin = pos;
    ui.map = v;
    const ImVec2 size(static_cast<float>(sc.map.widthM) * v.scale,
                      static_cast<float>(sc.map.heightM) * v.scale);
    ImGui::InvisibleButton("##map", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), kGroundColour);
    drawGround(dl, v, session.overlay(), session.ground(), session.groundVersion());
    // A 100 m grid (1 km on maps wider than 5 km) gives the trainee a sense of distance.
    const double gridM = std::max(sc.map.widthM, sc.map.heightM) > 5000 ? 1000 : 100;
    for (double gx = 0; gx <= sc.map.widthM; gx += gridM)
        dl->AddLine(v.toScreen(gx, 0), v.toScreen(gx, sc.map.heightM), IM_COL32(255, 255, 255, 18));
    for (double gy = 0; gy <= sc.map.heightM; gy += gridM)
        dl->AddLine(v.toScreen(0, gy), v.toScreen(sc.map.widthM, gy), IM_COL32(255, 255, 255, 18));
    drawOverlay(dl, v, session.overlay(), session.legend());
    drawIsochroneLines(dl, v, session.isochrones());
    drawFrontLine(dl, v, session.front());
    drawFlow(dl, v, session.hazard(), sc.map.widthM, sc.map.heightM);
    LabelPlacer labels;
    for (const auto& b : sc.map.buildings) {
        dl->AddRectFilled(v.toScreen(b.x, b.y + b.h), v.toScreen(b.x + b.w, b.y),
                          IM_COL32(150, 150, 160, 255));
        dl->AddRect(v.toScreen(b.x, b.y + b.h), v.toScreen(b.x + b.w, b.y),
                    IM_COL32(40, 40, 40, 255));
    }
    const auto markers =
        session.hazard() ? session.hazard()->markers() : std::vector<sim::MapMarker>{};
    drawGroundCircles(dl, v, markers);
    drawHazardLines(dl, v, session.hazard());
    for (const auto& c : st.cordons)
        dl->AddCircle(v.toScreen(c.x, c.y), static_cast<float>(c.radius) * v.scale,
                      IM_COL32(255, 230, 0, 220), 64, 2);
    for (const auto& ap : sc.map.assemblyPoints) {
        if (isShelter(sc.transfer, ap.id)) continue;  // with its head count, below
        const ImVec2 p = v.toScreen(ap.x, ap.y);
        dl->AddCircleFilled(p, 9, IM_COL32(40, 170, 70, 255));
        labels.place(dl, ImVec2(p.x + 11, p.y - 8), IM_COL32(200, 255, 200, 255),
                     assemblyPointName(s, sc.map, sc.transfer, ap.id));
    }
    reserveHouses(v, st.transfer, labels);
    drawShelters(s, dl, v, sc, st.transfer, labels);
    drawPeople(dl, v, st, session.legend());
    for (std::size_t i = 0; i < st.units.size(); ++i) {
        const auto& u = st.units[i];
        const ImVec2 q = v.toScreen(u.x, u.y);
        dl->AddRectFilled(ImVec2(q.x - 6, q.y - 6), ImVec2(q.x + 6, q.y + 6), unitColour(u.kind));
        if (static_cast<int>(i) == ui.selectedUnit)
            dl->AddRect(ImVec2(q.x - 9, q.y - 9), ImVec2(q.x + 9, q.y + 9),
                        IM_COL32(255, 255, 255, 255), 0, 0, 2);
        labels.place(dl, ImVec2(q.x + 9, q.y - 6), IM_COL32(255, 255, 255, 230),
                     unitLabel(s, st, static_cast<int>(i)));
    }
    // The hazard's markers go on top, below: keep the isochrones' times off them.
    for (const auto& m : markers) {
        const ImVec2 p = v.toScreen(m.x, m.y);
        labels.reserve(ImVec2(p.x - 10, p.y - 10), ImVec2(p.x + 10, p.y + 10));
    }
    drawIsochroneLabels(s, dl, v, session.isochrones(), labels);
    // A cadre at the door stands on the home: the house (its status) goes on top.
    drawHouseholds(s, dl, v, sc, st, ImGui::GetIO().MousePos, ImGui::IsItemHovered());
    // A unit at work on a valve stands on it: the hazard's markers go on top.
    const bool markerTip = drawMarkers(s, dl, v, session.hazard(), st, ImGui::GetIO().MousePos);
    if (!markerTip && ImGui::IsItemHovered()) drawPointTooltip(s, session, v);
    drawWindArrow(dl, ImVec2(pos.x + size.x - 60, pos.y + 50), st.wind, session.drill().hazard(),
                  s);
    drawMapKey(s, dl, pos, ImVec2(pos.x + size.x, pos.y + size.y), session,
               mapFeatures(v, session));
    drawAreaPreview(dl, v, session, ui, ImGui::IsItemHovered());
    if (clicked) {
        double x = 0, y = 0;
        v.toWorld(ImGui::GetIO().MousePos, x, y);
        handleClick(s, session, ui, x, y, out);
    }
}

}  // namespace drillbase::ui
