// drill.h — one drill: a scenario, a seed and a hazard, advanced one fixed tick at a time.
// Everything that changes it is a Command applied at a tick boundary; what happens is
// reported as Events, cleared at the start of each step (Box2D-style). No wall clock:
// pause and speed are recorded for the review, pacing is the caller's business.
//
// The engine keeps time, weather, people, units, movement, the log and scoring; the common
// commands are its own (engine_commands.cpp), every other command goes to the hazard, which
// also says what people suffer and which ground is closed (hazard.h).
#pragma once

#include "sim/engine/drill_state.h"
#include "sim/engine/sim_content.h"
#include "sim/rng.h"
#include "sim/scenario/scenario.h"

#include <memory>
#include <span>

namespace drillbase::sim {

class Drill {
public:
    // `catalog` checks every command before it is applied (a bad one is rejected with an event);
    // by default the engine's commands, with the hazard's commands passed through unchecked.
    Drill(const Scenario& scenario, std::uint64_t seed, std::unique_ptr<Hazard> hazard,
          const DrillRules& rules = {}, std::optional<CommandCatalog> catalog = std::nullopt);
    ~Drill();
    Drill(const Drill&) = delete;
    Drill& operator=(const Drill&) = delete;

    void apply(const Command& cmd);  // at the current tick boundary
    void step();                     // one fixed tick (no-op while paused or ended)
    const DrillState& state() const { return state_; }
    const Scenario& scenario() const { return scenario_; }
    const Hazard* hazard() const { return hazard_.get(); }
    const CommandCatalog& catalog() const { return catalog_; }
    const DrillRules& rules() const { return rules_; }
    std::span<const Event> events() const { return events_; }         // this tick's
    const std::vector<Event>& timeline() const { return timeline_; }  // all so far
    std::uint64_t hash() const;

private:
    class Context;
    friend class Context;
    using Handler = void (Drill::*)(const Command&);
    static const std::vector<std::pair<std::string, Handler>>& handlers();

    // engine commands (drill_apply.cpp)
    void raiseAlarm(const Command& c);
    void reportToAuthority(const Command& c);
    void moveUnit(const Command& c);
    void setCordon(const Command& c);
    void evacuateArea(const Command& c);
    void shelterInPlace(const Command& c);
    void rescueCasualty(const Command& c);
    void requestSupport(const Command& c);
    void endDrill(const Command& c);
    void windShift(const Command& c);
    void windSpeed(const Command& c);
    void pause(const Command& c);
    void resume(const Command& c);
    void setSpeed(const Command& c);
    // the transfer work (drill_transfer.cpp)
    void issueWarning(const Command& c);
    void liftWarning(const Command& c);
    void setResponseStage(const Command& c);
    void transferHousehold(const Command& c);
    void transferZone(const Command& c);
    void staffShelter(const Command& c);
    void headCount(const Command& c);
    void householdReturns(const Command& c);
    void initTransfer();
    void stepTransfer();
    void dispatchCadres();
    void finishTransferTask(UnitState& u, const std::string& kind, const std::string& target);
    void arriveAtShelter(PersonState& p);
    void dropVisit(const HouseholdState& h);  // out of its cadre's queue
    void orderHousehold(HouseholdState& h);
    static bool waitingForOrder(const HouseholdState& h);
    HouseholdState* needHousehold(const Command& c);
    double handlingS(const HouseholdState& h) const;
    bool shelterStaffed(const ShelterState& s) const;
    double reachIntensity() const;

    DrillContext& ctx();  // the hazard's view of this drill
    void emit(std::string kind, std::map<std::string, std::string> attrs = {});
    void reject(const Command& c, const std::string& reason);
    std::int64_t ticksFor(double seconds) const;
    std::int64_t reactionTick();
    void orderPeople(const Circle& area, PersonAction action, double tx, double ty);
    UnitState* unit(const std::string& id);
    UnitState* needUnit(const Command& c);
    void assign(UnitState& u, const UnitTaskOrder& order);
    void stepUnits(double dtS);
    void stepPeople(double dtS);
    void exposeAgents(double dtS);
    void replanIfGroundChanged();
    void arrive(UnitState& u);
    void finishTask(UnitState& u);  // the on-site work of a task is done
    // Moves along a route to (tx, ty), planning it when the target is new; true on arrival.
    bool travel(double& x, double& y, double tx, double ty, Waypoints& path, double speed,
                double dt, Mobility m = Mobility::OnFoot) const;

    Scenario scenario_;
    DrillRules rules_;
    CommandCatalog catalog_;
    bool checkHazardCommands_ = true;
    Navigator nav_;  // after scenario_: built from its map; people and units on foot
    // Vehicles and boats see other ground when the hazard closes some (a flood): their own
    // navigators, made only when a unit moves that way and the hazard has a say.
    std::unique_ptr<Navigator> navVehicle_, navBoat_;
    const Navigator& navFor(Mobility m) const;
    void setGroundCosts();
    std::uint64_t seed_;
    std::unique_ptr<Hazard> hazard_;
    std::unique_ptr<Context> context_;
    DrillState state_;
    std::vector<Event> events_;
    std::vector<Event> timeline_;
    std::size_t nextInject_ = 0;
    Rng rng_;  // the drill's only source of chance: people's reaction times
    std::uint64_t draws_ = 0;
    std::uint64_t groundVersion_ = 0;  // the hazard's passability the routes were planned on
};

}  // namespace drillbase::sim
