// outcomes.h — the figures a drill report and the rubric's outcome thresholds use.
#pragma once

#include "sim/engine/drill_state.h"

#include <map>
#include <string>

namespace drillbase::sim {

// Keys: people, exposed_level1/2/3 (anyone at or above the hazard's level 1/2/3),
// public_above_level2 (residents at or above level 2), workers_above_level2, evacuated,
// sheltered, unaware, peak_public (highest intensity a resident met), max_dose; with a hazard
// also expected_fatalities (Σ of each person's and unprotected responder's probit fraction),
// fatalities (those more likely dead than not, fraction ≥ 0.5), responders_exposed, and the
// hazard's own figures (gas: public_above_aegl2, workers_above_aegl2).
// With a household register (transfer_outcomes.cpp): transfer_households, _ordered,
// _sheltered, _at_risk (the hazard reached the home), _late (someone still at home when it did),
// transfer_vulnerable_not_first, transfer_people_at_shelters, transfer_shelter_over_capacity
// (the worst peak over capacity), transfer_unaccounted (members of households ordered or
// reached who are neither at a shelter nor on the way), transfer_returned_during_warning.
void addTransferOutcomes(const DrillState& s, std::map<std::string, double>& o);

std::map<std::string, double> computeOutcomes(const DrillState& s, const Hazard* hazard = nullptr);

}  // namespace drillbase::sim
