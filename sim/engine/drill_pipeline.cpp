#include "sim/engine/drill_pipeline.h"

#include "sim/engine/outcomes.h"

#include <stdexcept>

namespace drillbase::sim {

std::unique_ptr<Drill> makeDrill(const SimContent& content, const Scenario& scenario,
                                 std::uint64_t seed) {
    const HazardType* type = content.hazards().find(scenario.hazardType);
    if (!type) throw std::runtime_error("unknown hazard type \"" + scenario.hazardType + "\"");
    auto hazard = type->make(scenario);
    if (!hazard) throw std::runtime_error("the " + scenario.hazardType + " hazard has no data");
    return std::make_unique<Drill>(scenario, seed, std::move(hazard), content.rules(),
                                   content.catalogFor(scenario.hazardType));
}

DrillResult concludeDrill(const Drill& drill, const GradeScale& grades,
                          const std::map<std::string, ManualMark>& marks) {
    DrillResult r;
    const auto& s = drill.state();
    r.record.tickMillis = s.tickMillis;
    r.record.endTick = s.tick;
    r.record.events = drill.timeline();
    r.record.outcomes = computeOutcomes(s, drill.hazard());
    r.record.manualMarks = marks;
    r.score = scoreDrill(drill.scenario().rubric, r.record, grades);
    if (drill.hazard()) r.validity = drill.hazard()->validityNotes(s);
    return r;
}

nlohmann::json timelineJson(const Drill& d) {
    nlohmann::json out = nlohmann::json::array();
    const auto tickMs = d.state().tickMillis;
    for (const auto& e : d.timeline()) {
        nlohmann::json j = {{"tick", e.tick},
                            {"t_s", static_cast<double>(e.tick * tickMs) / 1000.0},
                            {"event", e.kind}};
        if (!e.attrs.empty()) j["attrs"] = e.attrs;
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace drillbase::sim
