#include "ui/panels/hazard_layers.h"

#include "ui/map_texture.h"
#include "ui/panels/map_style.h"

#include <cmath>
#include <cstdio>
#include <tuple>

namespace drillbase::ui {

namespace {

// A stopped or breached thing stays visible, greyed (markers do the same).
ImU32 faded(std::uint32_t rgba) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(opaqueColour(rgba));
    const float grey = (c.x + c.y + c.z) / 3;
    return ImGui::ColorConvertFloat4ToU32(ImVec4(
        0.35f * c.x + 0.65f * grey, 0.35f * c.y + 0.65f * grey, 0.35f * c.z + 0.65f * grey, 0.75f));
}

void dashed(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float width) {
    const float len = std::hypot(b.x - a.x, b.y - a.y);
    if (len < 1) return;
    const float dash = 7, gap = 5;
    const ImVec2 d((b.x - a.x) / len, (b.y - a.y) / len);
    for (float t = 0; t < len; t += dash + gap) {
        const float e = std::fmin(t + dash, len);
        dl->AddLine(ImVec2(a.x + d.x * t, a.y + d.y * t), ImVec2(a.x + d.x * e, a.y + d.y * e), col,
                    width);
    }
}

}  // namespace

void drawGround(ImDrawList* dl, const MapView& v, const sim::FieldGrid& g,
                const std::vector<ImU32>& colours, std::uint64_t version) {
    if (colours.size() != g.values.size()) return;
    if (const ImTextureID tex = cachedGridTexture(version, colours, g.nx, g.ny)) {
        dl->AddImage(tex, v.toScreen(g.originX, g.originY + g.ny * g.cellM),
                     v.toScreen(g.originX + g.nx * g.cellM, g.originY));
        return;
    }
    for (int j = 0; j < g.ny; ++j) {
        const std::size_t row = static_cast<std::size_t>(j) * static_cast<std::size_t>(g.nx);
        for (int i = 0; i < g.nx;) {
            const ImU32 c = colours[row + static_cast<std::size_t>(i)];
            int end = i + 1;
            while (end < g.nx && colours[row + static_cast<std::size_t>(end)] == c) ++end;
            if (c) {
                const double x0 = g.originX + i * g.cellM, x1 = g.originX + end * g.cellM;
                const double y0 = g.originY + j * g.cellM;
                dl->AddRectFilled(v.toScreen(x0, y0 + g.cellM), v.toScreen(x1, y0), c);
            }
            i = end;
        }
    }
}

void drawHazardLine(ImDrawList* dl, const MapView& v, const sim::MapLine& line) {
    const ImU32 col = line.active ? opaqueColour(line.rgba) : faded(line.rgba);
    for (std::size_t k = 1; k < line.points.size(); ++k) {
        const ImVec2 a = v.toScreen(line.points[k - 1].first, line.points[k - 1].second);
        const ImVec2 b = v.toScreen(line.points[k].first, line.points[k].second);
        dl->AddLine(a, b, IM_COL32(0, 0, 0, 170), 6.0f);
        if (line.active)
            dl->AddLine(a, b, col, 3.5f);
        else
            dashed(dl, a, b, col, 3.5f);
    }
}

void drawHazardLines(ImDrawList* dl, const MapView& v, const sim::Hazard* hazard) {
    if (!hazard) return;
    for (const auto& l : hazard->lines()) drawHazardLine(dl, v, l);
}

void drawGroundCircles(ImDrawList* dl, const MapView& v, const std::vector<sim::MapMarker>& ms) {
    std::vector<std::tuple<double, double, double, std::uint32_t>> drawn;
    for (const auto& m : ms) {
        if (!(m.radiusM > 0)) continue;
        const auto key = std::make_tuple(m.x, m.y, m.radiusM, m.rgba);
        bool seen = false;
        for (const auto& d : drawn) seen = seen || d == key;
        if (seen) continue;
        drawn.push_back(key);
        const ImVec2 c = v.toScreen(m.x, m.y);
        // At least a few pixels across, so a 25 m drop shows on a 12 km map.
        const float r = std::fmax(static_cast<float>(m.radiusM) * v.scale, 4.0f);
        dl->AddCircleFilled(c, r, rgbaColour(m.rgba | 0xff, m.active ? 0.28f : 0.12f), 48);
        dl->AddCircle(c, r + 1, IM_COL32(0, 0, 0, 140), 48, 3.0f);
        dl->AddCircle(c, r, m.active ? opaqueColour(m.rgba) : faded(m.rgba), 48, 2.0f);
    }
}

void drawIsochroneLines(ImDrawList* dl, const MapView& v,
                        const std::vector<Isochrone>& isochrones) {
    for (const auto& iso : isochrones)
        for (const auto& seg : iso.segments)
            dl->AddLine(v.toScreen(seg[0], seg[1]), v.toScreen(seg[2], seg[3]), kIsochroneColour,
                        1.3f);
}

void drawFrontLine(ImDrawList* dl, const MapView& v, const Isochrone& front) {
    for (const auto& seg : front.segments) {
        const ImVec2 a = v.toScreen(seg[0], seg[1]), b = v.toScreen(seg[2], seg[3]);
        dl->AddLine(a, b, IM_COL32(0, 0, 0, 150), 4.0f);
    }
    for (const auto& seg : front.segments)
        dl->AddLine(v.toScreen(seg[0], seg[1]), v.toScreen(seg[2], seg[3]), kFrontColour, 2.2f);
}

void drawIsochroneLabels(const Strings& s, ImDrawList* dl, const MapView& v,
                         const std::vector<Isochrone>& isochrones, LabelPlacer& labels) {
    auto taken = [&labels](ImVec2 a, ImVec2 size) {
        for (const auto& r : labels.placed)
            if (a.x < r.z + 2 && a.x + size.x + 2 > r.x && a.y < r.w && a.y + size.y > r.y)
                return true;
        return false;
    };
    // Latest first: the newest line is the one the trainee reads the front by.
    for (auto it = isochrones.rbegin(); it != isochrones.rend(); ++it) {
        char buf[64];
        std::snprintf(buf, sizeof buf, s.tr("drill.isochrone_minutes"),
                      static_cast<int>(std::lround(it->timeS / 60)));
        const ImVec2 size = ImGui::CalcTextSize(buf);
        // The first free place on the line; a line with none free goes unlabelled rather than
        // have its time pushed away from it onto another line.
        for (const auto& at : it->labelAt) {
            const ImVec2 p = v.toScreen(at[0], at[1]);
            const ImVec2 a(p.x - size.x / 2, p.y - size.y / 2);
            if (taken(a, size)) continue;
            labels.place(dl, a, IM_COL32(255, 250, 225, 255), buf);
            break;
        }
    }
}

}  // namespace drillbase::ui
