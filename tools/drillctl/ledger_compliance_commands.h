// ledger_compliance_commands.h — `drillctl ledger query compliance|roster|stats`: the
// officials' compliance answers (ledger/person_compliance.h) and the chart figures by region,
// industry and month (ledger/records_stats.h), as JSON with numbers masked.
#pragma once

#include <CLI/CLI.hpp>

namespace drillbase::tools {

// Adds compliance, roster and stats under the existing `ledger query` subcommand.
void addComplianceQueries(CLI::App& query);

}  // namespace drillbase::tools
