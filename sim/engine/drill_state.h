// drill_state.h — the whole state of a running drill, readable by the UI and the report.
// Plain data in a fixed order: hashing, replay and after-action review depend on it.
#pragma once

#include "sim/engine/event.h"
#include "sim/engine/hazard.h"
#include "sim/engine/navigation.h"
#include "sim/scenario/scenario.h"

#include <cstdint>
#include <string>
#include <vector>

namespace drillbase::sim {

enum class UnitTask { Idle, Moving, DonningPpe, ClosingValve, WaterCurtain, Rescuing, Carrying };
const char* unitTaskName(UnitTask t);

struct UnitState {
    std::string id;
    UnitKind kind = UnitKind::Hazmat;
    double x = 0, y = 0, speedMS = 5;
    bool ppe = false;
    UnitTask task = UnitTask::Idle;
    std::string taskTarget;           // valve or person id
    double tx = 0, ty = 0;            // where the task happens
    std::int64_t workUntilTick = -1;  // on-site work finishes at this tick
    Waypoints path;                   // the route to (tx, ty) around buildings
    bool inHotZone = false;           // inside the harm level 2 area (reported once per entry)
    double dose = 0;                  // ∫C dt breathed without breathing apparatus, mg·s/m³
    double toxicLoad = 0;             // ∫Cⁿ dt in the hazard's probit units
};

// Unaware: has not got any warning and stays where they are (indoors or out).
enum class PersonAction { Unaware, Evacuating, Sheltering, Safe, Carried };
const char* personActionName(PersonAction a);

struct PersonState {
    std::string id;
    PersonKind kind = PersonKind::Worker;
    bool vulnerable = false;
    double x = 0, y = 0, speedMS = 1.2;
    PersonAction action = PersonAction::Unaware;
    PersonAction pending = PersonAction::Unaware;  // the order on its way (warning delay)
    double pendingX = 0, pendingY = 0;             // where that order sends them
    std::int64_t orderReachesTick = -1;
    double tx = 0, ty = 0;
    int building = -1;     // index of the building they are inside, -1 outdoors
    Waypoints path;        // the route to (tx, ty) around buildings
    double dose = 0;       // ∫C dt, mg·s/m³
    double toxicLoad = 0;  // ∫Cⁿ dt in the hazard's probit units (ppmⁿ·min for most gases)
    double peak = 0;       // highest intensity breathed
    int worstLevel = 0;    // 0 none, 1..3 highest harm level exceeded
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
    std::vector<double> indoorIntensity;  // per building: the air inside relaxes to the outside
    std::vector<Circle> cordons;
    std::vector<std::string> closedValves;
    double timeS() const { return static_cast<double>(tick * tickMillis) / 1000.0; }
};

}  // namespace drillbase::sim
