// ledger_query_commands.h — `drillctl ledger query person|expiring`: what an official looks up.
//   ledger query person --db PATH (--id-number ID | --passport NO --country CCC |
//                       --cert-number T... | --name NAME | --person ID) [--as USER]
//   ledger query expiring --db PATH [--days N] [--from YYYY-MM-DD] [--as USER]
// Once the ledger has users, both need ReadRecords (instructor, official or admin) via --as.
#pragma once

#include <CLI/CLI.hpp>

namespace drillbase::tools {

// Adds `query` under the existing `ledger` subcommand (addLedgerCommands runs first).
void addLedgerQueryCommands(CLI::App& app);

}  // namespace drillbase::tools
