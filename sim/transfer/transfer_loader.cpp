#include "sim/transfer/transfer_loader.h"

#include <map>
#include <set>

namespace drillbase::sim {

namespace {

constexpr const char* kRoot = "/transfer";
constexpr int kMaxCapacity = 1000000;

// A reference that must name one of `known`; reported with the names it could have been.
template <class Set>
void mustName(FieldReader& r, const std::string& p, const char* key, const std::string& v,
              const Set& known, const char* what) {
    if (v.empty() || known.count(v)) return;
    r.error(pointerChild(p, key), "unknown " + std::string(what) + " \"" + v + "\"");
}

}  // namespace

void readTransfer(ScenarioReader& s, Scenario& sc, const TransferRules& rules) {
    auto& r = s.r;
    if (!r.at(kRoot)) return;
    if (!r.isObject(kRoot)) return;
    r.knownKeys(kRoot, {"zones", "shelters", "households"});
    TransferDef t;
    std::set<std::string> zoneIds, shelterIds, householdIds;
    s.each(kRoot, "zones", {"id", "name_zh", "name_en"}, [&](const std::string& p) {
        ZoneDef z;
        z.id = s.id(p, zoneIds);
        z.nameZh = r.string(p, "name_zh").value_or("");
        z.nameEn = r.string(p, "name_en").value_or("");
        t.zones.push_back(z);
    });
    std::set<std::string> assembly;
    for (const auto& ap : sc.map.assemblyPoints) assembly.insert(ap.id);
    s.each(kRoot, "shelters", {"id", "name_zh", "name_en", "capacity"}, [&](const std::string& p) {
        ShelterDef sh;
        sh.id = s.id(p, shelterIds);
        if (!sh.id.empty() && !assembly.count(sh.id))
            r.error(pointerChild(p, "id"), "\"" + sh.id + "\" is not an assembly point of /map");
        sh.nameZh = r.string(p, "name_zh").value_or("");
        sh.nameEn = r.string(p, "name_en").value_or("");
        const auto cap = r.integer(p, "capacity");
        if (cap && (*cap < 1 || *cap > kMaxCapacity))
            r.error(pointerChild(p, "capacity"), "must be 1 to " + std::to_string(kMaxCapacity));
        sh.capacity = static_cast<int>(cap.value_or(1));
        t.shelters.push_back(sh);
    });
    std::set<std::string> people, units;
    for (const auto& p : sc.people) people.insert(p.id);
    for (const auto& u : sc.units) units.insert(u.id);
    std::map<std::string, std::string> memberOf;  // person → household
    s.each(kRoot, "households",
           {"id", "head_zh", "head_en", "x", "y", "zone", "cadre", "shelter", "members"},
           [&](const std::string& p) {
               HouseholdDef h;
               h.id = s.id(p, householdIds);
               h.headZh = r.string(p, "head_zh").value_or("");
               h.headEn = r.string(p, "head_en").value_or("");
               h.x = r.number(p, "x").value_or(0);
               h.y = r.number(p, "y").value_or(0);
               if (!sc.map.contains(h.x, h.y)) r.error(p, "home is off the map");
               h.zone = r.string(p, "zone").value_or("");
               mustName(r, p, "zone", h.zone, zoneIds, "zone");
               h.cadre = r.string(p, "cadre").value_or("");
               mustName(r, p, "cadre", h.cadre, units, "unit");
               h.shelter = r.string(p, "shelter").value_or("");
               mustName(r, p, "shelter", h.shelter, shelterIds, "shelter");
               s.each(p, "members", {"person", "category"}, [&](const std::string& m) {
                   HouseholdMember mem;
                   mem.person = r.string(m, "person").value_or("");
                   mustName(r, m, "person", mem.person, people, "person");
                   if (!mem.person.empty()) {
                       const auto [it, fresh] = memberOf.emplace(mem.person, h.id);
                       if (!fresh)
                           r.error(pointerChild(m, "person"), "\"" + mem.person +
                                                                  "\" is already a member of \"" +
                                                                  it->second + "\"");
                   }
                   mem.category = r.string(m, "category", false).value_or("adult");
                   if (!rules.category(mem.category)) {
                       std::string all;
                       for (const auto& c : rules.categories)
                           all += (all.empty() ? "" : ", ") + c.id;
                       r.error(pointerChild(m, "category"), "unknown category \"" + mem.category +
                                                                "\" (" + all +
                                                                "; content/transfer.json)");
                   }
                   h.members.push_back(mem);
               });
               if (h.members.empty()) r.error(p, "a household needs at least one member");
               t.households.push_back(h);
           });
    if (!t.households.empty() && t.shelters.empty())
        r.error(kRoot, "households need at least one shelter");
    sc.transfer = std::move(t);
}

}  // namespace drillbase::sim
