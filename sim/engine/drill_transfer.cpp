// drill_transfer.cpp — the personnel-transfer work (人员转移) of a drill with a household
// register: 何时转 (warnings and response stages), 要转谁 and 人在哪 (the register, members found
// at home or not), 谁去转 (each household's responsible cadre, 包保责任人, calling in the order
// given), 转到哪 (the planned shelter and its capacity) and 怎么管 (head counts; nobody goes home
// from a staffed shelter before the warning is lifted). Hazard-independent: the hazard only
// says when it reaches a home. The commands are here; what happens over time is in
// drill_transfer_step.cpp.
#include "sim/engine/drill.h"
#include "sim/engine/drill_internal.h"

#include <algorithm>

namespace drillbase::sim {

using namespace detail;

namespace {

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

double Drill::handlingS(const HouseholdState& h) const {
    // The state's households are the register's, in its order.
    const auto index = static_cast<std::size_t>(&h - state_.transfer.households.data());
    double s = rules_.transfer.householdHandlingS;
    for (const auto& m : scenario_.transfer.households[index].members)
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

}  // namespace drillbase::sim
