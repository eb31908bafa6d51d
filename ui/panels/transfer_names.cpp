#include "ui/panels/transfer_names.h"

#include <algorithm>
#include <cstdio>

namespace drillbase::ui {

namespace {

template <typename Items>
const typename Items::value_type* byId(const Items& items, const std::string& id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

// The register names people in both languages; an author may have filled in only one.
std::string pick(const Strings& s, const std::string& zh, const std::string& en) {
    const bool chinese = s.locale() == "zh-CN";
    const std::string& first = chinese ? zh : en;
    return first.empty() ? (chinese ? en : zh) : first;
}

// The catalog's word for `key`, or its value word ("value.red") when it has no own one.
std::string wordOr(const Strings& s, const std::string& key, const std::string& raw) {
    if (s.primary().has(key)) return s.tr(key);
    const std::string value = "value." + raw;
    return s.primary().has(value) ? s.tr(value) : raw;
}

}  // namespace

const sim::HouseholdDef* findHousehold(const sim::TransferDef& reg, const std::string& id) {
    return byId(reg.households, id);
}

const sim::ZoneDef* findZone(const sim::TransferDef& reg, const std::string& id) {
    return byId(reg.zones, id);
}

const sim::ShelterDef* findShelter(const sim::TransferDef& reg, const std::string& id) {
    return byId(reg.shelters, id);
}

std::string householdName(const Strings& s, const sim::HouseholdDef& h) {
    return pick(s, h.headZh, h.headEn);
}

std::string zoneName(const Strings& s, const sim::ZoneDef& z) {
    return pick(s, z.nameZh, z.nameEn);
}

std::string shelterName(const Strings& s, const sim::ShelterDef& sh) {
    return pick(s, sh.nameZh, sh.nameEn);
}

std::string registerName(const Strings& s, const sim::TransferDef& reg, const std::string& key,
                         const std::string& id) {
    if (key == "household")
        if (const auto* h = findHousehold(reg, id)) return householdName(s, *h);
    if (key == "shelter")
        if (const auto* sh = findShelter(reg, id)) return shelterName(s, *sh);
    if (key == "zone")
        if (const auto* z = findZone(reg, id)) return zoneName(s, *z);
    return "";
}

std::string categoryLabel(const Strings& s, const std::string& category) {
    return wordOr(s, "category." + category, category);
}

std::string membersSummary(const Strings& s, const sim::HouseholdDef& h) {
    std::vector<std::pair<std::string, int>> counts;
    for (const auto& m : h.members) {
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&m](const auto& c) { return c.first == m.category; });
        if (it == counts.end())
            counts.emplace_back(m.category, 1);
        else
            ++it->second;
    }
    std::string text;
    for (const auto& [category, n] : counts) {
        if (!text.empty()) text += s.tr("transfer.list_separator");
        if (n == 1) {
            text += categoryLabel(s, category);
            continue;
        }
        char each[128];
        std::snprintf(each, sizeof each, s.tr("transfer.category_count"),
                      categoryLabel(s, category).c_str(), n);
        text += each;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, s.tr("transfer.members_count"),
                  static_cast<int>(h.members.size()));
    return buf + text;
}

const char* householdStatusLabel(const Strings& s, sim::HouseholdStatus status) {
    return s.tr(std::string("household_status.") + sim::householdStatusName(status));
}

std::string warningLabel(const Strings& s, const std::vector<std::string>& levels, int level) {
    if (level <= 0 || level > static_cast<int>(levels.size())) return "";
    const std::string& name = levels[static_cast<std::size_t>(level - 1)];
    return wordOr(s, "transfer.warning." + name, name);
}

std::string stageLabel(const Strings& s, const std::vector<std::string>& stages, int stage) {
    if (stage <= 0 || stage > static_cast<int>(stages.size())) return "";
    const std::string& name = stages[static_cast<std::size_t>(stage - 1)];
    char buf[128];
    std::snprintf(buf, sizeof buf, s.tr("transfer.stage_format"),
                  wordOr(s, "value." + name, name).c_str());
    return buf;
}

}  // namespace drillbase::ui
