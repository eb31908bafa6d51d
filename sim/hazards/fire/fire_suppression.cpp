// fire_suppression.cpp — what crews do to the fire (see fire_hazard.h): firelines built cell by
// cell at the production rate of the fuel they cross, held unless the flames reaching them are
// longer than the line holds; water drops that slow the cells under them for a while;
// backfires; safety zones checked against four flame lengths; retreat; the hot spot's
// verification; and the instructor's spot fires.
#include "sim/hazards/fire/fire_hazard.h"

#include "sim/engine/drill_state.h"
#include "sim/math/det_math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace drillbase::sim {

namespace {

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Byram (1959): flame length L = 0.0775 I^0.46 (m, kW/m). Along a direction where the fire
// spreads at a fraction q of the head rate the intensity is q times the head's, so the flame is
// q^0.46 times as long (as BehavePlus computes flank and back flames).
double flameAtFraction(double headFlameM, double q) {
    if (!(q > 0) || !(headFlameM > 0)) return 0;
    return headFlameM * dmath::exp(0.46 * dmath::log(q));
}

}  // namespace

std::vector<std::size_t> FireHazard::cellsAlong(double x0, double y0, double x1, double y1) const {
    // Samples every quarter cell along the segment: each cell it passes through, once, in order.
    std::vector<std::size_t> out;
    const double len = std::hypot(x1 - x0, y1 - y0);
    const int n = std::max(1, static_cast<int>(std::ceil(len / (0.25 * land_->cellM))));
    for (int k = 0; k <= n; ++k) {
        const double t = static_cast<double>(k) / n;
        const std::size_t c = cellOf(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        if (c != kOff && (out.empty() || out.back() != c)) out.push_back(c);
    }
    return out;
}

double FireHazard::flameToward(std::size_t from, std::size_t to) const {
    const auto nc = static_cast<std::size_t>(land_->ncols);
    const double dx = static_cast<double>(to % nc) - static_cast<double>(from % nc);
    const double dy = static_cast<double>(to / nc) - static_cast<double>(from / nc);
    double bearing = dmath::atan2(dx, dy) * 180.0 / std::numbers::pi;
    if (bearing < 0) bearing += 360;
    const fire::CellRates r = rates_->at(from, spread_->arrivalS(from));
    if (!(r.headMS > 0)) return 0;
    return flameAtFraction(flame_[from], fire::rateToward(r, bearing) / r.headMS);
}

void FireHazard::checkLineAt(std::size_t lineCell, std::size_t fromCell, DrillContext& ctx) {
    // The rule (Andrews & Rothermel 1982, content/hazards/fire.json): a line holds a front whose
    // flame length towards it is below the line's value; a longer flame crosses it. Spotting is
    // not modelled (the instructor injects spot fires).
    Line& l = lines_[static_cast<std::size_t>(lineOf_[lineCell])];
    const double flame = flameToward(fromCell, lineCell);
    const double holds = rules_.holdsBelowFlameM.at(l.kind);
    if (flame < holds) return;
    spread_->clearBarrier(lineCell);
    if (!l.breached) {
        l.breached = true;
        ctx.emit("fireline_breached", {{"line", l.id},
                                       {"line_kind", lineKindName(l.kind)},
                                       {"flame_m", fixed(flame, 1)},
                                       {"holds_below_m", fixed(holds, 1)}});
    }
}

void FireHazard::claimCell(std::size_t c, std::size_t line) {
    // A cell of fuel becomes line; where lines cross or one is laid over another (an engine's
    // wet line over a hand line) the cell holds as the stronger of them.
    if (!land_->burnable(c) || !(spread_->isBarrier(c) || spread_->setBarrier(c))) return;
    const auto holds = [&](std::size_t k) { return rules_.holdsBelowFlameM.at(lines_[k].kind); };
    if (lineOf_[c] < 0 || holds(line) > holds(static_cast<std::size_t>(lineOf_[c])))
        lineOf_[c] = static_cast<std::int16_t>(line);
}

void FireHazard::attackStarted(DrillContext& ctx, const char* how) {
    if (attackStarted_) return;
    attackStarted_ = true;
    attackS_ = nowS_;
    ctx.emit("fire_attack_started", {{"by", how}, {"minutes", fixed(nowS_ / 60.0, 0)}});
}

void FireHazard::stepLines(DrillContext& ctx) {
    for (std::size_t k = 0; k < lines_.size(); ++k) {
        Line& l = lines_[k];
        if (!l.building) continue;
        UnitState* u = ctx.unit(l.unit);
        const bool onIt = u && u->task == UnitTask::Tasked && u->taskKind == "build_fireline" &&
                          u->taskTarget == l.id;
        if (!onIt) {  // sent elsewhere: the line ends where the crew left it
            l.building = false;
            ctx.emit("fireline_stopped",
                     {{"line", l.id}, {"unit", l.unit}, {"cells", std::to_string(l.built)}});
            continue;
        }
        const double worked = nowS_ - l.startS;
        while (l.built < l.cells.size() && l.doneAtS[l.built] <= worked) {
            const std::size_t c = l.cells[l.built++];
            claimCell(c, k);
            if (l.built == 1) attackStarted(ctx, "fireline");
        }
        // The crew moves with the head of its line.
        const double f = l.doneAtS.empty() || l.doneAtS.back() <= 0
                             ? 1.0
                             : std::min(1.0, worked / l.doneAtS.back());
        u->x = l.x0 + (l.x1 - l.x0) * f;
        u->y = l.y0 + (l.y1 - l.y0) * f;
    }
}

void FireHazard::stepDrops(DrillContext& ctx) {
    for (Drop& d : drops_) {
        if (!d.active || d.untilS > nowS_) continue;
        d.active = false;
        for (std::size_t c : d.cells) spread_->scaleRate(c, 1.0 / rules_.dropRateFactor);
        ctx.emit("water_drop_dried", {{"x", fixed(d.x, 0)}, {"y", fixed(d.y, 0)}});
    }
}

double FireHazard::requiredSafetyRadius(double x, double y, double radiusM) const {
    // Butler & Cohen (1998): the crew must be at least safety_zone_flame_multiple flame lengths
    // from the flames. The flames that can reach the zone's edge are those of the fuel around
    // it under the wind now: the largest head flame length within one cell outside the edge.
    double worst = 0;
    const double reach = radiusM + 2 * land_->cellM;
    const long long r = static_cast<long long>(std::ceil(reach / land_->cellM));
    const std::size_t c = cellOf(x, y);
    if (c == kOff) return 0;
    const auto nc = static_cast<long long>(land_->ncols);
    const long long ci = static_cast<long long>(c) % nc, cj = static_cast<long long>(c) / nc;
    for (long long j = std::max(0LL, cj - r); j <= std::min<long long>(land_->nrows - 1, cj + r);
         ++j)
        for (long long i = std::max(0LL, ci - r); i <= std::min(nc - 1, ci + r); ++i) {
            const double cx = (static_cast<double>(i) + 0.5) * land_->cellM - x;
            const double cy = (static_cast<double>(j) + 0.5) * land_->cellM - y;
            const double d = std::sqrt(cx * cx + cy * cy);
            if (d > reach || d < radiusM - land_->cellM) continue;
            const auto n = static_cast<std::size_t>(j * nc + i);
            if (spread_->state(n) == fire::CellState::burned) continue;  // the black cannot burn
            worst = std::max(worst, rates_->behaviourAt(n, nowS_).flameLengthM);
        }
    return rules_.safetyZoneFlameMultiple * worst;
}

bool FireHazard::apply(const Command& c, DrillContext& ctx) {
    if (c.is("spot_fire")) {
        const std::size_t cell = cellOf(c.x, c.y);
        if (cell == kOff || !land_->burnable(cell) || !spread_->ignite(cell, spread_->timeS())) {
            ctx.reject(c, "the spot fire must fall on unburned fuel inside the landscape");
            return true;
        }
        containedS_ = -1;  // a spot over the line: the fire is not contained any more
        ctx.emit("spot_fire", {{"x", fixed(c.x, 0)}, {"y", fixed(c.y, 0)}});
        return true;
    }
    const bool line = c.is("build_fireline"), drop = c.is("water_drop"), back = c.is("backfire");
    const bool zone = c.is("set_safety_zone"), retreat = c.is("retreat_to_safety_zone");
    const bool verify = c.is("verify_hotspot");
    if (!line && !drop && !back && !zone && !retreat && !verify) return false;
    UnitState* u = ctx.unit(c.unit);
    if (!u) {
        ctx.reject(c, "unknown unit \"" + c.unit + "\"");
        return true;
    }
    if ((line || drop || back || zone) && cellOf(c.x, c.y) == kOff) {
        ctx.reject(c, "the point is outside the landscape");
        return true;
    }
    if (line) {
        const auto kind = rules_.lineKindOf(u->kind);
        if (!kind) {
            ctx.reject(c, "a unit of kind \"" + u->kind + "\" builds no fireline");
            return true;
        }
        Line l;
        // Numbered among the trainee's lines (the scenario's firebreaks keep their own ids).
        const auto ordered =
            std::count_if(lines_.begin(), lines_.end(), [](const Line& x) { return !x.preset; });
        l.id = "line-" + std::to_string(ordered + 1);
        l.unit = u->id;
        l.kind = *kind;
        l.x0 = u->x;
        l.y0 = u->y;
        l.x1 = c.x;
        l.y1 = c.y;
        l.cells = cellsAlong(u->x, u->y, c.x, c.y);
        l.startS = nowS_;
        // Work per cell: one cell side of line at the production rate of its fuel; bare ground
        // needs no line and is crossed at the crew's speed.
        const double step =
            std::hypot(c.x - u->x, c.y - u->y) / std::max<std::size_t>(1, l.cells.size());
        double t = 0;
        for (std::size_t cell : l.cells) {
            const double rate =
                land_->burnable(cell) ? rules_.productionMS(u->kind, land_->code(cell)) : 0;
            t += rate > 0 ? step / rate : step / std::max(0.1, u->speedMS);
            l.doneAtS.push_back(t);
        }
        UnitTaskOrder o{"build_fireline", l.id, c.x, c.y, false, std::max(1.0, t), {}};
        ctx.assign(*u, o);
        ctx.emit("fireline_ordered",
                 {{"unit", u->id},
                  {"line", l.id},
                  {"line_kind", lineKindName(l.kind)},
                  {"length_m", fixed(step * static_cast<double>(l.cells.size()), 0)},
                  {"minutes", fixed(t / 60.0, 0)}});
        lines_.push_back(std::move(l));
        return true;
    }
    if (drop) {
        if (u->kind != "helicopter") {
            ctx.reject(c, "only a helicopter drops water");
            return true;
        }
        if (config_.drops >= 0 && dropsUsed_ >= config_.drops) {
            ctx.reject(c, "no drops left (" + std::to_string(config_.drops) + " in this scenario)");
            return true;
        }
        ++dropsUsed_;
        Drop d;
        d.x = c.x;
        d.y = c.y;
        d.active = false;
        drops_.push_back(d);
        // Fill, fly out and drop: the work time plus the flight from where the helicopter is.
        const double fly = std::hypot(c.x - u->x, c.y - u->y) / std::max(1.0, u->speedMS);
        ctx.assign(*u, UnitTaskOrder{"water_drop",
                                     "drop-" + std::to_string(drops_.size()),
                                     c.x,
                                     c.y,
                                     false,
                                     rules_.dropWorkS + fly,
                                     {}});
        ctx.emit("water_drop_ordered",
                 {{"unit", u->id}, {"minutes", fixed((rules_.dropWorkS + fly) / 60.0, 0)}});
        return true;
    }
    if (back) {
        if (!rules_.lineKindOf(u->kind)) {
            ctx.reject(c, "a unit of kind \"" + u->kind + "\" lights no backfire");
            return true;
        }
        ctx.assign(*u, UnitTaskOrder{"backfire", "", c.x, c.y, true, rules_.backfireWorkS, {}});
        return true;
    }
    if (zone) {
        zones_[u->id] = SafetyZoneDef{u->id, c.x, c.y, c.radius};
        const double need = requiredSafetyRadius(c.x, c.y, c.radius);
        ctx.emit("safety_zone_set", {{"unit", u->id},
                                     {"radius_m", fixed(c.radius, 0)},
                                     {"required_m", fixed(need, 0)},
                                     {"adequate", c.radius >= need ? "yes" : "no"}});
        return true;
    }
    if (retreat) {
        const auto it = zones_.find(u->id);
        if (it == zones_.end()) {
            ctx.reject(c, "no safety zone set for " + u->id);
            return true;
        }
        ctx.assign(
            *u, UnitTaskOrder{
                    "retreat", "", it->second.x, it->second.y, true, 0, {{"to", "safety_zone"}}});
        return true;
    }
    // verify_hotspot
    if (!config_.hotSpot || c.target != config_.hotSpot->id) {
        ctx.reject(c, "unknown hot spot \"" + c.target + "\"");
        return true;
    }
    if (!hotSpotReported_) {
        ctx.reject(c, "no hot spot has been reported yet");
        return true;
    }
    ctx.assign(*u, UnitTaskOrder{"verify_hotspot",
                                 config_.hotSpot->id,
                                 config_.hotSpot->x,
                                 config_.hotSpot->y,
                                 true,
                                 rules_.hotSpotCheckWorkS,
                                 {{"hot_spot", config_.hotSpot->id}}});
    return true;
}

void FireHazard::finishTask(UnitState& u, const std::string& kind, const std::string& target,
                            DrillContext& ctx) {
    if (kind == "build_fireline") {
        for (std::size_t k = 0; k < lines_.size(); ++k) {
            Line& l = lines_[k];
            if (l.id != target || !l.building) continue;
            for (; l.built < l.cells.size(); ++l.built) {
                const std::size_t c = l.cells[l.built];
                claimCell(c, k);
            }
            attackStarted(ctx, "fireline");
            l.building = false;
            u.x = l.x1;
            u.y = l.y1;
            ctx.emit("fireline_completed", {{"unit", u.id},
                                            {"line", l.id},
                                            {"line_kind", lineKindName(l.kind)},
                                            {"cells", std::to_string(l.cells.size())}});
        }
    } else if (kind == "water_drop") {
        const std::size_t k = static_cast<std::size_t>(std::stoul(target.substr(5))) - 1;
        if (k >= drops_.size()) return;
        Drop& d = drops_[k];
        const double r = rules_.dropRadiusM;
        // Every cell whose centre lies within the drop's radius.
        const long long rr = static_cast<long long>(std::ceil(r / land_->cellM));
        const std::size_t c0 = cellOf(d.x, d.y);
        const auto nc = static_cast<long long>(land_->ncols);
        const long long ci = static_cast<long long>(c0) % nc, cj = static_cast<long long>(c0) / nc;
        for (long long j = std::max(0LL, cj - rr);
             j <= std::min<long long>(land_->nrows - 1, cj + rr); ++j)
            for (long long i = std::max(0LL, ci - rr); i <= std::min(nc - 1, ci + rr); ++i) {
                const double dx = (static_cast<double>(i) + 0.5) * land_->cellM - d.x;
                const double dy = (static_cast<double>(j) + 0.5) * land_->cellM - d.y;
                const auto c = static_cast<std::size_t>(j * nc + i);
                if (dx * dx + dy * dy <= r * r && spread_->scaleRate(c, rules_.dropRateFactor))
                    d.cells.push_back(c);
            }
        d.active = true;
        d.untilS = nowS_ + rules_.dropDurationS;
        attackStarted(ctx, "water_drop");
        ctx.emit("water_dropped", {{"unit", u.id},
                                   {"x", fixed(d.x, 0)},
                                   {"y", fixed(d.y, 0)},
                                   {"cells", std::to_string(d.cells.size())}});
    } else if (kind == "backfire") {
        const std::size_t c = cellOf(u.x, u.y);
        if (c != kOff && land_->burnable(c) && spread_->ignite(c, spread_->timeS())) {
            attackStarted(ctx, "backfire");
            ctx.emit("backfire_lit", {{"unit", u.id}, {"x", fixed(u.x, 0)}, {"y", fixed(u.y, 0)}});
        } else {
            ctx.emit("backfire_failed", {{"unit", u.id}, {"reason", "no unburned fuel here"}});
        }
    } else if (kind == "retreat") {
        ctx.emit("crew_in_safety_zone", {{"unit", u.id}});
    } else if (kind == "verify_hotspot") {
        // A fire within the hot spot's pixel (a 1 km MODIS pixel's half-width) confirms it.
        bool fire = false;
        for (const std::uint32_t c : spread_->arrivalOrder()) {
            const auto nc = static_cast<std::size_t>(land_->ncols);
            const double cx = (static_cast<double>(c % nc) + 0.5) * land_->cellM;
            const double cy = (static_cast<double>(c / nc) + 0.5) * land_->cellM;
            if (std::hypot(cx - u.x, cy - u.y) <= 500) {
                fire = true;
                break;
            }
        }
        if (hotSpotVerifiedS_ < 0) hotSpotVerifiedS_ = nowS_ - config_.hotSpot->reportS;
        ctx.emit("hotspot_verified", {{"hot_spot", target},
                                      {"unit", u.id},
                                      {"fire", fire ? "yes" : "no"},
                                      {"minutes", fixed(hotSpotVerifiedS_ / 60.0, 0)}});
    }
}

}  // namespace drillbase::sim
