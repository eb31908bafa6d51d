// drill_agents.cpp — units and people over one tick: movement, on-site work, orders reaching
// people after the warning delay, shelter air exchange and exposure.
#include "sim/engine/drill.h"
#include "sim/engine/drill_internal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drillbase::sim {

using namespace detail;

bool Drill::travel(double& x, double& y, double tx, double ty, Waypoints& path, double speed,
                   double dt) const {
    if (path.empty() || path.back() != std::make_pair(tx, ty)) path = nav_.route(x, y, tx, ty);
    return followPath(x, y, path, speed, dt);
}

void Drill::finishUnitWork(UnitState& u) {
    switch (u.task) {
        case UnitTask::DonningPpe:
            u.ppe = true;
            emit("ppe_donned", {{"unit", u.id}});
            break;
        case UnitTask::ClosingValve: {
            const Valve* v = findById(scenario_.map.valves, u.taskTarget);
            state_.closedValves.push_back(u.taskTarget);
            if (hazard_ && v) hazard_->stopSource(v->release, state_.tick);
            emit("valve_closed", {{"unit", u.id}, {"valve", u.taskTarget}});
            break;
        }
        case UnitTask::WaterCurtain:
            if (hazard_) hazard_->mitigate(u.x, u.y, kCurtainKnockdown);
            emit("water_curtain_set", {{"unit", u.id}});
            break;
        default: break;
    }
    u.task = UnitTask::Idle;
    u.workUntilTick = -1;
}

void Drill::stepUnits(double dt) {
    const auto levels = hazard_ ? hazard_->levels() : std::array<double, 3>{};
    for (auto& u : state_.units) {
        if (u.workUntilTick >= 0) {
            if (state_.tick >= u.workUntilTick) finishUnitWork(u);
            continue;
        }
        if (u.task == UnitTask::Idle) continue;
        const bool arrived = travel(u.x, u.y, u.tx, u.ty, u.path, u.speedMS, dt);
        if (u.task == UnitTask::Carrying) {
            for (auto& p : state_.people)
                if (p.id == u.taskTarget) {
                    p.x = u.x;
                    p.y = u.y;
                    if (arrived) {
                        p.action = PersonAction::Safe;
                        emit("casualty_rescued", {{"unit", u.id}, {"person", p.id}});
                    }
                }
        }
        if (!arrived) continue;
        switch (u.task) {
            case UnitTask::Moving:
                u.task = UnitTask::Idle;
                emit("unit_arrived", {{"unit", u.id}});
                break;
            case UnitTask::ClosingValve: {
                const Valve* v = findById(scenario_.map.valves, u.taskTarget);
                u.workUntilTick =
                    state_.tick +
                    static_cast<std::int64_t>((v ? v->workSeconds : 60) * 1000) / state_.tickMillis;
                emit("unit_arrived", {{"unit", u.id}, {"valve", u.taskTarget}});
                break;
            }
            case UnitTask::WaterCurtain: finishUnitWork(u); break;
            case UnitTask::Rescuing: {
                // Carry the casualty to the nearest assembly point.
                double best = std::numeric_limits<double>::max();
                for (const auto& ap : scenario_.map.assemblyPoints) {
                    const double d = std::hypot(ap.x - u.x, ap.y - u.y);
                    if (d < best) {
                        best = d;
                        u.tx = ap.x;
                        u.ty = ap.y;
                    }
                }
                for (auto& p : state_.people)
                    if (p.id == u.taskTarget) p.action = PersonAction::Carried;
                u.task = UnitTask::Carrying;
                emit("rescue_started", {{"unit", u.id}, {"person", u.taskTarget}});
                break;
            }
            case UnitTask::Carrying: u.task = UnitTask::Idle; break;
            default: break;
        }
    }
    // Every unit, moving, working or idle, is in the air where it stands.
    if (!hazard_) return;
    for (auto& u : state_.units) {
        const double c = hazard_->intensityAt(u.x, u.y, kBreathingHeightM);
        const bool hot = c >= levels[1];
        if (hot && !u.inHotZone)
            emit("unit_entered_hot_zone", {{"unit", u.id}, {"ppe", u.ppe ? "yes" : "no"}});
        u.inHotZone = hot;
        if (!u.ppe) {  // breathing apparatus on: the crew breathes none of it
            u.dose += c * dt;
            u.toxicLoad += hazard_->toxicLoadIncrement(c, dt);
        }
    }
}

void Drill::stepPeople(double dt) {
    const auto& buildings = scenario_.map.buildings;
    // Indoor air: single-zone mass balance, dC_in/dt = λ (C_out − C_in) with λ the air-change
    // rate, integrated exactly over the tick: C_in ← C_out + (C_in − C_out)·e^(−λ·dt).
    // (Wilson 1987, "Stay indoors or evacuate to avoid exposure to toxic gas?").
    for (std::size_t b = 0; b < buildings.size(); ++b) {
        const auto& r = buildings[b];
        const double out =
            hazard_ ? hazard_->intensityAt(r.x + r.w / 2, r.y + r.h / 2, kBreathingHeightM) : 0;
        const double decay = std::exp(-r.airChangesPerHour * dt / 3600.0);
        state_.indoorIntensity[b] = out + (state_.indoorIntensity[b] - out) * decay;
    }
    const auto levels = hazard_ ? hazard_->levels() : std::array<double, 3>{};
    for (auto& p : state_.people) {
        if (p.orderReachesTick >= 0 && state_.tick >= p.orderReachesTick &&
            p.action != PersonAction::Carried && p.action != PersonAction::Safe) {
            p.action = p.pending;
            p.orderReachesTick = -1;
            if (p.action == PersonAction::Evacuating) {
                p.tx = p.pendingX;
                p.ty = p.pendingY;
                p.building = -1;  // they leave the building
            } else if (p.action == PersonAction::Sheltering && p.building < 0) {
                // Nearest building; stay put if there is none.
                double best = std::numeric_limits<double>::max();
                p.tx = p.x;
                p.ty = p.y;
                for (const auto& r : buildings) {
                    const double d = std::hypot(r.x + r.w / 2 - p.x, r.y + r.h / 2 - p.y);
                    if (d < best) {
                        best = d;
                        p.tx = r.x + r.w / 2;
                        p.ty = r.y + r.h / 2;
                    }
                }
            }
            emit("order_received", {{"person", p.id}, {"action", personActionName(p.action)}});
        }
        const double speed = p.vulnerable ? p.speedMS * 0.4 : p.speedMS;
        if (p.action == PersonAction::Evacuating &&
            travel(p.x, p.y, p.tx, p.ty, p.path, speed, dt)) {
            p.action = PersonAction::Safe;
            emit("person_evacuated", {{"person", p.id}});
        } else if (p.action == PersonAction::Sheltering && p.building < 0 &&
                   travel(p.x, p.y, p.tx, p.ty, p.path, speed, dt)) {
            for (std::size_t b = 0; b < buildings.size(); ++b)
                if (buildings[b].contains(p.x, p.y)) p.building = static_cast<int>(b);
            emit("person_sheltered", {{"person", p.id}});
        }
        if (!hazard_) continue;
        const double c = p.building >= 0
                             ? state_.indoorIntensity[static_cast<std::size_t>(p.building)]
                             : hazard_->intensityAt(p.x, p.y, kBreathingHeightM);
        p.dose += c * dt;
        p.toxicLoad += hazard_->toxicLoadIncrement(c, dt);
        p.peak = std::max(p.peak, c);
        int level = 0;
        for (int l = 0; l < 3; ++l)
            if (levels[static_cast<std::size_t>(l)] > 0 && c >= levels[static_cast<std::size_t>(l)])
                level = l + 1;
        if (level > p.worstLevel) {
            p.worstLevel = level;
            emit("person_exposed", {{"person", p.id},
                                    {"level", std::to_string(level)},
                                    {"kind", personKindName(p.kind)}});
        }
    }
}

}  // namespace drillbase::sim
