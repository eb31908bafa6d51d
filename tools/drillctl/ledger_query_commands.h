// ledger_query_commands.h — `drillctl ledger query person|expiring`: what an official looks up.
#pragma once

#include <CLI/CLI.hpp>

namespace drillbase::tools {

// Adds `query` under the existing `ledger` subcommand (addLedgerCommands runs first).
void addLedgerQueryCommands(CLI::App& app);

}  // namespace drillbase::tools
