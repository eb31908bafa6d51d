// command_spec.h — the declaration of a command: its id, the parameter slots it uses (with units
// and ranges), who may give it, how the GUI gathers it and its zh-CN/en label (an i18n key).
// The engine declares the common commands (engine_commands.cpp), each hazard type its own; a
// CommandCatalog holds both for one drill. Parsing a command from JSON, checking its parameters
// and writing it back all go through the catalog, so a command is added in one place.
#pragma once

#include "common/json_source.h"
#include "sim/engine/command.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

enum class Slot { Unit, Target, Form, Chemical, X, Y, Radius, Value };
const char* slotKey(Slot s);                  // the JSON key: "unit", "target", ...
bool isNumberSlot(Slot s);                    // x, y, radius, value
std::string& stringSlot(Command& c, Slot s);  // unit, target, form, chemical
double& numberSlot(Command& c, Slot s);

// Where a string parameter's allowed values come from.
enum class ChoiceSource {
    Free,            // any non-empty string
    Fixed,           // `choices`
    Units,           // a unit id of the drill
    People,          // a person id
    AssemblyPoints,  // an assembly point id of the map
    Households,      // a household of the transfer register
    Zones,           // a zone of the transfer register
    Shelters,        // a shelter of the transfer register
    Hazard,          // a list the hazard names (`choiceList`: "valves", "chemicals", ...)
};

struct ParamSpec {
    Slot slot = Slot::Value;
    std::string labelKey;     // i18n key of the field's name
    std::string unit;         // "m", "m/s", "deg", "kg/s" ("" for none)
    double min = 0, max = 0;  // numbers: allowed range (inclusive); min == max: any finite value
    bool exclusiveMin = false;
    ChoiceSource source = ChoiceSource::Free;
    std::vector<std::string> choices;  // Fixed
    std::string choiceList;            // Hazard
    bool integer = false;              // numbers that must be whole (a response level)
};

// How the orders panel gathers the command.
enum class Gesture {
    Button,     // parameters from widgets, then a button
    Point,      // a click on the map gives x, y
    Area,       // a click on the map gives x, y; the radius comes from a widget
    Person,     // a click on the map picks the nearest person as the target
    Household,  // a click on the map picks the nearest household as the target
};

enum Issuer : unsigned { kTrainee = 1, kInstructor = 2 };

struct CommandSpec {
    std::string id;
    std::string labelKey;  // i18n key of the command's name
    unsigned issuers = kTrainee;
    Gesture gesture = Gesture::Button;
    std::vector<ParamSpec> params;
    // Runner controls (pause, speed) are logged but not shown among the orders.
    bool control = false;

    const ParamSpec* param(Slot s) const;
    bool uses(Slot s) const { return param(s) != nullptr; }
    bool inject() const { return issuers == kInstructor; }
};

// A parameter slot with its i18n label; x and y are in metres. For hazard types' declarations.
ParamSpec makeParam(Slot slot, const char* labelKey, ChoiceSource src = ChoiceSource::Free,
                    std::string choiceList = {});

// A declaration with its label key "command.<id>".
CommandSpec makeSpec(const char* id, unsigned issuers, Gesture gesture,
                     std::vector<ParamSpec> params, bool control = false);

class CommandCatalog {
public:
    CommandCatalog() = default;
    explicit CommandCatalog(std::vector<CommandSpec> specs) : specs_(std::move(specs)) {}
    void add(const std::vector<CommandSpec>& more);
    const CommandSpec* find(const std::string& id) const;
    const std::vector<CommandSpec>& all() const { return specs_; }
    std::string names() const;  // "raise_alarm, report_to_authority, ..."

    // Reads the command at `pointer`: unknown type, missing or unknown fields, wrong types,
    // values out of range or not among the choices are appended to `out` with positions.
    // Choices that depend on the drill (units, valves) are checked when it is applied.
    std::optional<Command> parse(const JsonDocument& doc, const std::string& pointer,
                                 std::vector<Diagnostic>& out) const;
    // For JSON that did not come from a file (a log line): nullopt and `error` on failure.
    std::optional<Command> parse(const nlohmann::json& j, std::string& error) const;
    // The same checks on a command built in code (the GUI); empty when valid.
    std::string check(const Command& c) const;
    // JSON form: {"type": "close_valve", "unit": "hazmat-1", "target": "V1"}; only the slots
    // the type uses are written, so logs stay readable.
    nlohmann::json toJson(const Command& c) const;

private:
    std::vector<CommandSpec> specs_;
};

}  // namespace drillbase::sim
