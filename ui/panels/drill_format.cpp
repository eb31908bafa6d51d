#include "ui/panels/drill_format.h"

#include "ui/panels/map_names.h"
#include "ui/panels/transfer_names.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace drillbase::ui {

namespace {

// Whether `name` holds `word` as a word of its own ("line" in "Control line No. 3", not "to" in
// "photo"), ASCII letters compared without case; Chinese has no spaces and needs none.
bool containsWord(const std::string& name, const std::string& word) {
    if (word.empty() || word.size() > name.size()) return false;
    auto lower = [](unsigned char c) { return static_cast<char>(std::tolower(c)); };
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    std::string n(name.size(), ' '), w(word.size(), ' ');
    std::transform(name.begin(), name.end(), n.begin(), lower);
    std::transform(word.begin(), word.end(), w.begin(), lower);
    for (auto at = n.find(w); at != std::string::npos; at = n.find(w, at + 1)) {
        const bool before = at > 0 && letter(n[at - 1]);
        const bool after = at + w.size() < n.size() && letter(n[at + w.size()]);
        if (!before && !after) return true;
    }
    return false;
}

}  // namespace

std::string formatClock(double seconds) {
    const long t = static_cast<long>(seconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    return buf;
}

std::string unitLabel(const Strings& s, const sim::DrillState& st, int unit, bool withKind) {
    if (unit < 0 || unit >= static_cast<int>(st.units.size())) return "";
    const auto& u = st.units[static_cast<std::size_t>(unit)];
    int ordinal = 0;
    for (int i = 0; i <= unit; ++i)
        if (st.units[static_cast<std::size_t>(i)].kind == u.kind) ++ordinal;
    char buf[64];
    std::snprintf(buf, sizeof buf, s.tr("transfer.unit_number"), ordinal);
    if (!withKind) return buf;
    const std::string kind = "unit." + u.kind;
    return std::string(s.primary().has(kind) ? s.tr(kind) : u.kind.c_str()) + " " + buf;
}

std::string personLabel(const Strings& s, const sim::TransferDef& reg, const sim::DrillState& st,
                        const std::string& id) {
    const auto& people = st.people;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const auto& p = people[i];
        if (p.id != id) continue;
        char buf[160];
        if (p.household >= 0 && static_cast<std::size_t>(p.household) < reg.households.size()) {
            const auto& h = reg.households[static_cast<std::size_t>(p.household)];
            std::string category = "adult";
            for (const auto& m : h.members)
                if (m.person == id) category = m.category;
            std::snprintf(buf, sizeof buf, s.tr("person.of_household"), householdName(s, h).c_str(),
                          categoryLabel(s, category).c_str());
            return buf;
        }
        int ordinal = 0;
        for (std::size_t j = 0; j <= i; ++j) ordinal += people[j].kind == p.kind ? 1 : 0;
        std::snprintf(buf, sizeof buf, s.tr("person.numbered"),
                      s.tr(std::string("person_kind.") + sim::personKindName(p.kind)), ordinal);
        return buf;
    }
    return id;
}

std::string describeEvent(const Strings& s, const sim::Event& e, const sim::TransferDef& reg,
                          const sim::DrillState* st, const sim::MapDef* map,
                          const sim::Hazard* hazard) {
    std::string text = s.tr("event." + e.kind);
    if (e.attrs.empty()) return text;
    text += " (";
    bool first = true;
    // Attribute names and known values are words a person reads: translate them; the
    // register's households, shelters and zones by their names, units and people by
    // unitLabel and personLabel, the map's places and the hazard's markers and lines by
    // map_names.h; an id still unnamed that ends in a number by the number.
    auto word = [&s](const std::string& prefix, const std::string& raw) -> std::string {
        const std::string key = prefix + raw;
        return s.primary().has(key) ? s.tr(key) : raw;
    };
    for (const auto& [k, v] : e.attrs) {
        std::string value = registerName(s, reg, k, v);
        if (value.empty() && st && (k == "unit" || k == "cadre"))
            for (std::size_t u = 0; u < st->units.size(); ++u)
                if (st->units[u].id == v) value = unitLabel(s, *st, static_cast<int>(u));
        if (value.empty() && st && k == "person") value = personLabel(s, reg, *st, v);
        if (value.empty() && map) value = assemblyPointName(s, *map, reg, v);
        if (value.empty() && map) value = buildingName(s, *map, v);
        if (value.empty() && hazard) value = hazardObjectName(s, *hazard, st, v);
        // A rejected order names its command by id: the order's own name is the word.
        if (value.empty()) value = k == "command" ? word("command.", v) : word("value.", v);
        if (value == v && hazard) {
            const auto number = numberOfId(s, v);
            if (!number.empty()) value = number;
        }
        // "控制线 控制线 3号", "line Control line No. 3" read as a stutter: a name that holds
        // the attribute's word stands alone.
        const std::string label = word("attr.", k);
        text += (first ? "" : ", ");
        text += containsWord(value, label) ? value : label + " " + value;
        first = false;
    }
    return text + ")";
}

}  // namespace drillbase::ui
