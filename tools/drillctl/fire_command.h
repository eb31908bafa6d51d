// fire_command.h — `drillctl fire ...`: the forest-fire tools. `fire behave` computes surface
// fire behaviour at a point (sim/fire/rothermel.h: Rothermel spread, Byram intensity and flame
// length, the BehavePlus ellipse) for a fuel model of content/fuels.json, for an instructor who
// checks a scenario's fire against BehavePlus or a fire officer's table. The grid spread adds
// `fire spread` under the same `fire` command (fire_spread_command.cpp, addFireSpread).
#pragma once

namespace CLI {
class App;
}

namespace drillbase::tools {

// Registers `fire` and its subcommands; returns it so that more can be added.
CLI::App& addFireCommand(CLI::App& app, int& exitCode);

// Registers `fire behave` under `fire`. Exit codes: 0 computed; 1 content/fuels.json is invalid
// (located errors on stderr); 2 a bad argument (unknown fuel model, a moisture or slope out of
// range, an incomplete canopy), its reason on stderr.
void addFireBehave(CLI::App& fire, int& exitCode);

}  // namespace drillbase::tools
