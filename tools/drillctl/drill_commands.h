// drill_commands.h — `drillctl scenario validate`, `drillctl drill run`, `drillctl drill replay`.
#pragma once

#include <CLI/CLI.hpp>

namespace drillbase::tools {

void addDrillCommands(CLI::App& app, int& exitCode);

}  // namespace drillbase::tools
