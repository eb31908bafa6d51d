// action_script.h — a scripted trainee: a JSON list of {"t": seconds, "command": {...}} applied
// at the first tick boundary at or after t. Used by `drillctl drill run --actions`, tests,
// the GUI's --actions and instructors preparing a model answer.
#pragma once

#include "sim/engine/drill_log.h"

#include <functional>

namespace drillbase::sim {

struct ScheduledCommand {
    double atS = 0;
    Command command;
};

// Every command is read with the drill's catalog (the engine's and its hazard's commands).
std::optional<std::vector<ScheduledCommand>> parseActionScript(const JsonDocument& doc,
                                                               const CommandCatalog& catalog,
                                                               std::vector<Diagnostic>& out);

// Runs the drill until `untilS` seconds of drill time or until it ends, applying the script
// (sorted by time, ties in file order) through `apply` and stepping through `step`, so every
// command is logged. The caller writes the log's final hash.
void runScript(const Drill& drill, const std::vector<ScheduledCommand>& script, double untilS,
               const std::function<void(const Command&)>& apply, const std::function<void()>& step);
// The same through a recorder.
void runScript(DrillRecorder& rec, const Drill& drill, const std::vector<ScheduledCommand>& script,
               double untilS);

}  // namespace drillbase::sim
