// flood_hazard.cpp — the flood hazard (see the header). The water is the solver's; this file
// turns it into what the drill needs: the hazard rating people meet (FD2320), the events a
// commander hears (a breach opens, water reaches a gauge), closed and slow ground for the
// navigator, and the effect of crews' sandbags and pumps.
#include "sim/hazards/flood/flood_hazard.h"

#include "sim/engine/drill_state.h"
#include "sim/hydraulics/flood_boundaries.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drillbase::sim {

namespace {

constexpr std::size_t kOff = std::numeric_limits<std::size_t>::max();
constexpr double kGaugeWetM = 0.1;  // water "reaches" a gauge at 10 cm (ankle depth)
constexpr double kWadeBandM = 0.1;  // passability is re-read in 10 cm depth bands
constexpr std::uint8_t kClosedBand = 255;

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace

FloodHazard::FloodHazard(const Scenario& scenario, const FloodConfig& config,
                         const FloodRules& rules)
    : config_(config),
      rules_(rules),
      buildings_(scenario.map.buildings),
      solver_(std::make_unique<InertialSolver>(config_.model, rules.solverThreads)),
      tickMillis_(scenario.tickMillis) {
    legend_.quantityKey = "legend.flood_hazard_rating";
    legend_.unit = "HR";
    legend_.hotLevel = 2;
    static const char* keys[3] = {"legend.flood_danger_some", "legend.flood_danger_most",
                                  "legend.flood_danger_all"};
    static const std::uint32_t colours[3] = {0xf2c94cb4, 0xe8743bc8, 0xc0392bdc};
    for (std::size_t l = 0; l < 3; ++l)
        legend_.levels.push_back(HazardLevel{keys[l], "HR ≥ " + fixed(rules_.hazardRating[l], 2),
                                             rules_.hazardRating[l], colours[l]});
    // Water below the first class (HR 0.75) but deeper than about 10 cm of still water.
    legend_.shownFrom = 0.05;
    legend_.shownRgba = 0x5aa0f0a0;
    legend_.shownKey = "legend.flood_water";
    inflowStarted_.assign(config_.inflows.size(), false);
    breachReported_.assign(config_.breaches.size(), false);
    gaugeWet_.assign(config_.gauges.size(), false);
    passClass_.assign(config_.model.cells(), 0);
    if (config_.model.rain.present) rainMmH_ = config_.model.rain.mmPerHour.at(0);
    refreshPassability();
}

std::size_t FloodHazard::cellOf(double x, double y) const {
    const std::size_t c = cellAt(config_.model, x, y);
    return c != kOff && config_.model.inDomain[c] ? c : kOff;
}

double FloodHazard::depthAt(double x, double y) const {
    const std::size_t c = cellOf(x, y);
    return c == kOff ? 0 : solver_->depth(c);
}

double FloodHazard::speedAt(double x, double y) const {
    const std::size_t c = cellOf(x, y);
    return c == kOff ? 0 : solver_->speed(c);
}

double FloodHazard::ratingAtCell(std::size_t c) const {
    return rules_.hazardRatingOf(solver_->depth(c), solver_->speed(c), config_.cover);
}

double FloodHazard::intensityAt(double x, double y, double) const {
    const std::size_t c = cellOf(x, y);
    return c == kOff ? 0 : ratingAtCell(c);
}

std::vector<std::pair<std::string, nlohmann::json>> FloodHazard::sample(double x, double y, double) const {
    return {{"flood_depth_m", depthAt(x, y)},
            {"flood_speed_m_s", speedAt(x, y)},
            {"flood_hazard_rating", intensityAt(x, y, 0)}};
}

void FloodHazard::begin(DrillContext& ctx) {
    step(0, 0, Wind{}, ctx);  // report what is due at once (a breach open from the start)
}

void FloodHazard::step(std::int64_t tick, double, const Wind&, DrillContext& ctx) {
    const double t = static_cast<double>(tick * tickMillis_) / 1000.0;
    solver_->advanceTo(t);
    for (std::size_t k = 0; k < config_.inflows.size(); ++k)
        if (!inflowStarted_[k] && t >= config_.inflows[k].startS) {
            inflowStarted_[k] = true;
            ctx.emit("flood_inflow_started", {{"inflow", config_.inflows[k].id}});
        }
    for (std::size_t k = 0; k < config_.breaches.size(); ++k)
        if (!breachReported_[k] && solver_->breachOpen(k)) {
            breachReported_[k] = true;
            ctx.emit("flood_breach_opened", {{"breach", config_.breaches[k].id}});
        }
    for (std::size_t k = 0; k < config_.gauges.size(); ++k)
        if (!gaugeWet_[k] && depthAt(config_.gauges[k].x, config_.gauges[k].y) >= kGaugeWetM) {
            gaugeWet_[k] = true;
            ctx.emit("flood_water_reached", {{"gauge", config_.gauges[k].id}});
        }
    if (tick >= nextPassRefreshTick_) {
        refreshPassability();
        const auto every = std::max<std::int64_t>(
            1, static_cast<std::int64_t>(rules_.passabilityRefreshS * 1000) / tickMillis_);
        nextPassRefreshTick_ = tick + every;
    }
}

// The ground people and crews can use, re-read from the water at a fixed interval in depth
// bands, so that the navigator re-plans only when a band changes somewhere: closed where the
// hazard rating is dangerous for most (FD2320), slower with depth where it is not.
void FloodHazard::refreshPassability() {
    bool changed = false;
    for (std::size_t c = 0; c < passClass_.size(); ++c) {
        std::uint8_t band = 0;
        if (config_.model.inDomain[c]) {
            const double d = solver_->depth(c);
            if (d > 0) {
                band = ratingAtCell(c) >= rules_.walkingClosedRating
                           ? kClosedBand
                           : static_cast<std::uint8_t>(std::min(100.0, std::floor(d / kWadeBandM)));
            }
        }
        if (band != passClass_[c]) {
            passClass_[c] = band;
            changed = true;
        }
    }
    if (changed) ++passVersion_;
}

double FloodHazard::passCost(double x, double y) const {
    const std::size_t c = cellOf(x, y);
    if (c == kOff) return 1;
    const std::uint8_t band = passClass_[c];
    if (band == kClosedBand) return kClosed;
    return 1 + rules_.wadingCostPerM * (band + 0.5) * kWadeBandM * (band > 0 ? 1 : 0);
}

double FloodHazard::passCostFor(Mobility m, double x, double y) const {
    if (m == Mobility::OnFoot) return passCost(x, y);
    // A boat goes on water and is trailered on land: the flood closes nothing to it.
    if (m == Mobility::Boat) return 1;
    // A vehicle stalls or floats in water deeper than vehicle_stall_depth_m (content/hazards/
    // flood.json); the band's lower edge, so the closure moves only when a band changes.
    const std::size_t c = cellOf(x, y);
    if (c == kOff) return 1;
    const std::uint8_t band = passClass_[c];
    if (band == kClosedBand || band * kWadeBandM >= rules_.vehicleStallDepthM) return kClosed;
    return band == 0 ? 1 : passCost(x, y);
}

void FloodHazard::harm(const Exposure& e, Harm& h, double dtS) const {
    const std::size_t c = cellOf(e.x, e.y);
    double d = c == kOff ? 0 : solver_->depth(c);
    double v = c == kOff ? 0 : solver_->speed(c);
    if (e.building >= 0 && static_cast<std::size_t>(e.building) < buildings_.size()) {
        // Upstairs is a refuge until the water rises above the floors below (就地避险); the
        // walls keep the current out.
        const int floors = std::max(1, buildings_[static_cast<std::size_t>(e.building)].floors);
        d = std::max(0.0, d - (floors - 1) * rules_.upperFloorHeightM);
        v = 0;
    }
    const double hr = rules_.hazardRatingOf(d, v, config_.cover);
    int level = rules_.hazardClass(hr);
    // A crew in life jackets and dry suits (its protective equipment) is trained for water that
    // is dangerous for some or most; FD2320's top class is dangerous for the emergency services
    // too.
    if (e.responder && e.ppe && level < 3) level = std::max(0, level - 1);
    h.peak = std::max(h.peak, hr);
    // Water below ankle depth (a wet street in the rain) is not an exposure.
    if (d >= kGaugeWetM) h.dose += hr * dtS;
    if (level >= 2) h.load += dtS;  // seconds spent in water dangerous for most
    h.level = level;
    h.worstLevel = std::max(h.worstLevel, level);
}

double FloodHazard::fatalityFraction(const Harm& h) const {
    // FD2320/TR2 §13: injuries N·2·HR/100 and deaths 2·N(I)·HR/100, area and people
    // vulnerability taken as 1: (0.02·HR)² of those exposed at HR.
    if (h.peak < rules_.hazardRating[0]) return 0;
    const double k = rules_.fatalityPerInjuryPerHr * h.peak;
    return std::min(1.0, k * k);
}

void FloodHazard::addOutcomes(const DrillState& s, std::map<std::string, double>& o) const {
    const FloodModel& m = config_.model;
    double wetArea = 0, maxDepth = 0;
    for (std::size_t c = 0; c < m.cells(); ++c) {
        const double d = solver_->maxDepth()[c];
        maxDepth = std::max(maxDepth, d);
        if (d > kGaugeWetM) wetArea += m.cellM * m.cellM;
    }
    o["flood_max_depth_m"] = maxDepth;
    o["flood_area_wet_m2"] = wetArea;
    const FloodBudget b = solver_->budget();
    o["flood_inflow_m3"] = b.inflowM3 + b.rainM3;
    o["flood_volume_balance_error"] = std::fabs(b.relativeError());
    double caught = 0;
    for (const auto& p : s.people)
        if (p.harm.worstLevel >= 2) caught += 1;
    o["flood_people_in_danger"] = caught;
}

nlohmann::json FloodHazard::validityNotes(const DrillState&) const {
    nlohmann::json notes = nlohmann::json::array();
    const FloodBudget b = solver_->budget();
    notes.push_back({{"issue", "volume_balance"},
                     {"value", b.relativeError()},
                     {"limit", 1e-6},
                     {"detail", "inflow + rain − outflow against the change in stored water"}});
    // The local-inertial equations neglect advection and so assume gradually varied, subcritical
    // flow (Bates et al. 2010 §2; de Almeida & Bates 2013): report where the flow is rapid now.
    std::size_t rapid = 0, wet = 0;
    const FloodModel& m = config_.model;
    for (std::size_t c = 0; c < m.cells(); ++c) {
        const double d = solver_->depth(c);
        if (d < kGaugeWetM) continue;  // sheet flow of a few mm in the rain is not a flood
        ++wet;
        const double v = solver_->speed(c);
        if (v * v > m.settings.gravity * d) ++rapid;  // Froude number above 1
    }
    if (rapid > 0)
        notes.push_back({{"issue", "supercritical_flow"},
                         {"value", static_cast<double>(rapid)},
                         {"limit", 0},
                         {"detail", "cells deeper than 10 cm with Froude number > 1 (of " +
                                        std::to_string(wet) +
                                        "): the local-inertial scheme is less accurate there"}});
    return notes;
}

bool FloodHazard::apply(const Command& c, DrillContext& ctx) {
    if (c.is("open_breach")) {
        for (std::size_t k = 0; k < config_.breaches.size(); ++k)
            if (config_.breaches[k].id == c.target) {
                if (solver_->breachOpen(k)) {
                    ctx.reject(c, "breach already open");
                    return true;
                }
                solver_->openBreach(k);
                return true;  // flood_breach_opened is reported by the next step
            }
        ctx.reject(c, "unknown breach \"" + c.target + "\"");
        return true;
    }
    if (c.is("set_rain")) {
        rainMmH_ = c.value;
        solver_->setRain(c.value);
        ctx.emit("rain_changed", {{"mm_h", fixed(c.value, 1)}});
        return true;
    }
    const bool sandbags = c.is("place_sandbags"), pump = c.is("deploy_pump");
    if (!sandbags && !pump) return false;
    UnitState* u = ctx.unit(c.unit);
    if (!u) {
        ctx.reject(c, "unknown unit \"" + c.unit + "\"");
        return true;
    }
    if (cellOf(c.x, c.y) == kOff) {
        ctx.reject(c, "the point is outside the flood model");
        return true;
    }
    // The store is drawn on when the order is given: a crew leaves with the bags or the pump.
    const int stock = sandbags ? config_.sandbagWalls : config_.pumps;
    int& used = sandbags ? sandbagWallsUsed_ : pumpsUsed_;
    if (stock >= 0 && used >= stock) {
        ctx.reject(c, sandbags ? "no sandbags left in the store (" + std::to_string(stock) +
                                     " walls in this scenario)"
                               : "no pump left (" + std::to_string(stock) + " in this scenario)");
        return true;
    }
    ++used;
    UnitTaskOrder order;
    order.kind = c.type;
    order.x = c.x;
    order.y = c.y;
    order.workS = sandbags ? rules_.sandbagWorkS : rules_.pumpWorkS;
    if (stock >= 0) order.attrs = {{"left", std::to_string(stock - used)}};
    ctx.assign(*u, order);
    return true;
}

void FloodHazard::finishTask(UnitState& u, const std::string& kind, const std::string&,
                             DrillContext& ctx) {
    const FloodModel& m = config_.model;
    if (kind == "place_sandbags") {
        // A wall across the flow at the point: along the direction normal to the water's
        // motion there (or east–west on still ground), sandbag_length_m long.
        double qu = 0, qv = 0;
        const std::size_t c0 = cellOf(u.tx, u.ty);
        if (c0 != kOff) solver_->velocity(c0, qu, qv);
        const double sp = std::sqrt(qu * qu + qv * qv);
        double ax = 1, ay = 0;
        if (sp > 1e-6) {
            ax = -qv / sp;
            ay = qu / sp;
        }
        const double half = 0.5 * rules_.sandbagLengthM;
        const auto cells = cellsOnSegment(m, u.tx - ax * half, u.ty - ay * half, u.tx + ax * half,
                                          u.ty + ay * half);
        for (std::size_t c : cells) solver_->raiseBed(c, rules_.sandbagRaiseM);
        ctx.emit("sandbags_placed", {{"unit", u.id},
                                     {"x", fixed(u.tx, 0)},
                                     {"y", fixed(u.ty, 0)},
                                     {"cells", std::to_string(cells.size())}});
    } else if (kind == "deploy_pump") {
        solver_->addPump(cellOf(u.tx, u.ty), rules_.pumpRateM3S);
        ctx.emit("pump_running", {{"unit", u.id},
                                  {"x", fixed(u.tx, 0)},
                                  {"y", fixed(u.ty, 0)},
                                  {"m3_s", fixed(rules_.pumpRateM3S, 2)}});
    }
}

bool FloodHazard::fillTerrain(FieldGrid& grid) const {
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i) {
            const std::size_t c = cellOf(grid.centreX(i), grid.centreY(j));
            grid.at(i, j) = c == kOff ? std::numeric_limits<double>::quiet_NaN() : solver_->bed(c);
        }
    return true;
}

bool FloodHazard::flowAt(double x, double y, double& u, double& v) const {
    const std::size_t c = cellOf(x, y);
    if (c == kOff || solver_->depth(c) < kGaugeWetM) return false;
    solver_->velocity(c, u, v);
    return u != 0 || v != 0;
}

std::vector<Choice> FloodHazard::choices(const std::string& list) const {
    std::vector<Choice> out;
    if (list == "breaches")
        for (const auto& b : config_.breaches) out.push_back(Choice{b.id, "", "", ""});
    return out;
}

std::vector<MapMarker> FloodHazard::markers() const {
    std::vector<MapMarker> out;
    for (std::size_t k = 0; k < config_.inflows.size(); ++k) {
        const auto& f = config_.inflows[k];
        out.push_back(MapMarker{"marker.inflow", f.id, f.x, f.y, MarkerShape::Diamond, 0x3c8cffff,
                                inflowStarted_[k]});
    }
    for (std::size_t k = 0; k < config_.breaches.size(); ++k) {
        const auto& b = config_.breaches[k];
        out.push_back(MapMarker{"marker.breach", b.id, b.x, b.y, MarkerShape::Cross, 0xff3c3cff,
                                solver_->breachOpen(k)});
    }
    for (std::size_t k = 0; k < config_.gauges.size(); ++k) {
        const auto& g = config_.gauges[k];
        out.push_back(MapMarker{"marker.gauge", g.id, g.x, g.y, MarkerShape::Square, 0xe6e6e6ff,
                                gaugeWet_[k]});
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> FloodHazard::conditions() const {
    return {{"param.rain_mm_h", fixed(rainMmH_, 1) + " mm/h"}};
}

void FloodHazard::hashInto(StateHasher& h) const {
    h.add(solver_->timeS());
    h.add(static_cast<std::uint64_t>(solver_->steps()));
    const FloodBudget b = solver_->budget();
    h.add(b.inflowM3);
    h.add(b.outflowM3);
    h.add(b.rainM3);
    h.add(b.storedM3);  // a sum of every depth: any differing cell changes it
    h.add(passVersion_);
    h.add(rainMmH_);
    for (bool x : inflowStarted_) h.add(x);
    for (bool x : gaugeWet_) h.add(x);
    h.add(sandbagWallsUsed_);
    h.add(pumpsUsed_);
}

}  // namespace drillbase::sim
