// drill_pipeline.h — the one way a drill is made and concluded, for drillctl and the GUI alike:
// scenario + content → hazard and drill; at the end → outcomes → score → validity notes (and,
// through scoring/drill_assessment.h, the record the ledger keeps).
#pragma once

#include "sim/engine/drill.h"
#include "sim/scoring/drill_record.h"
#include "sim/scoring/scorer.h"

#include <nlohmann/json.hpp>

#include <memory>

namespace drillbase::sim {

// The hazard its type makes, the engine's rules and the catalog of the engine's and the
// hazard's commands. Throws std::runtime_error when the scenario's hazard type is unknown.
std::unique_ptr<Drill> makeDrill(const SimContent& content, const Scenario& scenario,
                                 std::uint64_t seed);

struct DrillResult {
    DrillRecord record;
    ScoreReport score;
    nlohmann::json validity = nlohmann::json::array();
};

DrillResult concludeDrill(const Drill& drill, const GradeScale& grades,
                          const std::map<std::string, ManualMark>& marks = {});

// The drill's events as JSON: [{"tick", "t_s", "event", "attrs"}...].
nlohmann::json timelineJson(const Drill& drill);

}  // namespace drillbase::sim
