// scenario.h — a drill scenario as authored by an instructor (format drillbase-scenario/1).
// Units: metres, x east and y north from the map's south-west corner; wind direction is where
// the wind blows FROM, degrees clockwise from north; times in seconds from the drill start.
#pragma once

#include "sim/engine/command.h"
#include "sim/scoring/rubric.h"

#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

struct Rect {
    std::string id;
    double x = 0, y = 0, w = 0, h = 0;  // south-west corner and size
    double airChangesPerHour = 0.5;     // buildings: infiltration rate for shelter-in-place
    bool contains(double px, double py) const {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }
};

struct Point {
    std::string id;
    double x = 0, y = 0;
};

struct Valve {
    std::string id;
    double x = 0, y = 0;
    std::string release;      // the release it stops
    double workSeconds = 60;  // time for a unit on site to close it
};

struct MapDef {
    double widthM = 0, heightM = 0, cellM = 10;
    std::vector<Rect> buildings;
    std::vector<Point> assemblyPoints;
    std::vector<Valve> valves;
    bool contains(double x, double y) const {
        return x >= 0 && y >= 0 && x <= widthM && y <= heightM;
    }
};

struct WeatherDef {
    double windSpeedMS = 2;
    double windFromDeg = 0;
    char stability = 'D';  // Pasquill–Gifford class A..F
    bool urban = false;
};

struct ReleaseDef {
    std::string id;
    std::string chemical;
    double x = 0, y = 0, heightM = 0;
    double rateKgS = 0;
    double startS = 0;
    double durationS = 0;
};

enum class PersonKind { Worker, Resident };

struct PersonDef {
    std::string id;
    PersonKind kind = PersonKind::Worker;
    double x = 0, y = 0;
    bool vulnerable = false;  // slower, needs help to move
    double speedMS = 1.2;
};

enum class UnitKind { Hazmat, Fire, Medical, Police };

struct UnitDef {
    std::string id;
    UnitKind kind = UnitKind::Hazmat;
    double x = 0, y = 0;
    double speedMS = 5;
    bool ppe = false;
    double arriveS = 0;  // when it reaches the map edge after dispatch (0: on site)
};

struct InjectDef {
    double atS = 0;
    Command command;
};

struct Scenario {
    std::string file;
    std::string id;
    std::string titleZh, titleEn, briefingZh, briefingEn;
    std::int64_t tickMillis = 1000;
    double warningDelayS = 60;  // how long an alarm or order takes to reach people
    MapDef map;
    WeatherDef weather;
    std::vector<ReleaseDef> releases;
    std::vector<PersonDef> people;
    std::vector<UnitDef> units;
    std::vector<InjectDef> injects;
    Rubric rubric;
};

const char* personKindName(PersonKind k);
const char* unitKindName(UnitKind k);

}  // namespace drillbase::sim
