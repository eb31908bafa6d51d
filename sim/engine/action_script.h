// action_script.h — a scripted trainee: a JSON list of {"t": seconds, "command": {...}} applied
// at the first tick boundary at or after t. Used by `drillctl drill run --actions`, tests and
// instructors preparing a model answer.
#pragma once

#include "sim/engine/drill_log.h"

namespace drillbase::sim {

struct ScheduledCommand {
    double atS = 0;
    Command command;
};

std::optional<std::vector<ScheduledCommand>> parseActionScript(const JsonDocument& doc,
                                                               std::vector<Diagnostic>& out);

// Runs the drill until `untilS` seconds of drill time or until it ends, applying the script
// (sorted by time, ties in file order) through the recorder so every command is logged.
void runScript(DrillRecorder& rec, const Drill& drill, std::vector<ScheduledCommand> script,
               double untilS);

}  // namespace drillbase::sim
