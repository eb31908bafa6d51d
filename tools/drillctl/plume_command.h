// plume_command.h — `drillctl plume`: the steady Gaussian plume at one point, the calculator an
// instructor uses to check a scenario or answer "how much is there 800 m downwind?".
#pragma once

namespace CLI {
class App;
}

namespace drillbase::tools {

// Registers the `plume` subcommand on `app`. It prints one JSON object on stdout; bad input
// (an unknown chemical, an unreadable chemicals file) goes to stderr with exit code 2.
void addPlumeCommand(CLI::App& app);

}  // namespace drillbase::tools
