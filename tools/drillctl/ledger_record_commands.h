// ledger_record_commands.h — recording training, exams and certificates in the ledger:
//   ledger train --db PATH (--person PID | --id-number ID) --date YYYY-MM-DD --hours N
//                --kind KIND --topic TEXT [--provider P] [--instructor I] [--as USER]
//   ledger exam  --db PATH (--person PID | --id-number ID) --exam NAME
//                --part theory|practical --date D --score N [--as USER]
//   ledger cert issue     --db PATH (--person | --id-number) --number T+ID --operation OP --date D
//   ledger cert review    --db PATH --certificate CID --date D
//   ledger cert suspend   --db PATH --certificate CID --date D --reason R [--until D]
//   ledger cert reinstate --db PATH --certificate CID --date D --reason R
//   ledger cert revoke    --db PATH --certificate CID --date D --reason R
//   ledger cert cancel    --db PATH --certificate CID --date D --reason R
//   ledger cert show      --db PATH --certificate CID [--on D]
// The cert commands take [--as USER] too. train needs the RecordTraining permission, exam and
// the cert changes RecordResults, cert show ReadRecords (users.h; local mode without users).
// Exit codes as the other ledger commands: 0 recorded, 1 input refused (the message names the
// field; nothing is recorded), 2 database or key missing.
#pragma once

#include <CLI/CLI.hpp>

namespace drillbase::tools {

// Adds train, exam and cert under the `ledger` subcommand (addLedgerCommands creates it).
void addLedgerRecordCommands(CLI::App& app);

}  // namespace drillbase::tools
