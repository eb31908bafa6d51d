#include "sim/scoring/drill_assessment.h"

#include <cmath>

namespace drillbase::sim {

AssessmentResult drillAssessment(const ScoreReport& report, const Scenario& scenario,
                                 double passPercent, const std::string& personId,
                                 const std::string& date, int attempt, const std::string& logHash) {
    AssessmentResult r;
    r.personId = personId;
    r.kind = "drill";
    r.title = scenario.titleZh;
    r.reference = scenario.id;
    r.date = date;
    r.scoreTenths = static_cast<int>(std::lround(report.percent * 10));
    r.passTenths = static_cast<int>(std::lround(passPercent * 10));
    r.attempt = attempt;
    r.grade = report.grade.zh;
    r.sourceHash = logHash;
    r.complete = report.complete;
    return r;
}

}  // namespace drillbase::sim
