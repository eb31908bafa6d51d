// command.h — everything that changes a drill is a Command, applied at a tick boundary and
// written to the append-only log. Commands are imperative ("close_valve"); what they cause
// is reported as past-tense Events. Trainee commands and instructor injects share one type
// so a drill replays from one list.
//
// A Command is a flat record rather than a std::variant: each type uses a few of the fields,
// and one table (command.cpp) says which are required, so JSON reading, validation and the
// CLI's action files share a single definition.
#pragma once

#include "common/json_source.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

enum class CommandType {
    // trainee
    RaiseAlarm,         // sound the site alarm: people start reacting after the warning delay
    ReportToAuthority,  // form: "oral" | "written"; level: response level 1..4
    DonPpe,             // unit puts on breathing apparatus and protective suit
    MoveUnit,           // unit to (x, y)
    CloseValve,         // unit goes to the valve and closes it (stops its release)
    SetCordon,          // isolation zone: circle (x, y, radius)
    EvacuateArea,       // people inside circle (x, y, radius) walk to `target` assembly point
    ShelterInPlace,     // people inside circle go/stay indoors
    SetWaterCurtain,    // unit sets up a water curtain at (x, y): knocks down part of the gas
    RescueCasualty,     // unit goes to person `target` and carries them out
    RequestSupport,     // target: "hazmat" | "fire" | "medical" | "police"
    EndDrill,
    // instructor injects
    WindShift,      // value: new wind-from direction, degrees
    WindSpeed,      // value: m/s
    SetStability,   // target: "A".."F"
    SecondaryLeak,  // target: release id; x, y, value: rate kg/s, chemical
    Pause,
    Resume,
    SetSpeed,  // value: speed-up factor (runner pacing; logged for the review)
};

struct Command {
    CommandType type = CommandType::RaiseAlarm;
    std::string unit;      // acting unit id
    std::string target;    // valve, person, assembly point, release id, unit kind, class
    std::string form;      // report form
    std::string chemical;  // secondary leak
    double x = 0, y = 0, radius = 0;
    double value = 0;  // level, degrees, m/s, kg/s, factor
};

const char* commandName(CommandType t);
std::optional<CommandType> commandFromName(const std::string& name);
bool isInject(CommandType t);

// JSON form: {"type": "close_valve", "unit": "hazmat-1", "target": "V1"}; only the fields the
// type uses are written, so logs stay readable.
nlohmann::json toJson(const Command& c);
// Reads the command at `pointer`; appends errors (unknown type, missing field) with positions.
std::optional<Command> commandFromJson(const JsonDocument& doc, const std::string& pointer,
                                       std::vector<Diagnostic>& out);
// For JSON that did not come from a file (log lines): throws std::runtime_error on error.
Command commandFromJson(const nlohmann::json& j);

}  // namespace drillbase::sim
