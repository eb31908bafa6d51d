#include "ledger/industries.h"

#include <set>

namespace drillbase::ledger {

namespace {
bool isKey(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (const char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}
}  // namespace

const Industry* IndustryList::find(const std::string& id) const {
    for (const auto& i : industries)
        if (i.id == id) return &i;
    return nullptr;
}

IndustriesLoad readIndustries(const nlohmann::json& doc) {
    ContentReader r(doc);
    IndustryList list;
    if (!doc.is_object()) {
        r.error("", "must be a JSON object");
        return {std::nullopt, r.takeIssues()};
    }
    r.onlyKeys("", {"format", "version", "note", "industries"});
    if (const auto f = r.string("", "format"); f && *f != "drillbase-industries/1")
        r.error("/format", "must be \"drillbase-industries/1\", got \"" + *f + "\"");
    list.version = r.string("", "version").value_or("");
    std::set<std::string> seen;
    const auto n = r.array("", "industries");
    for (std::size_t i = 0; n && i < *n; ++i) {
        const auto p = pointerChild("/industries", i);
        if (!r.at(p)->is_object()) {
            r.error(p, "must be an object");
            continue;
        }
        r.onlyKeys(p, {"id", "zh", "en", "high_risk", "note"});
        Industry ind;
        ind.id = r.string(p, "id").value_or("");
        ind.zh = r.string(p, "zh").value_or("");
        ind.en = r.string(p, "en").value_or("");
        ind.highRisk = r.boolean(p, "high_risk").value_or(false);
        if (r.at(p + "/id") && r.at(p + "/id")->is_string()) {
            if (!isKey(ind.id))
                r.error(p + "/id", "must be lower-case letters, digits and '_'");
            else if (!seen.insert(ind.id).second)
                r.error(p + "/id", "duplicate industry \"" + ind.id + "\"");
        }
        list.industries.push_back(std::move(ind));
    }
    if (n && *n == 0) r.error("/industries", "must list at least one industry");
    if (!r.ok()) return {std::nullopt, r.takeIssues()};
    return {std::move(list), {}};
}

IndustryList loadIndustriesFile(const std::filesystem::path& file) {
    auto load = readIndustries(readJsonFile(file));
    if (!load.list) throw ContentError(file.string(), load.issues);
    return std::move(*load.list);
}

}  // namespace drillbase::ledger
