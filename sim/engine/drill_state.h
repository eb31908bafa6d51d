// drill_state.h — the whole state of a running drill the engine keeps, readable by the UI and
// the report. Plain data in a fixed order: hashing, replay and after-action review depend on it.
// The hazard's own state (puffs, water depths, the fire front) lives in the hazard.
#pragma once

#include "sim/engine/event.h"
#include "sim/engine/hazard.h"
#include "sim/engine/navigation.h"
#include "sim/scenario/scenario.h"
#include "sim/transfer/transfer_state.h"

#include <cstdint>
#include <string>
#include <vector>

namespace drillbase::sim {

// Idle; Moving to a point; Tasked: on the way to (or working at) a hazard's task; Rescuing: on
// the way to a casualty; Carrying: bringing them to the nearest assembly point.
enum class UnitTask { Idle, Moving, Tasked, Rescuing, Carrying };
const char* unitTaskName(UnitTask t);

struct UnitState {
    std::string id;
    std::string kind;  // content/drill.json unit_kinds
    double x = 0, y = 0, speedMS = 5;
    bool ppe = false;  // protective equipment for this hazard on (the hazard decides its effect)
    Mobility mobility = Mobility::OnFoot;  // which ground it can use (content/drill.json)
    UnitTask task = UnitTask::Idle;
    std::string taskKind;             // Tasked: the hazard's task ("close_valve", "don_ppe")
    std::string taskTarget;           // valve or person id
    double tx = 0, ty = 0;            // where the task happens
    double workS = 0;                 // Tasked: work on site once there
    std::int64_t workUntilTick = -1;  // on-site work finishes at this tick
    std::map<std::string, std::string> taskAttrs;  // for the arrival event
    Waypoints path;                                // the route to (tx, ty) around buildings
    bool inHotZone = false;   // at or above the legend's hot level (reported once per entry)
    Harm harm;                // what the crew breathed or suffered
    std::vector<int> visits;  // a cadre's households still to call on, in order (transfer work)
};

// Unaware: has not got any warning and stays where they are (indoors or out). Returning: going
// back home from a shelter (transfer work); at home they are Unaware again.
enum class PersonAction { Unaware, Evacuating, Sheltering, Safe, Carried, Returning };
const char* personActionName(PersonAction a);

struct PersonState {
    std::string id;
    PersonKind kind = PersonKind::Worker;
    bool vulnerable = false;
    double x = 0, y = 0, speedMS = 1.2;
    double speedFactor = 1;  // of speedMS when moving (the vulnerable, a member's category)
    PersonAction action = PersonAction::Unaware;
    PersonAction pending = PersonAction::Unaware;  // the order on its way (warning delay)
    double pendingX = 0, pendingY = 0;             // where that order sends them
    std::int64_t orderReachesTick = -1;
    double tx = 0, ty = 0;
    int building = -1;  // index of the building they are inside, -1 outdoors
    Waypoints path;     // the route to (tx, ty) around buildings
    Harm harm;
    int household = -1;  // index into TransferState::households, -1 when not registered
    int shelter = -1;    // index into TransferState::shelters while there
};

struct Circle {
    double x = 0, y = 0, radius = 0;
    bool contains(double px, double py) const {
        const double dx = px - x, dy = py - y;
        return dx * dx + dy * dy <= radius * radius;
    }
};

struct DrillState {
    std::int64_t tick = 0;
    std::int64_t tickMillis = 1000;
    bool paused = false;
    bool ended = false;
    double speed = 1;
    Wind wind;
    bool alarmRaised = false;
    std::vector<UnitState> units;
    std::vector<PersonState> people;
    std::vector<Circle> cordons;
    TransferState transfer;
    double timeS() const { return static_cast<double>(tick * tickMillis) / 1000.0; }
};

}  // namespace drillbase::sim
