// ledger_data_commands.h — records in and out of the certification ledger:
//   ledger synth  --db PATH --people N [--seed S] [--today YYYY-MM-DD]
//       a synthetic province (ledger/synth.h) in a new or empty ledger, for tests and benchmarks
//   ledger export --db PATH --format csv|xapi [--out FILE] [--home-page URL] [--as USER]
//       every person-record as CSV (UTF-8 with BOM) or xAPI statements; stdout without --out;
//       identity numbers masked, xAPI actors pseudonymous (ledger/export_*.h)
//   ledger import --db PATH ROSTER.csv [--partial [--rejects FILE]] [--as USER]
//       a roster (ledger/roster_import.h); all or nothing unless --partial, which records the
//       good rows and writes the bad ones to the reject file (default ROSTER.rejects.csv)
// Once the ledger has users, export needs an official or admin (ExportRecords) and import an
// instructor (RecordTraining), named with --as (ledger_cli.h); synth only fills a new ledger.
// Exit codes as the other ledger commands: 0 done, 1 input refused (for import: any row
// rejected), 2 database missing or unreadable.
#pragma once

#include <CLI/CLI.hpp>

namespace drillbase::tools {

// Adds synth, export and import under the `ledger` subcommand made by addLedgerCommands,
// which must run first.
void addLedgerDataCommands(CLI::App& app);

}  // namespace drillbase::tools
