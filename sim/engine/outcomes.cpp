#include "sim/engine/outcomes.h"

#include <algorithm>

namespace drillbase::sim {

std::map<std::string, double> computeOutcomes(const DrillState& s, const Hazard* hazard) {
    std::map<std::string, double> o = {{"people", 0},
                                       {"exposed_level1", 0},
                                       {"exposed_level2", 0},
                                       {"exposed_level3", 0},
                                       {"public_above_aegl2", 0},
                                       {"workers_above_aegl2", 0},
                                       {"evacuated", 0},
                                       {"sheltered", 0},
                                       {"unaware", 0},
                                       {"peak_public", 0},
                                       {"max_dose", 0}};
    for (const auto& p : s.people) {
        o["people"] += 1;
        for (int l = 1; l <= 3; ++l)
            if (p.worstLevel >= l) o["exposed_level" + std::to_string(l)] += 1;
        if (p.worstLevel >= 2)
            o[p.kind == PersonKind::Resident ? "public_above_aegl2" : "workers_above_aegl2"] += 1;
        if (p.action == PersonAction::Safe) o["evacuated"] += 1;
        if (p.action == PersonAction::Sheltering && p.building >= 0) o["sheltered"] += 1;
        if (p.action == PersonAction::Unaware) o["unaware"] += 1;
        if (p.kind == PersonKind::Resident) o["peak_public"] = std::max(o["peak_public"], p.peak);
        o["max_dose"] = std::max(o["max_dose"], p.dose);
    }
    o["expected_fatalities"] = 0;
    o["fatalities"] = 0;
    o["responders_exposed"] = 0;
    auto fatality = [&](double load) {
        const double f = hazard ? hazard->fatalityFraction(load) : 0;
        o["expected_fatalities"] += f;
        if (f >= 0.5) o["fatalities"] += 1;
    };
    for (const auto& p : s.people) fatality(p.toxicLoad);
    for (const auto& u : s.units) {
        fatality(u.toxicLoad);
        if (u.dose > 0) o["responders_exposed"] += 1;
    }
    return o;
}

}  // namespace drillbase::sim
