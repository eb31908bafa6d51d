// drill.h — one drill: a scenario, a seed and a hazard, advanced one fixed tick at a time.
// Everything that changes it is a Command applied at a tick boundary; what happens is
// reported as Events, cleared at the start of each step (Box2D-style). No wall clock:
// pause and speed are recorded for the review, pacing is the caller's business.
#pragma once

#include "sim/engine/drill_state.h"
#include "sim/rng.h"
#include "sim/scenario/scenario.h"

#include <memory>
#include <span>

namespace drillbase::sim {

class Drill {
public:
    Drill(const Scenario& scenario, std::uint64_t seed, std::unique_ptr<Hazard> hazard);

    void apply(const Command& cmd);  // at the current tick boundary
    void step();                     // one fixed tick (no-op while paused or ended)
    const DrillState& state() const { return state_; }
    const Scenario& scenario() const { return scenario_; }
    const Hazard* hazard() const { return hazard_.get(); }
    std::span<const Event> events() const { return events_; }         // this tick's
    const std::vector<Event>& timeline() const { return timeline_; }  // all so far
    std::uint64_t hash() const;

private:
    void emitReleaseStarts();
    void emit(std::string kind, std::map<std::string, std::string> attrs = {});
    std::int64_t reactionTick();
    void orderPeople(const Circle& area, PersonAction action, double tx, double ty);
    UnitState* unit(const std::string& id);
    void stepUnits(double dtS);
    void stepPeople(double dtS);
    void finishUnitWork(UnitState& u);
    // Moves along a route to (tx, ty), planning it when the target is new; true on arrival.
    bool travel(double& x, double& y, double tx, double ty, Waypoints& path, double speed,
                double dt) const;

    Scenario scenario_;
    Navigator nav_;  // after scenario_: built from its map
    std::uint64_t seed_;
    std::unique_ptr<Hazard> hazard_;
    DrillState state_;
    std::vector<Event> events_;
    std::vector<Event> timeline_;
    std::size_t nextInject_ = 0;
    Rng rng_;  // the drill's only source of chance: people's reaction times
    std::uint64_t draws_ = 0;
};

}  // namespace drillbase::sim
