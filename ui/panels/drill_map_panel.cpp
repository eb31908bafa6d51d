#include "ui/panels/drill_map_panel.h"

#include <imgui.h>

#include <cmath>
#include <limits>
#include <vector>

namespace drillbase::ui {

namespace {

// AEGL-1/2/3 overlay colours: the yellow-orange-red of emergency planning maps.
const ImU32 kLevelColour[3] = {IM_COL32(240, 220, 60, 90), IM_COL32(245, 140, 40, 130),
                               IM_COL32(220, 40, 40, 160)};

struct MapView {
    ImVec2 origin;  // screen position of map (0, heightM)
    float scale = 1;
    double heightM = 0;
    ImVec2 toScreen(double x, double y) const {
        return ImVec2(origin.x + static_cast<float>(x) * scale,
                      origin.y + static_cast<float>(heightM - y) * scale);
    }
    void toWorld(ImVec2 p, double& x, double& y) const {
        x = (p.x - origin.x) / scale;
        y = heightM - (p.y - origin.y) / scale;
    }
};

ImU32 unitColour(sim::UnitKind k) {
    switch (k) {
        case sim::UnitKind::Hazmat: return IM_COL32(255, 200, 0, 255);
        case sim::UnitKind::Fire: return IM_COL32(230, 60, 50, 255);
        case sim::UnitKind::Medical: return IM_COL32(250, 250, 250, 255);
        case sim::UnitKind::Police: return IM_COL32(70, 130, 255, 255);
    }
    return IM_COL32_WHITE;
}

ImU32 personColour(const sim::PersonState& p) {
    switch (p.action) {
        case sim::PersonAction::Unaware: return IM_COL32(220, 220, 220, 255);
        case sim::PersonAction::Evacuating: return IM_COL32(255, 230, 80, 255);
        case sim::PersonAction::Sheltering: return IM_COL32(100, 170, 255, 255);
        case sim::PersonAction::Safe: return IM_COL32(90, 220, 110, 255);
        case sim::PersonAction::Carried: return IM_COL32(255, 255, 255, 255);
    }
    return IM_COL32_WHITE;
}

void drawOverlay(ImDrawList* dl, const MapView& v, const sim::FieldGrid& g,
                 const std::array<double, 3>& levels) {
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            const double c = g.at(i, j);
            int level = 0;
            for (int l = 0; l < 3; ++l)
                if (levels[static_cast<std::size_t>(l)] > 0 &&
                    c >= levels[static_cast<std::size_t>(l)])
                    level = l + 1;
            if (!level) continue;
            const double x0 = g.originX + i * g.cellM, y0 = g.originY + j * g.cellM;
            dl->AddRectFilled(v.toScreen(x0, y0 + g.cellM), v.toScreen(x0 + g.cellM, y0),
                              kLevelColour[level - 1]);
        }
}

void drawWindArrow(ImDrawList* dl, ImVec2 centre, const sim::Wind& w, const Strings& s) {
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
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %.1f m/s %c", s.tr("drill.wind"), w.speedMS, w.stability);
    const float textW = ImGui::CalcTextSize(buf).x;
    dl->AddText(ImVec2(centre.x + r + 6 - textW, centre.y + r + 8), IM_COL32(255, 255, 255, 255),
                buf);
}

// Map labels that would overlap (units waiting together at a gate) are moved down until free.
struct LabelPlacer {
    std::vector<ImVec4> placed;  // x0, y0, x1, y1
    void place(ImDrawList* dl, ImVec2 at, ImU32 colour, const std::string& text) {
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        for (bool moved = true; moved;) {
            moved = false;
            for (const auto& r : placed)
                if (at.x < r.z && at.x + size.x > r.x && at.y < r.w && at.y + size.y > r.y) {
                    at.y = r.w;
                    moved = true;
                }
        }
        placed.push_back(ImVec4(at.x, at.y, at.x + size.x, at.y + size.y));
        dl->AddText(at, colour, text.c_str());
    }
};

void handleClick(const DrillSession& session, DrillUiState& ui, double x, double y,
                 std::vector<sim::Command>& out) {
    const auto& st = session.drill().state();
    const auto& map = session.scenario().map;
    sim::Command c;
    c.x = x;
    c.y = y;
    c.radius = ui.radiusM;
    const bool haveUnit =
        ui.selectedUnit >= 0 && ui.selectedUnit < static_cast<int>(st.units.size());
    if (haveUnit) c.unit = st.units[static_cast<std::size_t>(ui.selectedUnit)].id;
    switch (ui.mode) {
        case OrderMode::None: {
            // Select the nearest unit within 20 px.
            double best = std::numeric_limits<double>::max();
            for (std::size_t i = 0; i < st.units.size(); ++i) {
                const double d = std::hypot(st.units[i].x - x, st.units[i].y - y);
                if (d < best) {
                    best = d;
                    ui.selectedUnit = static_cast<int>(i);
                }
            }
            return;
        }
        case OrderMode::Move: c.type = sim::CommandType::MoveUnit; break;
        case OrderMode::WaterCurtain: c.type = sim::CommandType::SetWaterCurtain; break;
        case OrderMode::Rescue: {
            c.type = sim::CommandType::RescueCasualty;
            double best = std::numeric_limits<double>::max();
            for (const auto& p : st.people) {
                const double d = std::hypot(p.x - x, p.y - y);
                if (d < best) {
                    best = d;
                    c.target = p.id;
                }
            }
            break;
        }
        case OrderMode::Cordon: c.type = sim::CommandType::SetCordon; break;
        case OrderMode::Evacuate:
            c.type = sim::CommandType::EvacuateArea;
            if (map.assemblyPoints.empty()) return;
            c.target = map.assemblyPoints[static_cast<std::size_t>(ui.assemblyPoint) %
                                          map.assemblyPoints.size()]
                           .id;
            break;
        case OrderMode::Shelter: c.type = sim::CommandType::ShelterInPlace; break;
        case OrderMode::SecondaryLeak:
            c.type = sim::CommandType::SecondaryLeak;
            c.target = "secondary-" + std::to_string(++ui.leakCount);
            c.chemical =
                session.scenario().releases.empty() ? "" : session.scenario().releases[0].chemical;
            c.value = ui.leakRateKgS;
            break;
    }
    const bool needsUnit = ui.mode == OrderMode::Move || ui.mode == OrderMode::WaterCurtain ||
                           ui.mode == OrderMode::Rescue;
    if (needsUnit && !haveUnit) return;
    out.push_back(c);
    ui.mode = OrderMode::None;
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
    const ImVec2 size(static_cast<float>(sc.map.widthM) * v.scale,
                      static_cast<float>(sc.map.heightM) * v.scale);
    ImGui::InvisibleButton("##map", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), IM_COL32(52, 66, 52, 255));
    // A 100 m grid gives the trainee a sense of distance.
    for (double gx = 0; gx <= sc.map.widthM; gx += 100)
        dl->AddLine(v.toScreen(gx, 0), v.toScreen(gx, sc.map.heightM), IM_COL32(255, 255, 255, 18));
    for (double gy = 0; gy <= sc.map.heightM; gy += 100)
        dl->AddLine(v.toScreen(0, gy), v.toScreen(sc.map.widthM, gy), IM_COL32(255, 255, 255, 18));
    drawOverlay(dl, v, session.overlay(), session.levels());
    LabelPlacer labels;
    for (const auto& b : sc.map.buildings) {
        dl->AddRectFilled(v.toScreen(b.x, b.y + b.h), v.toScreen(b.x + b.w, b.y),
                          IM_COL32(150, 150, 160, 255));
        dl->AddRect(v.toScreen(b.x, b.y + b.h), v.toScreen(b.x + b.w, b.y),
                    IM_COL32(40, 40, 40, 255));
    }
    for (const auto& c : st.cordons)
        dl->AddCircle(v.toScreen(c.x, c.y), static_cast<float>(c.radius) * v.scale,
                      IM_COL32(255, 230, 0, 220), 64, 2);
    for (const auto& ap : sc.map.assemblyPoints) {
        const ImVec2 p = v.toScreen(ap.x, ap.y);
        dl->AddCircleFilled(p, 9, IM_COL32(40, 170, 70, 255));
        labels.place(dl, ImVec2(p.x + 11, p.y - 8), IM_COL32(200, 255, 200, 255), ap.id);
    }
    for (const auto& va : sc.map.valves) {
        const ImVec2 p = v.toScreen(va.x, va.y);
        dl->AddQuadFilled(ImVec2(p.x, p.y - 7), ImVec2(p.x + 7, p.y), ImVec2(p.x, p.y + 7),
                          ImVec2(p.x - 7, p.y), IM_COL32(0, 220, 230, 255));
    }
    for (const auto& r : sc.releases) {
        const ImVec2 p = v.toScreen(r.x, r.y);
        dl->AddLine(ImVec2(p.x - 6, p.y - 6), ImVec2(p.x + 6, p.y + 6), IM_COL32(255, 60, 60, 255),
                    3);
        dl->AddLine(ImVec2(p.x - 6, p.y + 6), ImVec2(p.x + 6, p.y - 6), IM_COL32(255, 60, 60, 255),
                    3);
    }
    for (const auto& p : st.people) {
        const ImVec2 q = v.toScreen(p.x, p.y);
        dl->AddCircleFilled(q, 3.5f, personColour(p));
        if (p.worstLevel >= 2)
            dl->AddCircle(q, 6, kLevelColour[p.worstLevel - 1] | IM_COL32(0, 0, 0, 255), 12, 2);
    }
    for (std::size_t i = 0; i < st.units.size(); ++i) {
        const auto& u = st.units[i];
        const ImVec2 q = v.toScreen(u.x, u.y);
        dl->AddRectFilled(ImVec2(q.x - 6, q.y - 6), ImVec2(q.x + 6, q.y + 6), unitColour(u.kind));
        if (static_cast<int>(i) == ui.selectedUnit)
            dl->AddRect(ImVec2(q.x - 9, q.y - 9), ImVec2(q.x + 9, q.y + 9),
                        IM_COL32(255, 255, 255, 255), 0, 0, 2);
        labels.place(dl, ImVec2(q.x + 9, q.y - 6), IM_COL32(255, 255, 255, 230), u.id);
    }
    drawWindArrow(dl, ImVec2(pos.x + size.x - 60, pos.y + 50), st.wind, s);
    if (clicked) {
        double x = 0, y = 0;
        v.toWorld(ImGui::GetIO().MousePos, x, y);
        handleClick(session, ui, x, y, out);
    }
}

}  // namespace drillbase::ui
