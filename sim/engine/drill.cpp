#include "sim/engine/drill.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace drillbase::sim {

namespace {

constexpr double kBreathingHeightM = 1.5;
constexpr double kPpeDonSeconds = 60;  // breathing apparatus and suit, trained crew
constexpr double kCurtainKnockdown = 0.5;

// Moves (x, y) toward (tx, ty) by at most speed·dt; true when arrived.
bool moveToward(double& x, double& y, double tx, double ty, double speed, double dt) {
    const double dx = tx - x, dy = ty - y;
    const double dist = std::sqrt(dx * dx + dy * dy);
    const double stepLen = speed * dt;
    if (dist <= stepLen || dist == 0) {
        x = tx;
        y = ty;
        return true;
    }
    x += dx / dist * stepLen;
    y += dy / dist * stepLen;
    return false;
}

template <class T>
const T* findById(const std::vector<T>& items, const std::string& id) {
    for (const auto& it : items)
        if (it.id == id) return &it;
    return nullptr;
}

std::string fmt(double v) {
    // Fixed decimals so event attributes (and so the log) are identical on every machine.
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

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
    : scenario_(scenario), seed_(seed), hazard_(std::move(hazard)), rng_(seed) {
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

void Drill::apply(const Command& c) {
    if (state_.ended) return;
    const auto& map = scenario_.map;
    auto needUnit = [&]() -> UnitState* {
        UnitState* u = unit(c.unit);
        if (!u)
            emit("command_rejected",
                 {{"command", commandName(c.type)}, {"reason", "unknown unit " + c.unit}});
        return u;
    };
    switch (c.type) {
        case CommandType::RaiseAlarm: {
            if (state_.alarmRaised) break;
            state_.alarmRaised = true;
            emit("alarm_raised");
            // The site alarm sends workers to the nearest assembly point (the site's plan);
            // residents outside the site wait for an order from the commander.
            for (auto& p : state_.people) {
                if (p.kind != PersonKind::Worker || p.action != PersonAction::Unaware) continue;
                double best = std::numeric_limits<double>::max();
                for (const auto& ap : map.assemblyPoints) {
                    const double d = std::hypot(ap.x - p.x, ap.y - p.y);
                    if (d < best) {
                        best = d;
                        p.pendingX = ap.x;
                        p.pendingY = ap.y;
                    }
                }
                if (map.assemblyPoints.empty()) continue;
                p.pending = PersonAction::Evacuating;
                p.orderReachesTick = reactionTick();
            }
            break;
        }
        case CommandType::ReportToAuthority:
            emit("report_sent",
                 {{"form", c.form}, {"level", std::to_string(static_cast<int>(c.value))}});
            break;
        case CommandType::DonPpe:
            if (auto* u = needUnit()) {
                u->task = UnitTask::DonningPpe;
                u->workUntilTick = state_.tick + static_cast<std::int64_t>(kPpeDonSeconds * 1000) /
                                                     state_.tickMillis;
            }
            break;
        case CommandType::MoveUnit:
            if (auto* u = needUnit()) {
                u->task = UnitTask::Moving;
                u->tx = c.x;
                u->ty = c.y;
                u->workUntilTick = -1;
                emit("unit_dispatched", {{"unit", u->id}});
            }
            break;
        case CommandType::CloseValve: {
            auto* u = needUnit();
            const Valve* v = findById(map.valves, c.target);
            if (!u) break;
            if (!v) {
                emit("command_rejected",
                     {{"command", "close_valve"}, {"reason", "unknown valve " + c.target}});
                break;
            }
            u->task = UnitTask::ClosingValve;
            u->taskTarget = v->id;
            u->tx = v->x;
            u->ty = v->y;
            u->workUntilTick = -1;
            emit("unit_dispatched", {{"unit", u->id}, {"valve", v->id}});
            break;
        }
        case CommandType::SetCordon:
            state_.cordons.push_back(Circle{c.x, c.y, c.radius});
            emit("cordon_set", {{"radius_m", fmt(c.radius)}});
            break;
        case CommandType::EvacuateArea: {
            const Point* ap = findById(map.assemblyPoints, c.target);
            if (!ap) {
                emit("command_rejected", {{"command", "evacuate_area"},
                                          {"reason", "unknown assembly point " + c.target}});
                break;
            }
            orderPeople(Circle{c.x, c.y, c.radius}, PersonAction::Evacuating, ap->x, ap->y);
            emit("evacuation_ordered", {{"assembly_point", ap->id}, {"radius_m", fmt(c.radius)}});
            // Evacuation and shelter are the two answers to one question: a rubric can time
            // "the public was protected" without prescribing which.
            emit("public_protection_ordered", {{"action", "evacuate"}});
            break;
        }
        case CommandType::ShelterInPlace:
            orderPeople(Circle{c.x, c.y, c.radius}, PersonAction::Sheltering, 0, 0);
            emit("shelter_ordered", {{"radius_m", fmt(c.radius)}});
            emit("public_protection_ordered", {{"action", "shelter"}});
            break;
        case CommandType::SetWaterCurtain:
            if (auto* u = needUnit()) {
                u->task = UnitTask::WaterCurtain;
                u->tx = c.x;
                u->ty = c.y;
                u->workUntilTick = -1;
                emit("unit_dispatched", {{"unit", u->id}});
            }
            break;
        case CommandType::RescueCasualty: {
            auto* u = needUnit();
            const PersonState* p = nullptr;
            for (const auto& ps : state_.people)
                if (ps.id == c.target) p = &ps;
            if (!u) break;
            if (!p) {
                emit("command_rejected",
                     {{"command", "rescue_casualty"}, {"reason", "unknown person " + c.target}});
                break;
            }
            u->task = UnitTask::Rescuing;
            u->taskTarget = p->id;
            u->tx = p->x;
            u->ty = p->y;
            emit("unit_dispatched", {{"unit", u->id}, {"person", p->id}});
            break;
        }
        case CommandType::RequestSupport: emit("support_requested", {{"kind", c.target}}); break;
        case CommandType::EndDrill:
            state_.ended = true;
            emit("drill_ended");
            break;
        case CommandType::WindShift:
            state_.wind.fromDeg = std::fmod(std::fmod(c.value, 360.0) + 360.0, 360.0);
            emit("wind_changed", {{"from_deg", fmt(state_.wind.fromDeg)}});
            break;
        case CommandType::WindSpeed:
            state_.wind.speedMS = std::max(0.1, c.value);
            emit("wind_changed", {{"speed_m_s", fmt(state_.wind.speedMS)}});
            break;
        case CommandType::SetStability:
            if (c.target.size() == 1 && c.target[0] >= 'A' && c.target[0] <= 'F') {
                state_.wind.stability = c.target[0];
                emit("stability_changed", {{"class", c.target}});
            } else {
                emit("command_rejected",
                     {{"command", "set_stability"}, {"reason", "class must be A..F"}});
            }
            break;
        case CommandType::SecondaryLeak:
            if (hazard_ && hazard_->inject(c, state_.tick))
                emit("secondary_leak_started", {{"release", c.target}});
            else
                emit("command_rejected",
                     {{"command", "secondary_leak"}, {"reason", "the hazard has no leaks"}});
            break;
        case CommandType::Pause:
            state_.paused = true;
            emit("drill_paused");
            break;
        case CommandType::Resume:
            state_.paused = false;
            emit("drill_resumed");
            break;
        case CommandType::SetSpeed:
            state_.speed = std::max(0.0, c.value);
            emit("speed_changed", {{"factor", fmt(state_.speed)}});
            break;
    }
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
        const bool arrived = moveToward(u.x, u.y, u.tx, u.ty, u.speedMS, dt);
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
        if (hazard_) {
            const bool hot = hazard_->intensityAt(u.x, u.y, kBreathingHeightM) >= levels[1];
            if (hot && !u.inHotZone)
                emit("unit_entered_hot_zone", {{"unit", u.id}, {"ppe", u.ppe ? "yes" : "no"}});
            u.inHotZone = hot;
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
        if (p.action == PersonAction::Evacuating && moveToward(p.x, p.y, p.tx, p.ty, speed, dt)) {
            p.action = PersonAction::Safe;
            emit("person_evacuated", {{"person", p.id}});
        } else if (p.action == PersonAction::Sheltering && p.building < 0 &&
                   moveToward(p.x, p.y, p.tx, p.ty, speed, dt)) {
            for (std::size_t b = 0; b < buildings.size(); ++b)
                if (buildings[b].contains(p.x, p.y)) p.building = static_cast<int>(b);
            emit("person_sheltered", {{"person", p.id}});
        }
        if (!hazard_) continue;
        const double c = p.building >= 0
                             ? state_.indoorIntensity[static_cast<std::size_t>(p.building)]
                             : hazard_->intensityAt(p.x, p.y, kBreathingHeightM);
        p.dose += c * dt;
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
    }
    for (const auto& p : state_.people) {
        h.add(p.id);
        h.add(p.x);
        h.add(p.y);
        h.add(static_cast<int>(p.action));
        h.add(static_cast<int>(p.pending));
        h.add(p.orderReachesTick);
        h.add(p.building);
        h.add(p.dose);
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
