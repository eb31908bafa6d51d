// scenario.h — a drill scenario as authored by an instructor (format drillbase-scenario/2): the
// parts every drill has (map, buildings, people, units, roles, injects, rubric, briefings, the
// household register of the transfer work) and a
// hazard section that its HazardType reads (hazard_type.h). Units: metres, x east and y north
// from the map's south-west corner; wind direction is where the wind blows FROM, degrees
// clockwise from north; times in seconds from the drill start.
#pragma once

#include "sim/engine/command.h"
#include "sim/engine/hazard_type.h"
#include "sim/scoring/rubric.h"
#include "sim/transfer/transfer_def.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

struct Rect {
    std::string id;
    double x = 0, y = 0, w = 0, h = 0;  // south-west corner and size
    double airChangesPerHour = 0.5;     // infiltration rate (shelter-in-place from a gas)
    int floors = 1;                     // storeys (refuge upstairs from a flood)
    bool contains(double px, double py) const {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }
};

struct Point {
    std::string id;
    double x = 0, y = 0;
};

struct MapDef {
    double widthM = 0, heightM = 0, cellM = 10;
    std::vector<Rect> buildings;
    std::vector<Point> assemblyPoints;
    bool contains(double x, double y) const {
        return x >= 0 && y >= 0 && x <= widthM && y <= heightM;
    }
};

struct WeatherDef {
    double windSpeedMS = 2;
    double windFromDeg = 0;
};

enum class PersonKind { Worker, Resident };

struct PersonDef {
    std::string id;
    PersonKind kind = PersonKind::Worker;
    double x = 0, y = 0;
    bool vulnerable = false;  // slower, needs help to move
    double speedMS = 1.2;
};

struct UnitDef {
    std::string id;
    std::string kind = "hazmat";  // one of content/drill.json unit_kinds
    double x = 0, y = 0;
    double speedMS = 5;
    bool ppe = false;
};

struct RoleDef {
    std::string id;
    std::string titleZh, titleEn;
};

struct InjectDef {
    double atS = 0;
    Command command;
};

struct Scenario {
    std::string file;  // the path it was read from
    std::string id;
    std::string titleZh, titleEn, briefingZh, briefingEn;
    std::int64_t tickMillis = 1000;
    double warningDelayS = 60;  // how long an alarm or order takes to reach people
    MapDef map;
    WeatherDef weather;
    std::string hazardType;                      // "gas", "flood", "fire"
    std::shared_ptr<const HazardConfig> hazard;  // that type's section
    std::vector<ScenarioInput> inputs;           // grid files it reads
    std::vector<PersonDef> people;
    std::vector<UnitDef> units;
    std::vector<RoleDef> roles;
    std::vector<InjectDef> injects;
    TransferDef transfer;  // the household register, when the drill moves people
    Rubric rubric;
};

const char* personKindName(PersonKind k);

}  // namespace drillbase::sim
