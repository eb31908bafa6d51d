#include "sim/engine/drill.h"
#include "sim/engine/drill_internal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drillbase::sim {

using namespace detail;

const char* unitTaskName(UnitTask t) {
    switch (t) {
        case UnitTask::Idle: return "idle";
        case UnitTask::Moving: return "moving";
        case UnitTask::DonningPpe: return "donning_ppe";
        case UnitTask::ClosingValve: return "closing_valve";
        case UnitTask::WaterCurtain: return "water_curtain";
        case UnitTask::Rescuing: return "rescuing";
        case UnitTask::Carrying: return "carrying";
    }
    return "idle";
}

const char* personActionName(PersonAction a) {
    switch (a) {
        case PersonAction::Unaware: return "unaware";
        case PersonAction::Evacuating: return "evacuating";
        case PersonAction::Sheltering: return "sheltering";
        case PersonAction::Safe: return "safe";
        case PersonAction::Carried: return "carried";
    }
    return "unaware";
}

Drill::Drill(const Scenario& scenario, std::uint64_t seed, std::unique_ptr<Hazard> hazard)
    : scenario_(scenario),
      nav_(scenario_.map),
      seed_(seed),
      hazard_(std::move(hazard)),
      rng_(seed) {
    state_.tickMillis = scenario_.tickMillis;
    state_.wind = Wind{scenario_.weather.windSpeedMS, scenario_.weather.windFromDeg,
                       scenario_.weather.stability, scenario_.weather.urban};
    for (const auto& u : scenario_.units) {
        UnitState us;
        us.id = u.id;
        us.kind = u.kind;
        us.x = u.x;
        us.y = u.y;
        us.speedMS = u.speedMS;
        us.ppe = u.ppe;
        state_.units.push_back(us);
    }
    state_.indoorIntensity.assign(scenario_.map.buildings.size(), 0.0);
    for (const auto& p : scenario_.people) {
        PersonState ps;
        ps.id = p.id;
        ps.kind = p.kind;
        ps.vulnerable = p.vulnerable;
        ps.x = p.x;
        ps.y = p.y;
        ps.speedMS = p.speedMS;
        for (std::size_t b = 0; b < scenario_.map.buildings.size(); ++b)
            if (scenario_.map.buildings[b].contains(p.x, p.y)) ps.building = static_cast<int>(b);
        state_.people.push_back(ps);
    }
    emitReleaseStarts();
}

void Drill::emitReleaseStarts() {
    // A release due at time 0 starts at tick 0, before the first step; the others in the step
    // whose tick they fall in.
    for (const auto& r : scenario_.releases)
        if (static_cast<std::int64_t>(r.startS * 1000) / state_.tickMillis == state_.tick)
            emit("release_started", {{"release", r.id}, {"chemical", r.chemical}});
}

void Drill::emit(std::string kind, std::map<std::string, std::string> attrs) {
    Event e{state_.tick, std::move(kind), std::move(attrs)};
    events_.push_back(e);
    timeline_.push_back(std::move(e));
}

UnitState* Drill::unit(const std::string& id) {
    for (auto& u : state_.units)
        if (u.id == id) return &u;
    return nullptr;
}

std::int64_t Drill::reactionTick() {
    // People do not all move the moment a warning is given: each reacts after the scenario's
    // warning delay ±25 %, drawn from the drill's seeded generator so a seed replays exactly.
    ++draws_;
    const double delayS = scenario_.warningDelayS * rng_.uniform(0.75, 1.25);
    return state_.tick + static_cast<std::int64_t>(delayS * 1000) / state_.tickMillis;
}

void Drill::orderPeople(const Circle& area, PersonAction action, double tx, double ty) {
    for (auto& p : state_.people) {
        if (p.action == PersonAction::Safe || p.action == PersonAction::Carried) continue;
        if (!area.contains(p.x, p.y)) continue;
        p.pending = action;
        p.pendingX = tx;
        p.pendingY = ty;
        p.orderReachesTick = reactionTick();
    }
}

void Drill::step() {
    events_.clear();
    if (state_.paused || state_.ended) return;
    ++state_.tick;
    const double dt = static_cast<double>(state_.tickMillis) / 1000.0;
    // Scenario injects due by now, in file order (the loader sorts them by time).
    while (nextInject_ < scenario_.injects.size() &&
           static_cast<std::int64_t>(scenario_.injects[nextInject_].atS * 1000) <=
               state_.tick * state_.tickMillis) {
        apply(scenario_.injects[nextInject_].command);
        ++nextInject_;
    }
    emitReleaseStarts();
    if (hazard_) hazard_->step(state_.tick, dt, state_.wind);
    stepUnits(dt);
    stepPeople(dt);
}

std::uint64_t Drill::hash() const {
    StateHasher h;
    h.add(seed_);
    h.add(draws_);
    h.add(state_.tick);
    h.add(state_.paused);
    h.add(state_.ended);
    h.add(state_.speed);
    h.add(state_.wind.speedMS);
    h.add(state_.wind.fromDeg);
    h.add(static_cast<int>(state_.wind.stability));
    h.add(state_.alarmRaised);
    for (const auto& u : state_.units) {
        h.add(u.id);
        h.add(u.x);
        h.add(u.y);
        h.add(u.ppe);
        h.add(static_cast<int>(u.task));
        h.add(u.taskTarget);
        h.add(u.tx);
        h.add(u.ty);
        h.add(u.workUntilTick);
        h.add(u.inHotZone);
        h.add(static_cast<std::uint64_t>(u.path.size()));
        h.add(u.dose);
        h.add(u.toxicLoad);
    }
    for (const auto& p : state_.people) {
        h.add(p.id);
        h.add(p.x);
        h.add(p.y);
        h.add(static_cast<int>(p.action));
        h.add(static_cast<int>(p.pending));
        h.add(p.orderReachesTick);
        h.add(p.building);
        h.add(static_cast<std::uint64_t>(p.path.size()));
        h.add(p.dose);
        h.add(p.toxicLoad);
        h.add(p.peak);
        h.add(p.worstLevel);
    }
    for (double c : state_.indoorIntensity) h.add(c);
    for (const auto& c : state_.cordons) {
        h.add(c.x);
        h.add(c.y);
        h.add(c.radius);
    }
    for (const auto& v : state_.closedValves) h.add(v);
    h.add(static_cast<std::uint64_t>(nextInject_));
    h.add(static_cast<std::uint64_t>(timeline_.size()));
    if (hazard_) hazard_->hashInto(h);
    return h.value();
}

}  // namespace drillbase::sim
