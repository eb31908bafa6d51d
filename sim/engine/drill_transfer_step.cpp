// drill_transfer_step.cpp — the transfer work over time (drill_transfer.cpp has its commands):
// the register turned into state at the start, cadres sent to their next household, the end of
// a visit (who is home goes, who is not is missing), arrivals at shelters, head counts against
// capacity, households sheltered, and the hazard reaching a home.
#include "sim/engine/drill.h"
#include "sim/engine/drill_internal.h"

#include <algorithm>
#include <unordered_map>

namespace drillbase::sim {

using namespace detail;

void Drill::initTransfer() {
    const auto& def = scenario_.transfer;
    const auto& tr = rules_.transfer;
    auto& t = state_.transfer;
    for (const auto& s : def.shelters) {
        ShelterState ss;
        ss.id = s.id;
        ss.capacity = s.capacity;
        if (const auto* ap = findById(scenario_.map.assemblyPoints, s.id)) {
            ss.x = ap->x;
            ss.y = ap->y;
        }
        t.shelters.push_back(ss);
    }
    // Ids to indices once: a county's register (tens of thousands of members) is matched in
    // one pass instead of a search of every person per member. Only looked up, never iterated.
    std::unordered_map<std::string, int> personIndex, unitIndex;
    for (std::size_t p = 0; p < state_.people.size(); ++p)
        personIndex.emplace(state_.people[p].id, static_cast<int>(p));
    for (std::size_t u = 0; u < state_.units.size(); ++u)
        unitIndex.emplace(state_.units[u].id, static_cast<int>(u));
    auto index = [](const auto& ids, const std::string& id) {
        const auto it = ids.find(id);
        return it == ids.end() ? -1 : it->second;
    };
    std::unordered_map<std::string, int> shelterIndex, zoneIndex;
    for (std::size_t s = 0; s < def.shelters.size(); ++s)
        shelterIndex.emplace(def.shelters[s].id, static_cast<int>(s));
    for (std::size_t z = 0; z < def.zones.size(); ++z)
        zoneIndex.emplace(def.zones[z].id, static_cast<int>(z));
    for (const auto& h : def.households) {
        HouseholdState hs;
        hs.id = h.id;
        hs.x = h.x;
        hs.y = h.y;
        hs.cadre = index(unitIndex, h.cadre);
        hs.shelter = index(shelterIndex, h.shelter);
        hs.zone = index(zoneIndex, h.zone);
        const int hi = static_cast<int>(t.households.size());
        for (const auto& m : h.members) {
            const int p = index(personIndex, m.person);
            if (p < 0) continue;
            auto& ps = state_.people[static_cast<std::size_t>(p)];
            ps.household = hi;
            // The register's category decides who is vulnerable and how fast they move.
            if (const auto* c = tr.category(m.category)) {
                ps.vulnerable = c->vulnerable;
                ps.speedFactor = c->speedFactor;
            }
            hs.vulnerable = hs.vulnerable || ps.vulnerable;
            hs.members.push_back(p);
        }
        t.households.push_back(std::move(hs));
    }
}

void Drill::dispatchCadres() {
    auto& hs = state_.transfer.households;
    for (auto& u : state_.units) {
        if (u.visits.empty() || u.task != UnitTask::Idle || u.workUntilTick >= 0) continue;
        auto& h = hs[static_cast<std::size_t>(u.visits.front())];
        u.visits.erase(u.visits.begin());
        UnitTaskOrder o;
        o.kind = kVisit;
        o.target = h.id;
        o.x = h.x;
        o.y = h.y;
        o.workS = handlingS(h);
        o.attrs = {{"household", h.id}};
        assign(u, o);
        h.status = HouseholdStatus::CadreOnWay;
    }
}

void Drill::finishTransferTask(UnitState& u, const std::string& kind, const std::string& target) {
    if (kind == kStaff) {
        emit("shelter_staffed", {{"unit", u.id}, {"shelter", target}});
        return;
    }
    auto& hs = state_.transfer.households;
    auto it = std::find_if(hs.begin(), hs.end(), [&](const auto& h) { return h.id == target; });
    if (it == hs.end()) return;
    auto& h = *it;
    const auto& shelter = state_.transfer.shelters[static_cast<std::size_t>(h.shelter)];
    int moved = 0;
    h.missing = 0;
    for (const int m : h.members) {
        auto& p = state_.people[static_cast<std::size_t>(m)];
        if (p.shelter >= 0 || p.action == PersonAction::Safe || p.action == PersonAction::Carried ||
            p.action == PersonAction::Evacuating)
            continue;  // already away by another order
        if (distance(p.x, p.y, h.x, h.y) > rules_.transfer.homeRadiusM) {
            ++h.missing;
            emit("household_member_missing", {{"household", h.id}, {"person", p.id}});
            continue;
        }
        // The cadre is at the door: the order needs no warning delay.
        p.action = PersonAction::Evacuating;
        p.pending = PersonAction::Unaware;
        p.orderReachesTick = -1;
        p.tx = shelter.x;
        p.ty = shelter.y;
        p.building = -1;
        p.path.clear();
        ++moved;
    }
    h.status = HouseholdStatus::Moving;
    h.leftTick = state_.tick;
    // With nobody else to call on, the cadre goes with them (陪同转移) and stays at the shelter
    // with the people they are responsible for; a new order takes them from there.
    if (u.visits.empty()) {
        u.task = UnitTask::Moving;
        u.tx = shelter.x;
        u.ty = shelter.y;
        u.path.clear();
        emit("unit_dispatched", {{"unit", u.id}, {"shelter", shelter.id}});
    }
    emit("household_left", {{"household", h.id},
                            {"unit", u.id},
                            {"moved", std::to_string(moved)},
                            {"missing", std::to_string(h.missing)},
                            {"shelter", shelter.id}});
}

void Drill::dropVisit(const HouseholdState& h) {
    auto& v = state_.units[static_cast<std::size_t>(h.cadre)].visits;
    const int index = static_cast<int>(&h - state_.transfer.households.data());
    v.erase(std::remove(v.begin(), v.end(), index), v.end());
}

void Drill::arriveAtShelter(PersonState& p) {
    auto& shelters = state_.transfer.shelters;
    for (std::size_t s = 0; s < shelters.size(); ++s)
        if (distance(p.tx, p.ty, shelters[s].x, shelters[s].y) < 1) {
            p.shelter = static_cast<int>(s);
            return;
        }
}

double Drill::reachIntensity() const {
    // The hazard "reaches" a home when the map starts to show it there: shallow water from the
    // legend's shown level, else its first harm level.
    const auto& l = hazard_->legend();
    if (l.shownFrom > 0) return l.shownFrom;
    return l.levels.empty() ? 0 : l.levels.front().threshold;
}

void Drill::stepTransfer() {
    auto& t = state_.transfer;
    if (t.households.empty() && t.shelters.empty()) return;
    // Cadres whose visit was interrupted by another order go back to it first.
    for (auto& h : t.households) {
        if (h.status != HouseholdStatus::CadreOnWay && h.status != HouseholdStatus::Handling)
            continue;
        auto& u = state_.units[static_cast<std::size_t>(h.cadre)];
        const bool onIt = u.taskKind == kVisit && u.taskTarget == h.id;
        if (!onIt) {
            h.status = HouseholdStatus::Ordered;
            u.visits.insert(u.visits.begin(), static_cast<int>(&h - t.households.data()));
            emit("household_visit_interrupted", {{"household", h.id}, {"unit", u.id}});
        } else if (h.status == HouseholdStatus::CadreOnWay && u.workUntilTick >= 0) {
            h.status = HouseholdStatus::Handling;
            h.visitTick = state_.tick;
        }
    }
    for (auto& s : t.shelters) s.count = 0;
    for (const auto& p : state_.people)
        if (p.shelter >= 0) ++t.shelters[static_cast<std::size_t>(p.shelter)].count;
    for (auto& s : t.shelters) {
        s.peak = std::max(s.peak, s.count);
        if (s.count > s.capacity && !s.overReported) {
            s.overReported = true;
            emit("shelter_over_capacity", {{"shelter", s.id},
                                           {"count", std::to_string(s.count)},
                                           {"capacity", std::to_string(s.capacity)}});
        }
    }
    const double reach = hazard_ ? reachIntensity() : 0;
    for (auto& h : t.households) {
        // Everyone at a shelter by another order (an evacuation of the area, a rescue): the
        // household is sheltered whatever brought them.
        if (h.status == HouseholdStatus::AtHome || h.status == HouseholdStatus::Ordered) {
            const bool all = std::all_of(h.members.begin(), h.members.end(), [&](int m) {
                return state_.people[static_cast<std::size_t>(m)].shelter >= 0;
            });
            if (all && !h.members.empty()) {
                if (h.status == HouseholdStatus::Ordered) dropVisit(h);
                h.status = HouseholdStatus::Sheltered;
                h.shelteredTick = state_.tick;
                emit("household_sheltered", {{"household", h.id}});
            }
        }
        if (h.status == HouseholdStatus::Moving) {
            bool walking = false, arrived = false;
            for (const int m : h.members) {
                const auto& p = state_.people[static_cast<std::size_t>(m)];
                walking = walking || p.action == PersonAction::Evacuating;
                arrived = arrived || p.shelter >= 0;
            }
            if (!walking && arrived) {
                h.status = HouseholdStatus::Sheltered;
                h.shelteredTick = state_.tick;
                emit("household_sheltered", {{"household", h.id}});
            }
        }
        if (h.waterTick < 0 && hazard_ && reach > 0 &&
            hazard_->intensityAt(h.x, h.y, kBreathingHeightM) >= reach) {
            h.waterTick = state_.tick;
            int home = 0;
            for (const int m : h.members) {
                const auto& p = state_.people[static_cast<std::size_t>(m)];
                if (p.action != PersonAction::Evacuating && p.action != PersonAction::Carried &&
                    p.action != PersonAction::Safe && p.shelter < 0 &&
                    distance(p.x, p.y, h.x, h.y) <= rules_.transfer.homeRadiusM)
                    ++home;
            }
            h.homeWhenReached = home;
            emit("household_water_reached",
                 {{"household", h.id}, {"people_at_home", std::to_string(home)}});
        }
    }
}

}  // namespace drillbase::sim
