// flood_command.h — `drillctl flood run PARFILE`: a LISFLOOD-FP-style model (.par, .bci, .bdy,
// .stage, .asc) run headless by drillbase's local-inertial solver, for a flood modeller who wants
// to check a model before it becomes a drill, and for scripts that compare runs.
#pragma once

namespace CLI {
class App;
}

namespace drillbase::tools {

// Registers `flood run`. Exit codes: 0 ran; 1 the model's files are invalid (located errors on
// stderr); 2 the outputs could not be written.
void addFloodCommand(CLI::App& app, int& exitCode);

}  // namespace drillbase::tools
