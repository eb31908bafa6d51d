#include "sim/engine/outcomes.h"

#include <algorithm>

namespace drillbase::sim {

std::map<std::string, double> computeOutcomes(const DrillState& s, const Hazard* hazard) {
    std::map<std::string, double> o = {{"people", 0},
                                       {"exposed_level1", 0},
                                       {"exposed_level2", 0},
                                       {"exposed_level3", 0},
                                       {"public_above_level2", 0},
                                       {"workers_above_level2", 0},
                                       {"evacuated", 0},
                                       {"sheltered", 0},
                                       {"unaware", 0},
                                       {"peak_public", 0},
                                       {"max_dose", 0}};
    for (const auto& p : s.people) {
        o["people"] += 1;
        for (int l = 1; l <= 3; ++l)
            if (p.harm.worstLevel >= l) o["exposed_level" + std::to_string(l)] += 1;
        if (p.harm.worstLevel >= 2)
            o[p.kind == PersonKind::Resident ? "public_above_level2" : "workers_above_level2"] += 1;
        if (p.action == PersonAction::Safe) o["evacuated"] += 1;
        if (p.action == PersonAction::Sheltering && p.building >= 0) o["sheltered"] += 1;
        if (p.action == PersonAction::Unaware) o["unaware"] += 1;
        if (p.kind == PersonKind::Resident)
            o["peak_public"] = std::max(o["peak_public"], p.harm.peak);
        o["max_dose"] = std::max(o["max_dose"], p.harm.dose);
    }
    o["expected_fatalities"] = 0;
    o["fatalities"] = 0;
    o["responders_exposed"] = 0;
    auto fatality = [&](const Harm& h) {
        const double f = hazard ? hazard->fatalityFraction(h) : 0;
        o["expected_fatalities"] += f;
        if (f >= 0.5) o["fatalities"] += 1;
    };
    for (const auto& p : s.people) fatality(p.harm);
    for (const auto& u : s.units) {
        fatality(u.harm);
        if (u.harm.dose > 0) o["responders_exposed"] += 1;
    }
    addTransferOutcomes(s, o);
    if (hazard) hazard->addOutcomes(s, o);
    return o;
}

}  // namespace drillbase::sim
