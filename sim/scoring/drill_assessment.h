// drill_assessment.h — a scored drill as an AssessmentResult for the records (common/assessment.h).
#pragma once

#include "common/assessment.h"
#include "sim/scenario/scenario.h"
#include "sim/scoring/scorer.h"

namespace drillbase::sim {

// `passPercent` comes from content/grading.json; `logHash` identifies the drill log the score
// can be re-verified from (drill_log.h).
AssessmentResult drillAssessment(const ScoreReport& report, const Scenario& scenario,
                                 double passPercent, const std::string& personId,
                                 const std::string& date, int attempt, const std::string& logHash);

}  // namespace drillbase::sim
