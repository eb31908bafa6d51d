// drill_apply.cpp — Drill::apply: the engine's own commands, each a small handler found by name
// (engine_commands.cpp declares them); every other command goes to the hazard.
#include "sim/engine/drill.h"
#include "sim/engine/drill_internal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drillbase::sim {

using namespace detail;

const std::vector<std::pair<std::string, Drill::Handler>>& Drill::handlers() {
    static const std::vector<std::pair<std::string, Handler>> kAll = {
        {"raise_alarm", &Drill::raiseAlarm},
        {"report_to_authority", &Drill::reportToAuthority},
        {"move_unit", &Drill::moveUnit},
        {"set_cordon", &Drill::setCordon},
        {"evacuate_area", &Drill::evacuateArea},
        {"shelter_in_place", &Drill::shelterInPlace},
        {"rescue_casualty", &Drill::rescueCasualty},
        {"request_support", &Drill::requestSupport},
        {"issue_warning", &Drill::issueWarning},
        {"lift_warning", &Drill::liftWarning},
        {"set_response_stage", &Drill::setResponseStage},
        {"transfer_household", &Drill::transferHousehold},
        {"transfer_zone", &Drill::transferZone},
        {"staff_shelter", &Drill::staffShelter},
        {"head_count", &Drill::headCount},
        {"household_returns", &Drill::householdReturns},
        {"end_drill", &Drill::endDrill},
        {"wind_shift", &Drill::windShift},
        {"wind_speed", &Drill::windSpeed},
        {"pause", &Drill::pause},
        {"resume", &Drill::resume},
        {"set_speed", &Drill::setSpeed},
    };
    return kAll;
}

void Drill::apply(const Command& c) {
    if (state_.ended) return;
    for (const auto& [name, handler] : handlers())
        if (c.type == name) {
            if (const auto why = catalog_.check(c); !why.empty()) return reject(c, why);
            (this->*handler)(c);
            return;
        }
    if (checkHazardCommands_) {
        if (const auto why = catalog_.check(c); !why.empty()) return reject(c, why);
    }
    if (!hazard_ || !hazard_->apply(c, ctx())) reject(c, "no such command for this drill's hazard");
}

UnitState* Drill::needUnit(const Command& c) {
    UnitState* u = unit(c.unit);
    if (!u) reject(c, "unknown unit " + c.unit);
    return u;
}

void Drill::assign(UnitState& u, const UnitTaskOrder& o) {
    u.task = UnitTask::Tasked;
    u.taskKind = o.kind;
    u.taskTarget = o.target;
    u.tx = o.travel ? o.x : u.x;
    u.ty = o.travel ? o.y : u.y;
    u.workS = o.workS;
    u.taskAttrs = o.attrs;
    u.path.clear();
    u.workUntilTick = o.travel ? -1 : state_.tick + ticksFor(o.workS);
    if (o.travel) {
        auto attrs = o.attrs;
        attrs["unit"] = u.id;
        emit("unit_dispatched", attrs);
    }
}

void Drill::raiseAlarm(const Command&) {
    if (state_.alarmRaised) return;
    state_.alarmRaised = true;
    emit("alarm_raised");
    // The site alarm sends workers to the nearest assembly point (the site's plan); residents
    // outside the site wait for an order from the commander.
    const auto& aps = scenario_.map.assemblyPoints;
    if (aps.empty()) return;
    for (auto& p : state_.people) {
        if (p.kind != PersonKind::Worker || p.action != PersonAction::Unaware) continue;
        double best = std::numeric_limits<double>::max();
        for (const auto& ap : aps) {
            const double d = distance(p.x, p.y, ap.x, ap.y);
            if (d < best) {
                best = d;
                p.pendingX = ap.x;
                p.pendingY = ap.y;
            }
        }
        p.pending = PersonAction::Evacuating;
        p.orderReachesTick = reactionTick();
    }
}

void Drill::reportToAuthority(const Command& c) {
    emit("report_sent", {{"form", c.form}, {"level", std::to_string(static_cast<int>(c.value))}});
}

void Drill::moveUnit(const Command& c) {
    auto* u = needUnit(c);
    if (!u) return;
    u->task = UnitTask::Moving;
    u->tx = c.x;
    u->ty = c.y;
    u->workUntilTick = -1;
    u->path.clear();
    emit("unit_dispatched", {{"unit", u->id}});
}

void Drill::setCordon(const Command& c) {
    state_.cordons.push_back(Circle{c.x, c.y, c.radius});
    emit("cordon_set", {{"radius_m", fmt(c.radius)}});
}

void Drill::evacuateArea(const Command& c) {
    const Point* ap = findById(scenario_.map.assemblyPoints, c.target);
    if (!ap) return reject(c, "unknown assembly point " + c.target);
    orderPeople(Circle{c.x, c.y, c.radius}, PersonAction::Evacuating, ap->x, ap->y);
    emit("evacuation_ordered", {{"assembly_point", ap->id}, {"radius_m", fmt(c.radius)}});
    // Evacuation and shelter are the two answers to one question: a rubric can time "the public
    // was protected" without prescribing which.
    emit("public_protection_ordered", {{"action", "evacuate"}});
}

void Drill::shelterInPlace(const Command& c) {
    orderPeople(Circle{c.x, c.y, c.radius}, PersonAction::Sheltering, 0, 0);
    emit("shelter_ordered", {{"radius_m", fmt(c.radius)}});
    emit("public_protection_ordered", {{"action", "shelter"}});
}

void Drill::rescueCasualty(const Command& c) {
    auto* u = needUnit(c);
    if (!u) return;
    const PersonState* p = nullptr;
    for (const auto& ps : state_.people)
        if (ps.id == c.target) p = &ps;
    if (!p) return reject(c, "unknown person " + c.target);
    u->task = UnitTask::Rescuing;
    u->taskTarget = p->id;
    u->tx = p->x;
    u->ty = p->y;
    u->workUntilTick = -1;
    u->path.clear();
    emit("unit_dispatched", {{"unit", u->id}, {"person", p->id}});
}

void Drill::requestSupport(const Command& c) {
    emit("support_requested", {{"kind", c.target}});
}

void Drill::endDrill(const Command&) {
    state_.ended = true;
    emit("drill_ended");
}

void Drill::windShift(const Command& c) {
    state_.wind.fromDeg = std::fmod(std::fmod(c.value, 360.0) + 360.0, 360.0);
    emit("wind_changed", {{"from_deg", fmt(state_.wind.fromDeg)}});
}

void Drill::windSpeed(const Command& c) {
    state_.wind.speedMS = c.value;
    emit("wind_changed", {{"speed_m_s", fmt(state_.wind.speedMS)}});
}

void Drill::pause(const Command&) {
    state_.paused = true;
    emit("drill_paused");
}

void Drill::resume(const Command&) {
    state_.paused = false;
    emit("drill_resumed");
}

void Drill::setSpeed(const Command& c) {
    state_.speed = c.value;
    emit("speed_changed", {{"factor", fmt(state_.speed)}});
}

}  // namespace drillbase::sim
