// drill_agents.cpp — units and people over one tick: movement, on-site work, orders reaching
// people after the warning delay, and what the hazard does to each of them where they stand.
#include "sim/engine/drill.h"
#include "sim/engine/drill_internal.h"

#include <algorithm>
#include <limits>

namespace drillbase::sim {

using namespace detail;

bool Drill::travel(double& x, double& y, double tx, double ty, Waypoints& path, double speed,
                   double dt, Mobility m) const {
    if (path.empty() || path.back() != std::make_pair(tx, ty)) path = navFor(m).route(x, y, tx, ty);
    return followPath(x, y, path, speed, dt);
}

void Drill::arrive(UnitState& u) {
    switch (u.task) {
        case UnitTask::Moving:
            u.task = UnitTask::Idle;
            emit("unit_arrived", {{"unit", u.id}});
            break;
        case UnitTask::Tasked: {
            auto attrs = u.taskAttrs;
            attrs["unit"] = u.id;
            emit("unit_arrived", attrs);
            u.workUntilTick = state_.tick + ticksFor(u.workS);
            break;
        }
        case UnitTask::Rescuing: {
            // Carry the casualty to the nearest assembly point.
            double best = std::numeric_limits<double>::max();
            for (const auto& ap : scenario_.map.assemblyPoints) {
                const double d = distance(u.x, u.y, ap.x, ap.y);
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
        case UnitTask::Idle: break;
    }
}

void Drill::finishTask(UnitState& u) {
    const std::string kind = u.taskKind, target = u.taskTarget;
    u.task = UnitTask::Idle;
    u.workUntilTick = -1;
    u.taskKind.clear();
    // The transfer work's tasks are the engine's; every other task is the hazard's, and it
    // decides what the work changes.
    if (isTransferTask(kind))
        finishTransferTask(u, kind, target);
    else if (hazard_)
        hazard_->finishTask(u, kind, target, ctx());
}

void Drill::stepUnits(double dt) {
    for (auto& u : state_.units) {
        if (u.workUntilTick >= 0) {
            if (state_.tick >= u.workUntilTick) finishTask(u);
            continue;
        }
        if (u.task == UnitTask::Idle) continue;
        const bool arrived = travel(u.x, u.y, u.tx, u.ty, u.path, u.speedMS, dt, u.mobility);
        if (u.task == UnitTask::Carrying) {
            for (auto& p : state_.people)
                if (p.id == u.taskTarget) {
                    p.x = u.x;
                    p.y = u.y;
                    if (arrived) {
                        p.action = PersonAction::Safe;
                        p.tx = u.tx;
                        p.ty = u.ty;
                        arriveAtShelter(p);
                        emit("casualty_rescued", {{"unit", u.id}, {"person", p.id}});
                    }
                }
        }
        if (!arrived) continue;
        arrive(u);
        // Work that takes no time on site (a water curtain once the crew is there) ends now.
        if (u.task == UnitTask::Tasked && u.workUntilTick == state_.tick) finishTask(u);
    }
}

void Drill::stepPeople(double dt) {
    const auto& buildings = scenario_.map.buildings;
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
                    const double d = distance(p.x, p.y, r.x + r.w / 2, r.y + r.h / 2);
                    if (d < best) {
                        best = d;
                        p.tx = r.x + r.w / 2;
                        p.ty = r.y + r.h / 2;
                    }
                }
            }
            emit("order_received", {{"person", p.id}, {"action", personActionName(p.action)}});
        }
        const double speed = p.speedMS * p.speedFactor;
        if (p.action == PersonAction::Evacuating &&
            travel(p.x, p.y, p.tx, p.ty, p.path, speed, dt)) {
            p.action = PersonAction::Safe;
            arriveAtShelter(p);
            emit("person_evacuated", {{"person", p.id}});
        } else if (p.action == PersonAction::Returning &&
                   travel(p.x, p.y, p.tx, p.ty, p.path, speed, dt)) {
            // Home again: indoors if the home is a building, and as unaware as before the order.
            p.action = PersonAction::Unaware;
            for (std::size_t b = 0; b < buildings.size(); ++b)
                if (buildings[b].contains(p.x, p.y)) p.building = static_cast<int>(b);
            emit("person_returned_home", {{"person", p.id}});
        } else if (p.action == PersonAction::Sheltering && p.building < 0 &&
                   travel(p.x, p.y, p.tx, p.ty, p.path, speed, dt)) {
            for (std::size_t b = 0; b < buildings.size(); ++b)
                if (buildings[b].contains(p.x, p.y)) p.building = static_cast<int>(b);
            emit("person_sheltered", {{"person", p.id}});
        }
    }
}

void Drill::exposeAgents(double dt) {
    // Every unit, moving, working or idle, and every person is exposed where they stand; what
    // that does (the air they breathe, water at their feet, heat on their skin) is the hazard's.
    if (!hazard_) return;
    const int hot = hazard_->legend().hotLevel;
    for (auto& u : state_.units) {
        hazard_->harm(Exposure{u.x, u.y, -1, u.ppe, true}, u.harm, dt);
        const bool inHot = u.harm.level >= hot;
        if (inHot && !u.inHotZone)
            emit("unit_entered_hot_zone", {{"unit", u.id}, {"ppe", u.ppe ? "yes" : "no"}});
        u.inHotZone = inHot;
    }
    for (auto& p : state_.people) {
        const int before = p.harm.worstLevel;
        hazard_->harm(Exposure{p.x, p.y, p.building, false, false}, p.harm, dt);
        if (p.harm.worstLevel > before)
            emit("person_exposed", {{"person", p.id},
                                    {"level", std::to_string(p.harm.worstLevel)},
                                    {"kind", personKindName(p.kind)}});
    }
}

}  // namespace drillbase::sim
