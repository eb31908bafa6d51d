#include "ui/panels/map_key.h"

#include "ui/panels/hazard_layers.h"
#include "ui/panels/map_style.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <string>

namespace drillbase::ui {

namespace {

using Paint = std::function<void(ImDrawList*, ImVec2, ImVec2)>;

struct KeyRow {
    std::string text;
    Paint paint;  // empty: a heading in grey
};

void levelRows(const Strings& s, const sim::HazardLegend& legend, std::vector<KeyRow>& rows) {
    rows.push_back({std::string(s.tr(legend.quantityKey)) + " (" + legend.unit + ")", {}});
    auto swatch = [](std::uint32_t rgba) {
        return [rgba](ImDrawList* dl, ImVec2 a, ImVec2 b) {
            dl->AddRectFilled(a, b, kGroundColour);
            dl->AddRectFilled(a, b, rgbaColour(rgba));
            // A dark colour (burned ground) gets a light rim, or it vanishes on the key's black.
            const int luma = static_cast<int>(((rgba >> 24) & 0xff) * 3 +
                                              ((rgba >> 16) & 0xff) * 6 + ((rgba >> 8) & 0xff)) /
                             10;
            dl->AddRect(a, b, luma < 70 ? IM_COL32(170, 170, 170, 255) : opaqueColour(rgba));
        };
    };
    for (auto it = legend.levels.rbegin(); it != legend.levels.rend(); ++it)
        rows.push_back({std::string(s.tr(it->labelKey)) + "  " + it->detail, swatch(it->rgba)});
    if (legend.shownRgba && !legend.shownKey.empty())
        rows.push_back({s.tr(legend.shownKey), swatch(legend.shownRgba)});
}

void hazardRows(const Strings& s, const DrillSession& session, std::vector<KeyRow>& rows) {
    const sim::Hazard* hazard = session.hazard();
    if (!hazard) return;
    for (const auto& kind : lineKinds(hazard->lines()))
        rows.push_back({s.tr(kind.kindKey), [kind](ImDrawList* dl, ImVec2 a, ImVec2 b) {
                            paintLineSwatch(dl, a, b, kind);
                        }});
    std::vector<std::string> circles;
    for (const auto& m : hazard->markers()) {
        if (!(m.radiusM > 0) ||
            std::find(circles.begin(), circles.end(), m.kindKey) != circles.end())
            continue;
        circles.push_back(m.kindKey);
        const std::uint32_t rgba = m.rgba;
        rows.push_back({s.tr(m.kindKey), [rgba](ImDrawList* dl, ImVec2 a, ImVec2 b) {
                            const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
                            const float r = (b.x - a.x) * 0.42f;
                            dl->AddCircleFilled(c, r, rgbaColour(rgba | 0xff, 0.28f), 20);
                            dl->AddCircle(c, r, opaqueColour(rgba), 20, 2);
                        }});
    }
    if (!session.front().segments.empty())
        rows.push_back({s.tr("drill.legend.front"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
                            const float y = (a.y + b.y) / 2;
                            dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), IM_COL32(0, 0, 0, 150), 4);
                            dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), kFrontColour, 2.2f);
                        }});
    if (!session.isochrones().empty())
        rows.push_back({s.tr("drill.legend.isochrones"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
                            const float y = (a.y + b.y) / 2;
                            dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), kIsochroneColour, 1.3f);
                        }});
}

}  // namespace

std::vector<LineKind> lineKinds(const std::vector<sim::MapLine>& lines) {
    std::vector<LineKind> kinds;
    for (const auto& l : lines) {
        auto it = std::find_if(kinds.begin(), kinds.end(),
                               [&](const LineKind& k) { return k.kindKey == l.kindKey; });
        if (it == kinds.end()) it = kinds.insert(kinds.end(), LineKind{l.kindKey, {}, false});
        if (std::find(it->colours.begin(), it->colours.end(), l.rgba) == it->colours.end())
            it->colours.push_back(l.rgba);
        it->anyBreached = it->anyBreached || !l.active;
    }
    return kinds;
}

void paintLineSwatch(ImDrawList* dl, ImVec2 a, ImVec2 b, const LineKind& kind) {
    const float n = static_cast<float>(std::max<std::size_t>(kind.colours.size(), 1));
    for (std::size_t k = 0; k < kind.colours.size(); ++k) {
        // Parallel diagonal strokes, one per colour.
        const float off = (static_cast<float>(k) - (n - 1) / 2) * 4.0f;
        const ImVec2 p(a.x + 1 + off, b.y - 2), q(b.x - 1 + off, a.y + 2);
        dl->AddLine(p, q, IM_COL32(0, 0, 0, 170), 5.0f);
        dl->AddLine(p, q, opaqueColour(kind.colours[k]), 3.0f);
    }
}

std::vector<MapFeature> mapFeatures(const MapView& v, const DrillSession& session) {
    const auto& st = session.drill().state();
    std::vector<MapFeature> f;
    for (const auto& ap : session.scenario().map.assemblyPoints)
        f.push_back({v.toScreen(ap.x, ap.y), 8});
    for (const auto& h : st.transfer.households) f.push_back({v.toScreen(h.x, h.y), 2});
    if (session.hazard()) {
        for (const auto& m : session.hazard()->markers()) f.push_back({v.toScreen(m.x, m.y), 2});
        for (const auto& l : session.hazard()->lines())
            for (const auto& p : l.points) f.push_back({v.toScreen(p.first, p.second), 2});
    }
    for (const auto& u : st.units) f.push_back({v.toScreen(u.x, u.y), 1});
    for (const auto& p : st.people) f.push_back({v.toScreen(p.x, p.y), 0.5f});
    return f;
}

ImVec2 quietCorner(ImVec2 mapMin, ImVec2 mapMax, ImVec2 size,
                   const std::vector<MapFeature>& features) {
    const float m = 8, slack = 12;
    const ImVec2 corners[] = {ImVec2(mapMin.x + m, mapMax.y - m - size.y),
                              ImVec2(mapMin.x + m, mapMin.y + m),
                              ImVec2(mapMax.x - m - size.x, mapMax.y - m - size.y)};
    ImVec2 best = corners[0];
    float bestScore = std::numeric_limits<float>::max();
    for (const auto& c : corners) {
        float score = 0;
        for (const auto& f : features)
            if (f.at.x > c.x - slack && f.at.x < c.x + size.x + slack && f.at.y > c.y - slack &&
                f.at.y < c.y + size.y + slack)
                score += f.weight;
        if (score < bestScore) {
            bestScore = score;
            best = c;
        }
    }
    return best;
}

void drawMapKey(const Strings& s, ImDrawList* dl, ImVec2 mapMin, ImVec2 mapMax,
                const DrillSession& session, const std::vector<MapFeature>& features) {
    const auto& legend = session.legend();
    if (legend.levels.empty()) return;
    std::vector<KeyRow> rows;
    levelRows(s, legend, rows);
    hazardRows(s, session, rows);
    const float line = ImGui::GetTextLineHeight(), pad = 6, gap = 4;
    float w = 0;
    for (const auto& r : rows) w = std::max(w, ImGui::CalcTextSize(r.text.c_str()).x);
    w += line + gap + 2 * pad;
    const float h = static_cast<float>(rows.size()) * line + 2 * pad;
    const ImVec2 a = quietCorner(mapMin, mapMax, ImVec2(w, h), features), b(a.x + w, a.y + h);
    dl->AddRectFilled(a, b, IM_COL32(0, 0, 0, 170), 4);
    ImVec2 at(a.x + pad, a.y + pad);
    for (const auto& r : rows) {
        if (!r.paint) {
            dl->AddText(at, IM_COL32(200, 200, 200, 255), r.text.c_str());
        } else {
            r.paint(dl, ImVec2(at.x, at.y + 2), ImVec2(at.x + line - 4, at.y + line - 2));
            dl->AddText(ImVec2(at.x + line + gap, at.y), IM_COL32(255, 255, 255, 255),
                        r.text.c_str());
        }
        at.y += line;
    }
}

}  // namespace drillbase::ui
