// fire_hazard_view.cpp — what the fire hazard shows and answers (see fire_hazard.h): the flame
// field, the ground (hillshade from the elevation, fuel colours from the lookup table), the
// arrival times for isochrones, markers and lines, samples at a point, the report's charts,
// passability and the state hash.
#include "sim/hazards/fire/fire_hazard.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace drillbase::sim {

namespace {

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Colours of fuel groups where the landscape has no lookup colours (procedural ground):
// grass yellow-green, grass-shrub olive, shrub brown-green, timber understory and litter greens,
// slash brown, Anderson's models by their group.
std::uint32_t groupColour(const std::string& code) {
    const std::string g = code.substr(0, 2);
    if (g == "GR") return 0xd2e68cff;
    if (g == "GS") return 0xb4c878ff;
    if (g == "SH") return 0x8caa5aff;
    if (g == "TU") return 0x5a8c50ff;
    if (g == "TL") return 0x3c7846ff;
    if (g == "SB") return 0xa08264ff;
    if (g == "FM") {
        const int n = std::atoi(code.c_str() + 2);
        return n <= 3 ? 0xd2e68cff : n <= 7 ? 0x8caa5aff : n <= 10 ? 0x3c7846ff : 0xa08264ff;
    }
    return 0;
}

}  // namespace

double FireHazard::intensityAt(double x, double y, double) const {
    const std::size_t c = cellOf(x, y);
    if (c == kOff) return 0;
    switch (spread_->state(c)) {
        case fire::CellState::burning: return std::max<double>(flame_[c], 0.03);
        case fire::CellState::burned: return kBurnedMark;
        case fire::CellState::unburned: return 0;
    }
    return 0;
}

void FireHazard::fillField(FieldGrid& grid, double z) const {
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i)
            grid.at(i, j) = intensityAt(grid.centreX(i), grid.centreY(j), z);
}

bool FireHazard::fillTerrain(FieldGrid& grid) const {
    if (land_->elevationM.empty()) return false;
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i) {
            const std::size_t c = cellOf(grid.centreX(i), grid.centreY(j));
            grid.at(i, j) =
                c == kOff ? std::numeric_limits<double>::quiet_NaN() : land_->elevationM[c];
        }
    return true;
}

bool FireHazard::fillCover(const FieldGrid& grid, std::vector<std::uint32_t>& rgba) const {
    rgba.assign(static_cast<std::size_t>(grid.nx) * static_cast<std::size_t>(grid.ny), 0);
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i) {
            const std::size_t c = cellOf(grid.centreX(i), grid.centreY(j));
            if (c == kOff) continue;
            std::uint32_t col = 0;
            const std::uint16_t e = land_->entry.empty() ? fire::Landscape::kNone : land_->entry[c];
            if (e != fire::Landscape::kNone) {
                const auto& en = land_->lookup.entries[e];
                col = (std::uint32_t{en.r} << 24) | (std::uint32_t{en.g} << 16) |
                      (std::uint32_t{en.b} << 8) | 0xffu;
            } else if (land_->burnable(c)) {
                col = groupColour(land_->code(c));
            } else {
                col = 0xb4b4b4ff;  // ground that does not burn: rock, water, roads, the village
            }
            rgba[static_cast<std::size_t>(j) * static_cast<std::size_t>(grid.nx) +
                 static_cast<std::size_t>(i)] = col;
        }
    return true;
}

bool FireHazard::fillArrival(FieldGrid& grid) const {
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i) {
            const std::size_t c = cellOf(grid.centreX(i), grid.centreY(j));
            grid.at(i, j) =
                c == kOff ? std::numeric_limits<double>::quiet_NaN() : spread_->arrivalS(c);
        }
    return true;
}

std::vector<MapMarker> FireHazard::markers() const {
    std::vector<MapMarker> out;
    for (std::size_t k = 0; k < config_.ignitions.size(); ++k) {
        const auto& g = config_.ignitions[k];
        if (!ignited_[k]) continue;
        MapMarker m{"marker.ignition", g.id, g.x, g.y, MarkerShape::Cross, 0xff3c14ff, true, 0};
        out.push_back(m);
    }
    if (config_.hotSpot && hotSpotReported_) {
        const auto& h = *config_.hotSpot;
        out.push_back(MapMarker{"marker.hot_spot", h.id, h.x, h.y, MarkerShape::Diamond, 0xff00ffff,
                                hotSpotVerifiedS_ < 0, 0});
    }
    for (const auto& [unit, z] : zones_)
        out.push_back(MapMarker{"marker.safety_zone", unit, z.x, z.y, MarkerShape::Circle,
                                0x3cdc50ff, true, z.radiusM});
    for (std::size_t k = 0; k < drops_.size(); ++k) {
        const Drop& d = drops_[k];
        if (!d.active) continue;
        out.push_back(MapMarker{"marker.water_drop", "drop-" + std::to_string(k + 1), d.x, d.y,
                                MarkerShape::Circle, 0x3c8cffff, true, rules_.dropRadiusM});
    }
    return out;
}

std::vector<MapLine> FireHazard::lines() const {
    std::vector<MapLine> out;
    for (const Line& l : lines_) {
        if (l.built == 0) continue;
        // The part built so far: from the anchor to the last cell finished.
        const double f = l.cells.empty() ? 1.0 : static_cast<double>(l.built) / l.cells.size();
        MapLine m;
        m.kindKey = l.preset ? "marker.firebreak" : std::string("marker.") + lineKindName(l.kind);
        m.id = l.id;
        m.points = {{l.x0, l.y0}, {l.x0 + (l.x1 - l.x0) * f, l.y0 + (l.y1 - l.y0) * f}};
        m.rgba = l.kind == LineKind::Hand     ? 0xffe600ffu
                 : l.kind == LineKind::Engine ? 0x00c8ffffu
                                              : 0xc8a064ffu;
        m.active = !l.breached;
        out.push_back(std::move(m));
    }
    for (const auto& [unit, z] : zones_) {
        const auto at = crewAt_.find(unit);
        if (at == crewAt_.end() ||
            std::hypot(at->second.first - z.x, at->second.second - z.y) <= z.radiusM)
            continue;
        MapLine m;
        m.kindKey = "marker.escape_route";
        m.id = unit;
        m.points = {at->second, {z.x, z.y}};
        m.rgba = 0x3cdc50ffu;
        const auto cut = routeCut_.find(unit);
        m.active = cut == routeCut_.end() || !cut->second;
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<Choice> FireHazard::choices(const std::string& list) const {
    std::vector<Choice> out;
    if (list == "hot_spots" && config_.hotSpot)
        out.push_back(Choice{config_.hotSpot->id, "marker.hot_spot", "", ""});
    return out;
}

double FireHazard::passCost(double x, double y) const {
    const std::size_t c = cellOf(x, y);
    if (c == kOff) return 1;
    return spread_->state(c) == fire::CellState::burning ? kClosed : 1;
}

std::vector<std::pair<std::string, nlohmann::json>> FireHazard::sample(double x, double y,
                                                                       double) const {
    const std::size_t c = cellOf(x, y);
    if (c == kOff) return {};
    const fire::SurfaceFire f = rates_->behaviourAt(c, nowS_);
    const auto st = spread_->state(c);
    const double at = spread_->arrivalS(c);
    return {{"fire_state", st == fire::CellState::unburned  ? "unburned"
                           : st == fire::CellState::burning ? "burning"
                                                            : "burned"},
            {"fire_arrival_s", std::isfinite(at) ? nlohmann::json(at) : nlohmann::json(nullptr)},
            {"fire_ros_m_min", f.headRosMMin},
            {"fire_flame_length_m", f.flameLengthM},
            {"fire_intensity_kw_m", f.firelineIntensityKWm}};
}

std::vector<std::pair<std::string, std::string>> FireHazard::conditions() const {
    const auto& m = rates_->moisture();
    return {{"cond.fuel_moisture_1h", fixed(m.m1 * 100, 0) + " %"},
            {"cond.fire_area", fixed(spread_->burnedAreaM2() / 1e4, 1) + " ha"}};
}

std::vector<std::pair<std::string, double>> FireHazard::chartValues() const {
    return {{"chart.fire_area_ha", spread_->burnedAreaM2() / 1e4},
            {"chart.fire_front_km", spread_->perimeterM() / 1000.0}};
}

void FireHazard::hashInto(StateHasher& h) const {
    h.add(static_cast<std::uint64_t>(spread_->burnedCells()));
    for (const double a : spread_->arrivals())
        if (std::isfinite(a)) h.add(a);
    for (const Line& l : lines_) {
        h.add(static_cast<std::uint64_t>(l.built));
        h.add(static_cast<std::uint64_t>(l.breached));
    }
    for (const Drop& d : drops_) h.add(static_cast<std::uint64_t>(d.active));
    h.add(containedS_);
    h.add(hotSpotVerifiedS_);
}

}  // namespace drillbase::sim
