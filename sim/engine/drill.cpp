// drill.cpp — the Drill's life cycle: construction from a scenario, one tick, the state hash.
#include "sim/engine/drill.h"

#include "sim/engine/drill_internal.h"

#include <algorithm>

namespace drillbase::sim {

using namespace detail;

const char* unitTaskName(UnitTask t) {
    switch (t) {
        case UnitTask::Idle: return "idle";
        case UnitTask::Moving: return "moving";
        case UnitTask::Tasked: return "tasked";
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
        case PersonAction::Returning: return "returning";
    }
    return "unaware";
}

// The face of the drill a hazard sees (hazard.h): it may emit, reject and task units, nothing else.
class Drill::Context : public DrillContext {
public:
    explicit Context(Drill& d) : d_(d) {}
    const DrillState& state() const override { return d_.state_; }
    UnitState* unit(const std::string& id) override { return d_.unit(id); }
    void emit(std::string kind, std::map<std::string, std::string> attrs) override {
        d_.emit(std::move(kind), std::move(attrs));
    }
    void reject(const Command& c, const std::string& reason) override { d_.reject(c, reason); }
    std::int64_t ticksFor(double seconds) const override { return d_.ticksFor(seconds); }
    void assign(UnitState& u, const UnitTaskOrder& order) override { d_.assign(u, order); }

private:
    Drill& d_;
};

Drill::Drill(const Scenario& scenario, std::uint64_t seed, std::unique_ptr<Hazard> hazard,
             const DrillRules& rules, std::optional<CommandCatalog> catalog)
    : scenario_(scenario),
      rules_(rules),
      catalog_(catalog ? std::move(*catalog) : CommandCatalog(engineCommands(rules))),
      checkHazardCommands_(catalog.has_value()),
      nav_(scenario_.map),
      seed_(seed),
      hazard_(std::move(hazard)),
      context_(std::make_unique<Context>(*this)),
      rng_(seed) {
    state_.tickMillis = scenario_.tickMillis;
    state_.wind = Wind{scenario_.weather.windSpeedMS, scenario_.weather.windFromDeg};
    for (const auto& u : scenario_.units) {
        UnitState us;
        us.id = u.id;
        us.kind = u.kind;
        us.x = u.x;
        us.y = u.y;
        us.speedMS = u.speedMS;
        us.ppe = u.ppe;
        us.mobility = rules_.mobilityOf(u.kind);
        state_.units.push_back(us);
    }
    for (const auto& p : scenario_.people) {
        PersonState ps;
        ps.id = p.id;
        ps.kind = p.kind;
        ps.vulnerable = p.vulnerable;
        ps.x = p.x;
        ps.y = p.y;
        ps.speedMS = p.speedMS;
        ps.speedFactor = p.vulnerable ? rules_.vulnerableSpeedFactor : 1;
        for (std::size_t b = 0; b < scenario_.map.buildings.size(); ++b)
            if (scenario_.map.buildings[b].contains(p.x, p.y)) ps.building = static_cast<int>(b);
        state_.people.push_back(ps);
    }
    initTransfer();
    if (hazard_) {
        groundVersion_ = hazard_->passabilityVersion();
        if (groundVersion_ != 0) {
            for (const auto& u : state_.units) {
                if (u.mobility == Mobility::Vehicle && !navVehicle_)
                    navVehicle_ = std::make_unique<Navigator>(scenario_.map);
                if (u.mobility == Mobility::Boat && !navBoat_)
                    navBoat_ = std::make_unique<Navigator>(scenario_.map);
            }
            setGroundCosts();
        }
        hazard_->begin(*context_);
    }
}

Drill::~Drill() = default;

DrillContext& Drill::ctx() {
    return *context_;
}

void Drill::emit(std::string kind, std::map<std::string, std::string> attrs) {
    Event e{state_.tick, std::move(kind), std::move(attrs)};
    events_.push_back(e);
    timeline_.push_back(std::move(e));
}

void Drill::reject(const Command& c, const std::string& reason) {
    emit("command_rejected", {{"command", c.type}, {"reason", reason}});
}

std::int64_t Drill::ticksFor(double seconds) const {
    return static_cast<std::int64_t>(seconds * 1000) / state_.tickMillis;
}

UnitState* Drill::unit(const std::string& id) {
    for (auto& u : state_.units)
        if (u.id == id) return &u;
    return nullptr;
}

std::int64_t Drill::reactionTick() {
    // People do not all move the moment a warning is given: each reacts after the scenario's
    // warning delay ± the spread of content/drill.json, drawn from the drill's seeded generator
    // so a seed replays exactly.
    ++draws_;
    const double s = rules_.warningSpread;
    const double delayS = scenario_.warningDelayS * rng_.uniform(1 - s, 1 + s);
    return state_.tick + ticksFor(delayS);
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
    if (hazard_) hazard_->step(state_.tick, dt, state_.wind, *context_);
    replanIfGroundChanged();
    dispatchCadres();
    stepUnits(dt);
    stepPeople(dt);
    stepTransfer();
    exposeAgents(dt);
}

const char* mobilityName(Mobility m) {
    switch (m) {
        case Mobility::OnFoot: return "on_foot";
        case Mobility::Vehicle: return "vehicle";
        case Mobility::Boat: return "boat";
    }
    return "on_foot";
}

const Navigator& Drill::navFor(Mobility m) const {
    if (m == Mobility::Vehicle && navVehicle_) return *navVehicle_;
    if (m == Mobility::Boat && navBoat_) return *navBoat_;
    return nav_;
}

void Drill::setGroundCosts() {
    nav_.setCosts([this](double x, double y) { return hazard_->passCost(x, y); });
    if (navVehicle_)
        navVehicle_->setCosts(
            [this](double x, double y) { return hazard_->passCostFor(Mobility::Vehicle, x, y); });
    if (navBoat_)
        navBoat_->setCosts(
            [this](double x, double y) { return hazard_->passCostFor(Mobility::Boat, x, y); });
}

void Drill::replanIfGroundChanged() {
    // At a fixed interval, never in between, so a replay re-plans at the same ticks.
    if (!hazard_) return;
    const auto every = std::max<std::int64_t>(1, ticksFor(rules_.replanIntervalS));
    if (state_.tick % every != 0) return;
    const auto version = hazard_->passabilityVersion();
    if (version == groundVersion_) return;
    groundVersion_ = version;
    setGroundCosts();
    // Routes are re-planned as agents next move; the log says so only when somebody was on
    // the way (a rising flood changes the ground every refresh, mostly under nobody's feet).
    std::size_t moving = 0;
    for (auto& u : state_.units) moving += u.path.empty() ? 0 : 1, u.path.clear();
    for (auto& p : state_.people) moving += p.path.empty() ? 0 : 1, p.path.clear();
    if (moving > 0) emit("routes_replanned", {{"agents", std::to_string(moving)}});
}

namespace {
void hashHarm(StateHasher& h, const Harm& x) {
    h.add(x.dose);
    h.add(x.load);
    h.add(x.peak);
    h.add(x.level);
    h.add(x.worstLevel);
}
void hashTransfer(StateHasher& h, const TransferState& t) {
    h.add(t.warningLevel);
    h.add(t.responseStage);
    for (const auto& x : t.households) {
        h.add(static_cast<int>(x.status));
        h.add(x.orderedTick);
        h.add(x.visitTick);
        h.add(x.leftTick);
        h.add(x.shelteredTick);
        h.add(x.waterTick);
        h.add(x.returnedTick);
        h.add(x.returnedDuringWarning);
        h.add(x.missing);
        h.add(x.homeWhenReached);
    }
    for (const auto& s : t.shelters) {
        h.add(s.count);
        h.add(s.peak);
        h.add(s.overReported);
    }
}
}  // namespace

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
    h.add(state_.alarmRaised);
    for (const auto& u : state_.units) {
        h.add(u.id);
        h.add(u.x);
        h.add(u.y);
        h.add(u.ppe);
        h.add(static_cast<int>(u.task));
        h.add(u.taskKind);
        h.add(u.taskTarget);
        h.add(u.tx);
        h.add(u.ty);
        h.add(u.workUntilTick);
        h.add(u.inHotZone);
        h.add(static_cast<std::uint64_t>(u.path.size()));
        hashHarm(h, u.harm);
        for (const int v : u.visits) h.add(v);
    }
    for (const auto& p : state_.people) {
        h.add(p.id);
        h.add(p.x);
        h.add(p.y);
        h.add(static_cast<int>(p.action));
        h.add(static_cast<int>(p.pending));
        h.add(p.orderReachesTick);
        h.add(p.building);
        h.add(p.shelter);
        h.add(static_cast<std::uint64_t>(p.path.size()));
        hashHarm(h, p.harm);
    }
    hashTransfer(h, state_.transfer);
    for (const auto& c : state_.cordons) {
        h.add(c.x);
        h.add(c.y);
        h.add(c.radius);
    }
    h.add(static_cast<std::uint64_t>(nextInject_));
    h.add(static_cast<std::uint64_t>(timeline_.size()));
    h.add(groundVersion_);
    if (hazard_) hazard_->hashInto(h);
    return h.value();
}

}  // namespace drillbase::sim
