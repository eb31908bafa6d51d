// ledger_commands.h — `drillctl ledger ...`: create, verify and add to the certification
// ledger without a window.
//   ledger init   --db PATH [--base-id ID]
//   ledger verify --db PATH [--anchor HASH]       exit 1 naming the first broken event
//   ledger org add --db PATH --code CODE --name NAME --industry ID [--as USER]
//   ledger person add --db PATH --name NAME (--id-number ID | --passport NO --country CCC)
//                     [--org CODE --role ROLE [--since YYYY-MM-DD]] [--as USER]
// org add and person add are RecordTraining (instructors) once the ledger has users; verify
// needs no user: anyone may check integrity (ledger_cli.h requirePermission).
// Exit codes: 0 done, 1 ledger broken or input refused, 2 database missing or unreadable.
#pragma once

#include <CLI/CLI.hpp>

namespace drillbase::tools {

void addLedgerCommands(CLI::App& app);

}  // namespace drillbase::tools
