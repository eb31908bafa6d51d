#include "ledger/regions.h"

#include <set>

namespace drillbase::ledger {

bool isRegionCode(const std::string& code) {
    if (code.size() != 6) return false;
    for (const char c : code)
        if (c < '0' || c > '9') return false;
    return code.compare(0, 2, "00") != 0;
}

RegionLevel regionLevelOf(const std::string& code) {
    if (code.compare(2, 4, "0000") == 0) return RegionLevel::Province;
    if (code.compare(4, 2, "00") == 0) return RegionLevel::City;
    return RegionLevel::County;
}

const RegionName* RegionList::find(const std::string& code) const {
    for (const auto& r : regions)
        if (r.code == code) return &r;
    return nullptr;
}

std::string RegionList::labelZh(const std::string& code) const {
    const auto* r = find(code);
    if (!r) return code;
    if (r->level == RegionLevel::Province) return r->zh;
    const RegionName* parent = find(r->level == RegionLevel::City ? r->provinceCode : r->cityCode);
    return parent ? parent->zh + r->zh : r->zh;
}

std::string RegionList::labelEn(const std::string& code) const {
    const auto* r = find(code);
    if (!r) return code;
    if (r->level == RegionLevel::Province) return r->en;
    const RegionName* parent = find(r->level == RegionLevel::City ? r->provinceCode : r->cityCode);
    return parent ? r->en + ", " + parent->en : r->en;
}

RegionsLoad readRegions(const nlohmann::json& doc) {
    ContentReader r(doc);
    RegionList list;
    if (!doc.is_object()) {
        r.error("", "must be a JSON object");
        return {std::nullopt, r.takeIssues()};
    }
    r.onlyKeys("", {"format", "version", "note", "synth_counties", "regions"});
    if (const auto f = r.string("", "format"); f && *f != "drillbase-regions/1")
        r.error("/format", "must be \"drillbase-regions/1\", got \"" + *f + "\"");
    list.version = r.string("", "version").value_or("");
    std::set<std::string> seen;
    std::vector<std::string> pointers;  // of each kept entry, for the parent check below
    const auto n = r.array("", "regions");
    for (std::size_t i = 0; n && i < *n; ++i) {
        const auto p = pointerChild("/regions", i);
        if (!r.at(p)->is_object()) {
            r.error(p, "must be an object");
            continue;
        }
        r.onlyKeys(p, {"code", "zh", "en", "note"});
        RegionName reg;
        reg.code = r.string(p, "code").value_or("");
        reg.zh = r.string(p, "zh").value_or("");
        reg.en = r.string(p, "en").value_or("");
        if (!r.at(p + "/code") || !r.at(p + "/code")->is_string()) continue;
        if (!isRegionCode(reg.code)) {
            r.error(p + "/code", "must be a six-digit GB/T 2260 code, got \"" + reg.code + "\"");
            continue;
        }
        if (!seen.insert(reg.code).second)
            r.error(p + "/code", "duplicate region \"" + reg.code + "\"");
        reg.level = regionLevelOf(reg.code);
        reg.provinceCode = reg.code.substr(0, 2) + "0000";
        if (reg.level == RegionLevel::County) reg.cityCode = reg.code.substr(0, 4) + "00";
        list.regions.push_back(std::move(reg));
        pointers.push_back(p + "/code");
    }
    if (n && *n == 0) r.error("/regions", "must list at least one region");
    // Parents are checked once every code is known, so the file may list them in any order.
    for (std::size_t i = 0; i < list.regions.size(); ++i) {
        auto& reg = list.regions[i];
        if (reg.level != RegionLevel::Province && !seen.count(reg.provinceCode))
            r.error(pointers[i],
                    "province " + reg.provinceCode + " of " + reg.code + " is not listed");
        if (!reg.cityCode.empty() && !seen.count(reg.cityCode)) reg.cityCode.clear();
    }
    if (const auto m = r.array("", "synth_counties")) {
        for (std::size_t i = 0; i < *m; ++i) {
            const auto p = pointerChild("/synth_counties", i);
            const auto* v = r.at(p);
            const RegionName* reg = v->is_string() ? list.find(v->get<std::string>()) : nullptr;
            if (!reg || reg->level != RegionLevel::County)
                r.error(p, "must be the code of a county-level division listed in /regions");
            else
                list.synthCounties.push_back(reg->code);
        }
        if (*m == 0) r.error("/synth_counties", "must list at least one county");
    }
    if (!r.ok()) return {std::nullopt, r.takeIssues()};
    return {std::move(list), {}};
}

RegionList loadRegionsFile(const std::filesystem::path& file) {
    auto load = readRegions(readJsonFile(file));
    if (!load.list) throw ContentError(file.string(), load.issues);
    return std::move(*load.list);
}

}  // namespace drillbase::ledger
