#include "ui/panels/map_names.h"

#include "ui/panels/drill_format.h"
#include "ui/panels/transfer_names.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace drillbase::ui {

namespace {

std::string numbered(const Strings& s, const char* key, int n) {
    char buf[128];
    std::snprintf(buf, sizeof buf, s.tr(key), n);
    return buf;
}

// The unit a marker belongs to (a crew's safety zone carries the crew's id), named by its kind.
std::string unitNamed(const Strings& s, const sim::DrillState* st, const std::string& id) {
    if (!st) return "";
    for (std::size_t u = 0; u < st->units.size(); ++u)
        if (st->units[u].id == id) return unitLabel(s, *st, static_cast<int>(u));
    return "";
}

// Kind, then owner or number: shared by markers and lines (both have kindKey and id). An id
// numbered by the hazard ("line-3") keeps that number, so the map and the log agree; a marker
// alone of its kind (the one hot spot) needs none. `alwaysNumber`: lines, which the log names by
// number before they show on the map.
template <typename Item>
std::string nameAmong(const Strings& s, const std::vector<Item>& all, const sim::DrillState* st,
                      const Item& item, bool alwaysNumber) {
    const std::string name = s.tr(item.kindKey);
    if (const auto unit = unitNamed(s, st, item.id); !unit.empty()) {
        char buf[192];
        std::snprintf(buf, sizeof buf, s.tr("transfer.name_detail"), name.c_str(), unit.c_str());
        return buf;
    }
    int ordinal = 0, count = 0;
    for (const auto& other : all) {
        if (other.kindKey != item.kindKey) continue;
        ++count;
        if (&other <= &item) ++ordinal;
    }
    if (count <= 1 && !alwaysNumber) return name;
    if (const auto number = numberOfId(s, item.id); !number.empty()) return name + " " + number;
    if (count <= 1) return name;
    return name + " " + numbered(s, "transfer.unit_number", ordinal);
}

}  // namespace

std::string assemblyPointName(const Strings& s, const sim::MapDef& map, const sim::TransferDef& reg,
                              const std::string& id) {
    if (const auto* shelter = findShelter(reg, id)) return shelterName(s, *shelter);
    for (std::size_t k = 0; k < map.assemblyPoints.size(); ++k)
        if (map.assemblyPoints[k].id == id)
            return numbered(s, "drill.assembly_point_numbered", static_cast<int>(k) + 1);
    return "";
}

std::string buildingName(const Strings& s, const sim::MapDef& map, const std::string& id) {
    for (std::size_t k = 0; k < map.buildings.size(); ++k)
        if (map.buildings[k].id == id)
            return numbered(s, "drill.building_numbered", static_cast<int>(k) + 1);
    return "";
}

std::string markerName(const Strings& s, const sim::Hazard& hazard, const sim::DrillState* st,
                       const sim::MapMarker& m) {
    const auto all = hazard.markers();
    for (const auto& other : all)
        if (other.kindKey == m.kindKey && other.id == m.id)
            return nameAmong(s, all, st, other, false);
    return s.tr(m.kindKey);
}

std::string hazardObjectName(const Strings& s, const sim::Hazard& hazard, const sim::DrillState* st,
                             const std::string& id) {
    const auto markers = hazard.markers();
    for (const auto& m : markers)
        if (m.id == id) return nameAmong(s, markers, st, m, false);
    const auto lines = hazard.lines();
    for (const auto& l : lines)
        if (l.id == id) return nameAmong(s, lines, st, l, true);
    return "";
}

std::string numberOfId(const Strings& s, const std::string& id) {
    std::size_t at = id.size();
    while (at > 0 && std::isdigit(static_cast<unsigned char>(id[at - 1]))) --at;
    if (at == id.size() || at == 0 || (id[at - 1] != '-' && id[at - 1] != '_')) return "";
    return numbered(s, "transfer.unit_number", std::atoi(id.c_str() + at));
}

}  // namespace drillbase::ui
