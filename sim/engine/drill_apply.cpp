// drill_apply.cpp — Drill::apply: what each command does at a tick boundary.
#include "sim/engine/drill.h"
#include "sim/engine/drill_internal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drillbase::sim {

using namespace detail;

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

}  // namespace drillbase::sim
