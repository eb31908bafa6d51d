// fire_hazard.cpp — the fire hazard's time step, harm and report figures (see fire_hazard.h).
#include "sim/hazards/fire/fire_hazard.h"

#include "sim/engine/drill_state.h"
#include "sim/math/det_math.h"

#include <algorithm>
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

}  // namespace

FireHazard::FireHazard(const Scenario& scenario, const FireConfig& config, const FireRules& rules,
                       const fire::FuelModelTable& fuels)
    : config_(config), rules_(rules), land_(config.landscape), buildings_(scenario.map.buildings) {
    rates_ = std::make_unique<fire::LandscapeRates>(*land_, fuels, config_.moisture);
    rates_->setWind(
        {fire::WindPeriod{0, scenario.weather.windSpeedMS, scenario.weather.windFromDeg}});
    wind_ = Wind{scenario.weather.windSpeedMS, scenario.weather.windFromDeg};
    spread_ = std::make_unique<fire::FireSpread>(land_->ncols, land_->nrows, land_->cellM, *rates_);
    flame_.assign(land_->cellCount(), 0.0f);
    lineOf_.assign(land_->cellCount(), -1);
    ignited_.assign(config_.ignitions.size(), false);
    for (const std::string& id : config_.sites)
        for (const Rect& b : buildings_)
            if (b.id == id) sites_.push_back(b);
    siteReached_.assign(sites_.size(), false);
    for (const SafetyZoneDef& z : config_.safetyZones) zones_[z.unit] = z;
    // Firebreaks already on the ground (roads, ploughed strips): lines that exist from the start.
    for (const FireBreakDef& b : config_.firebreaks) {
        Line l;
        l.id = b.id;
        l.kind = LineKind::Break;
        l.x0 = b.x0;
        l.y0 = b.y0;
        l.x1 = b.x1;
        l.y1 = b.y1;
        l.cells = cellsAlong(b.x0, b.y0, b.x1, b.y1);
        l.doneAtS.assign(l.cells.size(), 0);
        l.building = false;
        l.preset = true;
        l.built = l.cells.size();
        lines_.push_back(std::move(l));
        for (std::size_t c : lines_.back().cells) claimCell(c, lines_.size() - 1);
    }
    // The legend colours flames by what can hold them (Andrews & Rothermel 1982): any flames,
    // too hot for a hand line, beyond any line at the head; burned-out ground in grey.
    legend_.quantityKey = "legend.flame_length";
    legend_.unit = "m";
    const double hand = rules_.holdsBelowFlameM.at(LineKind::Hand);
    const double brk = rules_.holdsBelowFlameM.at(LineKind::Break);
    legend_.levels = {
        {"legend.fire_flames", "< " + fixed(hand, 1) + " m", 0.02, 0xffd23cc8},
        {"legend.fire_beyond_hand", "≥ " + fixed(hand, 1) + " m", hand, 0xff7814d8},
        {"legend.fire_beyond_lines", "≥ " + fixed(brk, 1) + " m", brk, 0xc80a0ae6},
    };
    legend_.harmKeys = {"harm.fire_near", "harm.fire_radiant", "harm.fire_overrun"};
    // "In the hot zone": within the radiant-injury distance.
    legend_.hotLevel = rules_.radiantLevel;
    legend_.shownFrom = kBurnedMark * 0.5;
    legend_.shownRgba = 0x2d2d2da0;
    legend_.shownKey = "legend.fire_burned";
}

std::size_t FireHazard::cellOf(double x, double y) const {
    if (!(x >= 0) || !(y >= 0)) return kOff;
    const auto i = static_cast<long long>(x / land_->cellM);
    const auto j = static_cast<long long>(y / land_->cellM);
    if (i >= land_->ncols || j >= land_->nrows) return kOff;
    return static_cast<std::size_t>(j * land_->ncols + i);
}

void FireHazard::begin(DrillContext& ctx) {
    step(0, 0, ctx.state().wind, ctx);
}

void FireHazard::step(std::int64_t tick, double dtS, const Wind& wind, DrillContext& ctx) {
    const double tickS = static_cast<double>(tick * ctx.state().tickMillis) / 1000.0;
    (void)dtS;
    // The drill's wind (10 m, as the weather station gives it) drives the rates; a change the
    // instructor injects (or a Weather.csv hour) applies to the spread that leaves from now on.
    if (wind.speedMS != wind_.speedMS || wind.fromDeg != wind_.fromDeg) {
        rates_->changeWind(tickS, wind.speedMS, wind.fromDeg);
        spread_->ratesChanged();
        wind_ = wind;
    }
    for (std::size_t k = 0; k < config_.ignitions.size(); ++k) {
        const FireIgnition& g = config_.ignitions[k];
        if (ignited_[k] || g.atS > tickS) continue;
        ignited_[k] = true;
        const std::size_t c = cellOf(g.x, g.y);
        if (c != kOff && spread_->ignite(c, std::max(g.atS, spread_->timeS())))
            ctx.emit("fire_ignited", {{"id", g.id}, {"x", fixed(g.x, 0)}, {"y", fixed(g.y, 0)}});
    }
    if (config_.hotSpot && !hotSpotReported_ && config_.hotSpot->reportS <= tickS) {
        hotSpotReported_ = true;
        ctx.emit("hotspot_reported", {{"hot_spot", config_.hotSpot->id},
                                      {"x", fixed(config_.hotSpot->x, 0)},
                                      {"y", fixed(config_.hotSpot->y, 0)}});
    }
    if (!fireReported_) {
        double at = config_.reportS;
        if (at < 0 && !config_.ignitions.empty()) {
            at = config_.ignitions.front().atS;
            for (const auto& g : config_.ignitions) at = std::min(at, g.atS);
        }
        if (config_.hotSpot && config_.reportS < 0) at = config_.hotSpot->reportS;
        if (at <= tickS) {
            fireReported_ = true;
            ctx.emit("fire_reported", {{"minutes", fixed(tickS / 60.0, 0)}});
        }
    }
    nowS_ = tickS;
    spread_->advanceTo(tickS);
    readNewArrivals(ctx);
    stepLines(ctx);
    stepDrops(ctx);
    stepAgents(ctx);
    if (tickS >= nextContainmentCheckS_) {
        nextContainmentCheckS_ = tickS + rules_.containmentCheckS;
        checkEscapeRoutes(ctx);
        // The fire can spread nowhere more. With crews' work on it that is containment (控制);
        // without any, it has burned out against bare ground, which no rubric should reward.
        if (containedS_ < 0 && !burnedOut_ && spread_->burnedCells() > 0 &&
            spread_->pendingCells() == 0) {
            const std::map<std::string, std::string> attrs = {
                {"area_ha", fixed(spread_->burnedAreaM2() / 1e4, 1)},
                {"minutes", fixed(tickS / 60.0, 0)}};
            if (attackStarted_) {
                containedS_ = tickS;
                ctx.emit("fire_contained", attrs);
            } else {
                burnedOut_ = true;
                ctx.emit("fire_burned_out", attrs);
            }
        }
    }
    if (tickS >= nextPassRefreshS_) {
        // Burning cells close the ground to people and vehicles; re-read every
        // passability_refresh_s when the fire has moved, so the engine re-plans routes around it.
        nextPassRefreshS_ = tickS + rules_.passabilityRefreshS;
        const std::size_t burned = spread_->burnedCells();
        if (burned != passBurning_) {
            passBurning_ = burned;
            ++passVersion_;
        }
    }
}

void FireHazard::readNewArrivals(DrillContext& ctx) {
    const auto& order = spread_->arrivalOrder();
    for (; readArrivals_ < order.size(); ++readArrivals_) {
        const std::size_t c = order[readArrivals_];
        const double at = spread_->arrivalS(c);
        const fire::SurfaceFire f = rates_->behaviourAt(c, at);
        flame_[c] = static_cast<float>(f.flameLengthM);
        peakFlameM_ = std::max(peakFlameM_, f.flameLengthM);
        peakLengthToWidth_ = std::max(peakLengthToWidth_, f.lengthToWidth);
        // A line beside the new flames is tested against their flame length towards it.
        const long long i = static_cast<long long>(c % static_cast<std::size_t>(land_->ncols));
        const long long j = static_cast<long long>(c / static_cast<std::size_t>(land_->ncols));
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                const long long ni = i + dx, nj = j + dy;
                if ((dx == 0 && dy == 0) || ni < 0 || nj < 0 || ni >= land_->ncols ||
                    nj >= land_->nrows)
                    continue;
                const auto n = static_cast<std::size_t>(nj * land_->ncols + ni);
                if (lineOf_[n] >= 0 && spread_->isBarrier(n)) checkLineAt(n, c, ctx);
            }
        // Sites (a village, a school, a key facility) are reached when flames come within
        // site_reach_m of them.
        const double cx = (static_cast<double>(i) + 0.5) * land_->cellM;
        const double cy = (static_cast<double>(j) + 0.5) * land_->cellM;
        for (std::size_t k = 0; k < sites_.size(); ++k) {
            if (siteReached_[k]) continue;
            const Rect& b = sites_[k];
            const double ex = std::max({b.x - cx, 0.0, cx - (b.x + b.w)});
            const double ey = std::max({b.y - cy, 0.0, cy - (b.y + b.h)});
            if (ex * ex + ey * ey <= rules_.siteReachM * rules_.siteReachM) {
                siteReached_[k] = true;
                ctx.emit("fire_reached_site", {{"site", b.id},
                                               {"flame_m", fixed(f.flameLengthM, 1)},
                                               {"minutes", fixed(at / 60.0, 0)}});
            }
        }
    }
}

int FireHazard::levelAt(double x, double y, double& nearestFlamesM) const {
    nearestFlamesM = std::numeric_limits<double>::infinity();
    const std::size_t c = cellOf(x, y);
    if (c == kOff) return 0;
    if (spread_->state(c) == fire::CellState::burning) {
        nearestFlamesM = 0;
        return rules_.overrunLevel;
    }
    // Flames closer than the safety multiple of their flame length radiate enough to burn
    // (Butler & Cohen 1998); within near_m the fire is close by.
    const double reach = std::max(rules_.nearM, rules_.safetyZoneFlameMultiple * peakFlameM_);
    const long long r = static_cast<long long>(std::ceil(reach / land_->cellM));
    const long long ci = static_cast<long long>(c % static_cast<std::size_t>(land_->ncols));
    const long long cj = static_cast<long long>(c / static_cast<std::size_t>(land_->ncols));
    int level = 0;
    for (long long j = std::max(0LL, cj - r); j <= std::min<long long>(land_->nrows - 1, cj + r);
         ++j)
        for (long long i = std::max(0LL, ci - r);
             i <= std::min<long long>(land_->ncols - 1, ci + r); ++i) {
            const auto n = static_cast<std::size_t>(j * land_->ncols + i);
            if (spread_->state(n) != fire::CellState::burning) continue;
            // Distance to the nearest point of the burning cell.
            const double x0 = static_cast<double>(i) * land_->cellM,
                         y0 = static_cast<double>(j) * land_->cellM;
            const double ex = std::max({x0 - x, 0.0, x - (x0 + land_->cellM)});
            const double ey = std::max({y0 - y, 0.0, y - (y0 + land_->cellM)});
            const double d = std::sqrt(ex * ex + ey * ey);
            nearestFlamesM = std::min(nearestFlamesM, d);
            if (d < rules_.safetyZoneFlameMultiple * flame_[n])
                level = std::max(level, rules_.radiantLevel);
            else if (d <= rules_.nearM)
                level = std::max(level, 1);
        }
    return level;
}

void FireHazard::harm(const Exposure& e, Harm& h, double dtS) const {
    double nearest = 0;
    int level = levelAt(e.x, e.y, nearest);
    // Indoors a person is shielded from radiant heat while the house stands (the village cells
    // do not burn in the landscape): at most "fire close by".
    if (e.building >= 0) level = std::min(level, 1);
    const double intensity = level >= rules_.overrunLevel ? flame_[cellOf(e.x, e.y)] : 0.0;
    h.level = level;
    h.worstLevel = std::max(h.worstLevel, level);
    h.peak = std::max(h.peak, intensity);
    h.dose += intensity * dtS;
    if (level >= rules_.radiantLevel) h.load += dtS;  // seconds in radiant danger
}

void FireHazard::checkEscapeRoutes(DrillContext& ctx) {
    // LCES (lookouts, communications, escape routes, safety zones): a route that runs through
    // flames is no escape. Reported when it is cut and again when it is clear.
    for (const auto& [unit, z] : zones_) {
        const auto at = crewAt_.find(unit);
        if (at == crewAt_.end()) continue;
        const auto [x, y] = at->second;
        const bool inside = std::hypot(x - z.x, y - z.y) <= z.radiusM;
        bool cut = false;
        if (!inside)
            for (const std::size_t c : cellsAlong(x, y, z.x, z.y))
                if (spread_->state(c) == fire::CellState::burning) {
                    cut = true;
                    break;
                }
        bool& was = routeCut_[unit];
        if (cut != was) ctx.emit(cut ? "escape_route_cut" : "escape_route_clear", {{"unit", unit}});
        was = cut;
    }
}

void FireHazard::stepAgents(DrillContext& ctx) {
    // Crews: overrun by the front (entrapment, 被火围困) or too close to flames (radiant burns):
    // reported once per crew at each new worst level, for the safety items of the rubric.
    for (const UnitState& u : ctx.state().units) {
        if (zones_.count(u.id)) crewAt_[u.id] = {u.x, u.y};
        double nearest = 0;
        const int level = levelAt(u.x, u.y, nearest);
        int& worst = crewWorst_[u.id];
        if (level <= worst || level < rules_.radiantLevel) continue;
        worst = level;
        const bool inZone =
            zones_.count(u.id) &&
            std::hypot(u.x - zones_.at(u.id).x, u.y - zones_.at(u.id).y) <= zones_.at(u.id).radiusM;
        ctx.emit(level >= rules_.overrunLevel ? "crew_entrapped" : "crew_too_close_to_flames",
                 {{"unit", u.id},
                  {"in_safety_zone", inZone ? "yes" : "no"},
                  {"distance_m", std::isfinite(nearest) ? fixed(nearest, 0) : "0"}});
    }
}

void FireHazard::addOutcomes(const DrillState& s, std::map<std::string, double>& o) const {
    o["fire_burned_area_ha"] = spread_->burnedAreaM2() / 1e4;
    o["fire_front_length_m"] = spread_->perimeterM();
    o["fire_contained"] = containedS_ >= 0 ? 1 : 0;
    o["fire_contained_s"] = containedS_;
    o["fire_uncontained"] = containedS_ >= 0 ? 0 : 1;
    int entrapped = 0, tooClose = 0;
    for (const UnitState& u : s.units) {
        if (u.harm.worstLevel >= rules_.overrunLevel)
            ++entrapped;
        else if (u.harm.worstLevel >= rules_.radiantLevel)
            ++tooClose;
    }
    o["fire_crews_entrapped"] = entrapped;
    o["fire_crews_too_close"] = tooClose;
    o["fire_crews_unsafe"] = entrapped + tooClose;
    o["fire_sites_reached"] =
        static_cast<double>(std::count(siteReached_.begin(), siteReached_.end(), true));
    int breached = 0;
    for (const Line& l : lines_) breached += l.breached ? 1 : 0;
    o["fire_lines_breached"] = breached;
    o["fire_hotspot_verified_s"] = hotSpotVerifiedS_;
    o["fire_attack_s"] = attackS_;
    o["fire_peak_flame_m"] = peakFlameM_;
}

nlohmann::json FireHazard::validityNotes(const DrillState&) const {
    nlohmann::json notes = nlohmann::json::array();
    // What the model leaves out, so that the debrief does not over-read it.
    notes.push_back({{"issue", "fire_surface_only"},
                     {"value", 0},
                     {"limit", 0},
                     {"detail",
                      "surface fire only: no crown fire and no spotting (the instructor "
                      "injects spot fires); rates from Rothermel (1972)"}});
    const double brk = rules_.holdsBelowFlameM.at(LineKind::Break);
    if (peakFlameM_ >= brk)
        notes.push_back({{"issue", "fire_crowning_likely"},
                         {"value", peakFlameM_},
                         {"limit", brk},
                         {"detail",
                          "peak flame length (m) above which crowning, spotting and major "
                          "runs are likely (Andrews & Rothermel 1982): the fire may be "
                          "faster than the surface model says"}});
    // The grid's 80 directions carry an ellipse's head to within 11 % up to L/W 5
    // (sim/fire/fire_spread.h); a narrower one arrives later than it should.
    if (peakLengthToWidth_ > 5)
        notes.push_back({{"issue", "fire_narrow_head"},
                         {"value", peakLengthToWidth_},
                         {"limit", 5},
                         {"detail",
                          "peak length-to-width ratio of the spread ellipse: above 5 the "
                          "grid's head lags the ellipse's by more than 11 %"}});
    return notes;
}

}  // namespace drillbase::sim
