// drill_transfer.cpp — the personnel-transfer work (人员转移) of a drill with a household
// register: 何时转 (warnings and response stages), 要转谁 and 人在哪 (the register, members found
// at home or not), 谁去转 (each household's responsible cadre, 包保责任人, calling in the order
// given), 转到哪 (the planned shelter and its capacity) and 怎么管 (head counts; nobody goes home
// from a staffed shelter before the warning is lifted). Hazard-independent: the hazard only
// says when it reaches a home.
#include "sim/engine/drill.h"
#include "sim/engine/drill_internal.h"

#include <algorithm>

namespace drillbase::sim {

using namespace detail;

namespace {

constexpr const char* kVisit = "transfer_visit";
constexpr const char* kStaff = "transfer_staff";

int indexOf(const std::vector<std::string>& names, const std::string& v) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == v) return static_cast<int>(i);
    return -1;
}

}  // namespace

const char* householdStatusName(HouseholdStatus s) {
    switch (s) {
        case HouseholdStatus::AtHome: return "at_home";
        case HouseholdStatus::Ordered: return "ordered";
        case HouseholdStatus::CadreOnWay: return "cadre_on_way";
        case HouseholdStatus::Handling: return "handling";
        case HouseholdStatus::Moving: return "moving";
        case HouseholdStatus::Sheltered: return "sheltered";
        case HouseholdStatus::Returned: return "returned";
    }
    return "at_home";
}

bool detail::isTransferTask(const std::string& kind) {
    return kind == kVisit || kind == kStaff;
}

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
    for (const auto& h : def.households) {
        HouseholdState hs;
        hs.id = h.id;
        hs.x = h.x;
        hs.y = h.y;
        for (std::size_t u = 0; u < state_.units.size(); ++u)
            if (state_.units[u].id == h.cadre) hs.cadre = static_cast<int>(u);
        for (std::size_t s = 0; s < def.shelters.size(); ++s)
            if (def.shelters[s].id == h.shelter) hs.shelter = static_cast<int>(s);
        for (std::size_t z = 0; z < def.zones.size(); ++z)
            if (def.zones[z].id == h.zone) hs.zone = static_cast<int>(z);
        const int hi = static_cast<int>(t.households.size());
        for (const auto& m : h.members) {
            for (std::size_t p = 0; p < state_.people.size(); ++p) {
                auto& ps = state_.people[p];
                if (ps.id != m.person) continue;
                ps.household = hi;
                // The register's category decides who is vulnerable and how fast they move.
                if (const auto* c = tr.category(m.category)) {
                    ps.vulnerable = c->vulnerable;
                    ps.speedFactor = c->speedFactor;
                }
                hs.vulnerable = hs.vulnerable || ps.vulnerable;
                hs.members.push_back(static_cast<int>(p));
            }
        }
        t.households.push_back(std::move(hs));
    }
}

double Drill::handlingS(const HouseholdState& h) const {
    double s = rules_.transfer.householdHandlingS;
    const auto& def = scenario_.transfer.households;
    for (const auto& hd : def)
        if (hd.id == h.id)
            for (const auto& m : hd.members)
                if (const auto* c = rules_.transfer.category(m.category)) s += c->extraHandlingS;
    return s;
}

HouseholdState* Drill::needHousehold(const Command& c) {
    for (auto& h : state_.transfer.households)
        if (h.id == c.target) return &h;
    reject(c, "unknown household " + c.target);
    return nullptr;
}

void Drill::orderHousehold(HouseholdState& h) {
    h.status = HouseholdStatus::Ordered;
    h.orderedTick = state_.tick;
    h.missing = 0;
    const auto& cadre = state_.units[static_cast<std::size_t>(h.cadre)];
    const int index = static_cast<int>(&h - state_.transfer.households.data());
    state_.units[static_cast<std::size_t>(h.cadre)].visits.push_back(index);
    emit("household_transfer_ordered",
         {{"household", h.id}, {"cadre", cadre.id}, {"vulnerable", h.vulnerable ? "yes" : "no"}});
}

bool Drill::waitingForOrder(const HouseholdState& h) {
    return h.status == HouseholdStatus::AtHome || h.status == HouseholdStatus::Returned;
}

void Drill::issueWarning(const Command& c) {
    const int level = indexOf(rules_.transfer.warningLevels, c.form) + 1;
    if (level <= 0) return reject(c, "unknown warning level " + c.form);
    state_.transfer.warningLevel = level;
    emit("warning_issued", {{"level", c.form}});
}

void Drill::liftWarning(const Command& c) {
    if (state_.transfer.warningLevel == 0) return reject(c, "no warning is in force");
    state_.transfer.warningLevel = 0;
    emit("warning_lifted");
}

void Drill::setResponseStage(const Command& c) {
    const int stage = indexOf(rules_.transfer.responseStages, c.form) + 1;
    if (stage <= 0) return reject(c, "unknown response stage " + c.form);
    state_.transfer.responseStage = stage;
    emit("response_stage_set", {{"stage", c.form}});
}

void Drill::transferHousehold(const Command& c) {
    auto* h = needHousehold(c);
    if (!h) return;
    if (!waitingForOrder(*h)) return reject(c, "household " + h->id + " is already being moved");
    orderHousehold(*h);
    emit("public_protection_ordered", {{"action", "transfer"}});
}

void Drill::transferZone(const Command& c) {
    const auto& zones = scenario_.transfer.zones;
    int zone = -1;
    for (std::size_t z = 0; z < zones.size(); ++z)
        if (zones[z].id == c.target) zone = static_cast<int>(z);
    if (zone < 0) return reject(c, "unknown zone " + c.target);
    std::vector<HouseholdState*> todo;
    for (auto& h : state_.transfer.households)
        if (h.zone == zone && waitingForOrder(h)) todo.push_back(&h);
    if (todo.empty()) return reject(c, "no household of zone " + c.target + " awaits an order");
    // 先老弱病残: the cadres call on households with vulnerable members first when told to.
    if (c.form == "vulnerable_first")
        std::stable_partition(todo.begin(), todo.end(),
                              [](const HouseholdState* h) { return h->vulnerable; });
    for (auto* h : todo) orderHousehold(*h);
    emit("zone_transfer_ordered",
         {{"zone", c.target}, {"households", std::to_string(todo.size())}, {"priority", c.form}});
    emit("public_protection_ordered", {{"action", "transfer"}});
}

void Drill::staffShelter(const Command& c) {
    auto* u = needUnit(c);
    if (!u) return;
    const auto& shelters = state_.transfer.shelters;
    const auto* s = findById(shelters, c.target);
    if (!s) return reject(c, "unknown shelter " + c.target);
    UnitTaskOrder o;
    o.kind = kStaff;
    o.target = s->id;
    o.x = s->x;
    o.y = s->y;
    o.attrs = {{"shelter", s->id}};
    assign(*u, o);
}

bool Drill::shelterStaffed(const ShelterState& s) const {
    const double r = rules_.transfer.staffedRadiusM;
    for (const auto& u : state_.units)
        if (u.task == UnitTask::Idle && distance(u.x, u.y, s.x, s.y) <= r) return true;
    return false;
}

void Drill::headCount(const Command&) {
    // 怎么管: everyone of a household that was ordered is at a shelter, on the way there,
    // still at home waiting for their cadre, or unaccounted for: the cadre has called and they
    // are neither here nor on the way (not found at home, slipped back home).
    int expected = 0, sheltered = 0, onTheWay = 0, waiting = 0;
    std::vector<std::pair<std::string, std::string>> missing;
    const auto& hs = state_.transfer.households;
    for (const auto& h : hs) {
        if (h.status == HouseholdStatus::AtHome) continue;
        const bool called = h.status == HouseholdStatus::Moving ||
                            h.status == HouseholdStatus::Sheltered ||
                            h.status == HouseholdStatus::Returned;
        for (const int m : h.members) {
            const auto& p = state_.people[static_cast<std::size_t>(m)];
            ++expected;
            if (p.shelter >= 0 || p.action == PersonAction::Safe)
                ++sheltered;
            else if (p.action == PersonAction::Evacuating || p.action == PersonAction::Carried)
                ++onTheWay;
            else if (!called)
                ++waiting;
            else
                missing.emplace_back(p.id, h.id);
        }
    }
    emit("head_count_taken", {{"expected", std::to_string(expected)},
                              {"at_shelters", std::to_string(sheltered)},
                              {"on_the_way", std::to_string(onTheWay)},
                              {"awaiting_cadre", std::to_string(waiting)},
                              {"unaccounted", std::to_string(missing.size())}});
    for (const auto& [person, household] : missing)
        emit("person_unaccounted", {{"person", person}, {"household", household}});
}

void Drill::householdReturns(const Command& c) {
    auto* h = needHousehold(c);
    if (!h) return;
    if (h->status != HouseholdStatus::Sheltered) return reject(c, h->id + " is not at a shelter");
    const auto& shelters = state_.transfer.shelters;
    for (const int m : h->members) {
        const auto& p = state_.people[static_cast<std::size_t>(m)];
        if (p.shelter < 0) continue;
        const auto& s = shelters[static_cast<std::size_t>(p.shelter)];
        // A staffed shelter does not let people go while the warning is in force (劝返).
        if (state_.transfer.warningLevel > 0 && shelterStaffed(s)) {
            emit("return_stopped", {{"household", h->id}, {"shelter", s.id}});
            return;
        }
    }
    for (const int m : h->members) {
        auto& p = state_.people[static_cast<std::size_t>(m)];
        if (p.shelter < 0) continue;
        p.shelter = -1;
        p.action = PersonAction::Returning;
        p.tx = h->x;
        p.ty = h->y;
        p.path.clear();
    }
    h->status = HouseholdStatus::Returned;
    h->returnedTick = state_.tick;
    h->returnedDuringWarning = state_.transfer.warningLevel > 0;
    emit("household_returned",
         {{"household", h->id}, {"during_warning", h->returnedDuringWarning ? "yes" : "no"}});
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
