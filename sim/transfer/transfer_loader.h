// transfer_loader.h — reads a scenario's "transfer" section (transfer_def.h), checking every
// reference against the scenario read so far: members are its people (each in one household
// at most), cadres its units, shelters its assembly points, zones and categories known.
#pragma once

#include "sim/scenario/scenario.h"
#include "sim/scenario/scenario_reader.h"
#include "sim/transfer/transfer_rules.h"

namespace drillbase::sim {

// Errors go through the reader with their JSON pointers; `sc.transfer` is filled with what was
// valid.
void readTransfer(ScenarioReader& s, Scenario& sc, const TransferRules& rules);

}  // namespace drillbase::sim
