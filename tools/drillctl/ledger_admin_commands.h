// ledger_admin_commands.h — `drillctl ledger user ...` and `drillctl ledger checkpoint ...`:
// accounts and signed checkpoints of the certification ledger, without a window.
//   ledger user add  --db PATH --name NAME --role trainee|instructor|official|admin [--as ADMIN]
//   ledger user role    --db PATH --name NAME --role ROLE --as ADMIN
//   ledger user disable --db PATH --name NAME --as ADMIN
//   ledger user passwd  --db PATH --name NAME [--as ADMIN]
//   ledger user list --db PATH
//   ledger checkpoint create --db PATH
//   ledger checkpoint export --db PATH --out FILE
//   ledger checkpoint verify --db PATH --file FILE [--public-key HEX]
// Passwords are read from standard input, never from the command line, where other local
// users can read them (/proc/<pid>/cmdline, `ps`) and the shell keeps them in its history. On a
// terminal they are prompted for without echo; piped, they are read one per line: first the
// password of the admin named by --as (or, for `passwd` without --as, the user's current
// password), then the new user's password. The first user of a ledger must
// be an admin and needs no --as (bootstrap).
// The checkpoint signing key is "<db>.sign.key" (mode 0600), created by the first
// `checkpoint create`; whoever can read it can sign, so it is the gate for signing.
// Exit codes: 0 done, 1 refused or verification failed, 2 database missing or unreadable.
#pragma once

#include <CLI/CLI.hpp>

namespace drillbase::tools {

// Adds `user` and `checkpoint` under the existing `ledger` subcommand (addLedgerCommands must
// run first; a missing `ledger` subcommand is created).
void addLedgerAdminCommands(CLI::App& app);

}  // namespace drillbase::tools
