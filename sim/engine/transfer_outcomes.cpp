// transfer_outcomes.cpp — the figures of the transfer work for the report and the rubric's
// thresholds: households moved before the hazard reached them, the vulnerable first, shelters
// within capacity, nobody unaccounted and nobody gone home while the warning was in force.
#include "sim/engine/outcomes.h"

#include <algorithm>

namespace drillbase::sim {

namespace {

bool concerned(const HouseholdState& h) {
    return h.status != HouseholdStatus::AtHome || h.waterTick >= 0;
}

// A vulnerable household its cadre reached later than an ordinary one (or never, while it
// called on an ordinary one): 先老弱病残 was not followed. Cadres work in parallel, so only
// households of the same cadre are compared.
bool calledLate(const HouseholdState& v, const std::vector<HouseholdState>& all) {
    if (!v.vulnerable || !concerned(v)) return false;
    for (const auto& n : all) {
        if (n.vulnerable || n.cadre != v.cadre || n.visitTick < 0) continue;
        if (v.visitTick < 0 || v.visitTick > n.visitTick) return true;
    }
    return false;
}

}  // namespace

void addTransferOutcomes(const DrillState& s, std::map<std::string, double>& o) {
    const auto& t = s.transfer;
    if (t.households.empty()) return;
    double ordered = 0, sheltered = 0, atRisk = 0, late = 0, notFirst = 0, unaccounted = 0,
           returned = 0, people = 0, over = 0;
    for (const auto& h : t.households) {
        if (h.status != HouseholdStatus::AtHome) ordered += 1;
        if (h.status == HouseholdStatus::Sheltered) sheltered += 1;
        if (h.waterTick >= 0) {
            atRisk += 1;
            if (h.homeWhenReached > 0) late += 1;
        }
        if (calledLate(h, t.households)) notFirst += 1;
        if (!concerned(h)) continue;
        for (const int m : h.members) {
            const auto& p = s.people[static_cast<std::size_t>(m)];
            const bool away = p.shelter >= 0 || p.action == PersonAction::Safe ||
                              p.action == PersonAction::Evacuating ||
                              p.action == PersonAction::Carried;
            if (!away) unaccounted += 1;
            if (!away && h.returnedDuringWarning) returned += 1;
        }
    }
    for (const auto& sh : t.shelters) {
        people += sh.count;
        over = std::max(over, static_cast<double>(sh.peak - sh.capacity));
    }
    o["transfer_households"] = static_cast<double>(t.households.size());
    o["transfer_households_ordered"] = ordered;
    o["transfer_households_sheltered"] = sheltered;
    o["transfer_households_at_risk"] = atRisk;
    o["transfer_households_late"] = late;
    o["transfer_vulnerable_not_first"] = notFirst;
    o["transfer_people_at_shelters"] = people;
    o["transfer_shelter_over_capacity"] = std::max(0.0, over);
    o["transfer_unaccounted"] = unaccounted;
    o["transfer_returned_during_warning"] = returned;
}

}  // namespace drillbase::sim
