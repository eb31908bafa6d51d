// command.h — everything that changes a drill is a Command, applied at a tick boundary and
// written to the append-only log. Commands are imperative ("close_valve"); what they cause is
// reported as past-tense Events. Trainee orders and instructor injects share one type so a drill
// replays from one list.
//
// A Command is a flat record: a type name and a few parameter slots. Which slots a type uses,
// with their units and ranges, who may give it and how the GUI gathers it, is declared once in
// a CommandSpec (command_spec.h): the engine declares the common commands, each hazard its own,
// and JSON reading, validation, the orders panel and drillctl's action scripts all work from
// those declarations.
#pragma once

#include <string>

namespace drillbase::sim {

struct Command {
    std::string type;      // "raise_alarm", "close_valve", ...
    std::string unit;      // acting unit id
    std::string target;    // valve, person, assembly point, release id, unit kind, class
    std::string form;      // report form
    std::string chemical;  // a second name a hazard command needs (gas: the leaking chemical)
    double x = 0, y = 0, radius = 0;
    double value = 0;  // level, degrees, m/s, kg/s, factor

    bool is(const char* name) const { return type == name; }
};

inline Command makeCommand(std::string type) {
    Command c;
    c.type = std::move(type);
    return c;
}

}  // namespace drillbase::sim
