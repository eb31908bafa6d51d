#include "sim/transfer/transfer_rules.h"

#include "sim/engine/sim_content.h"

#include <set>

namespace drillbase::sim {

TransferRules::TransferRules()
    : categories{{"adult", false, 0, 1},       {"child", true, 60, 0.8},
                 {"pregnant", true, 120, 0.7}, {"elderly_alone", true, 300, 0.6},
                 {"disabled", true, 300, 0.4}, {"bedridden", true, 600, 0.3}},
      warningLevels{"blue", "yellow", "orange", "red"},
      responseStages{"I", "II", "III", "IV"} {}

const MemberCategory* TransferRules::category(const std::string& id) const {
    for (const auto& c : categories)
        if (c.id == id) return &c;
    return nullptr;
}

namespace {

std::vector<std::string> names(FieldReader& r, const char* key, std::size_t count) {
    std::vector<std::string> out;
    const auto ptr = pointerChild("", key);
    if (!r.isArray(ptr)) return out;
    const auto& arr = *r.at(ptr);
    for (std::size_t i = 0; i < arr.size(); ++i) {
        if (!arr[i].is_string() || arr[i].get<std::string>().empty())
            r.error(pointerChild(ptr, i), "must be a non-empty string");
        else
            out.push_back(arr[i].get<std::string>());
    }
    if (arr.size() != count)
        r.error(ptr, "must list " + std::to_string(count) + " names, lowest to highest");
    return out;
}

}  // namespace

std::optional<TransferRules> parseTransferRules(const JsonDocument& doc,
                                                std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject("")) return std::nullopt;
    r.knownKeys("", {"format", "notes", "household_handling_s", "home_radius_m", "staffed_radius_m",
                     "categories", "categories_source", "warning_levels", "warning_levels_source",
                     "response_stages", "response_stages_source"});
    if (const auto f = r.string("", "format"); f && *f != "drillbase-transfer-rules/1")
        r.error("/format", "expected \"drillbase-transfer-rules/1\"");
    TransferRules t;
    t.householdHandlingS =
        readSourcedNumber(r, "household_handling_s", 0, 7200).value_or(t.householdHandlingS);
    t.homeRadiusM = readSourcedNumber(r, "home_radius_m", 1, 1000).value_or(t.homeRadiusM);
    t.staffedRadiusM = readSourcedNumber(r, "staffed_radius_m", 1, 1000).value_or(t.staffedRadiusM);
    r.string("", "categories_source");
    r.string("", "warning_levels_source");
    r.string("", "response_stages_source");
    if (r.isArray("/categories")) {
        t.categories.clear();
        std::set<std::string> seen;
        const auto n = r.at("/categories")->size();
        for (std::size_t i = 0; i < n; ++i) {
            const auto p = pointerChild("/categories", i);
            if (!r.isObject(p)) continue;
            r.knownKeys(p, {"id", "vulnerable", "extra_handling_s", "speed_factor"});
            MemberCategory c;
            c.id = r.string(p, "id").value_or("");
            if (!c.id.empty() && !seen.insert(c.id).second)
                r.error(pointerChild(p, "id"), "duplicate category \"" + c.id + "\"");
            c.vulnerable = r.boolean(p, "vulnerable").value_or(false);
            c.extraHandlingS = r.number(p, "extra_handling_s").value_or(0);
            if (c.extraHandlingS < 0 || c.extraHandlingS > 7200)
                r.error(pointerChild(p, "extra_handling_s"), "must be in [0, 7200]");
            c.speedFactor = r.number(p, "speed_factor").value_or(1);
            if (c.speedFactor <= 0 || c.speedFactor > 1)
                r.error(pointerChild(p, "speed_factor"), "must be in (0, 1]");
            t.categories.push_back(c);
        }
        if (!t.category("adult")) r.error("/categories", "must define \"adult\"");
    }
    if (r.at("/warning_levels")) t.warningLevels = names(r, "warning_levels", 4);
    if (r.at("/response_stages")) t.responseStages = names(r, "response_stages", 4);
    if (!r.ok()) return std::nullopt;
    return t;
}

}  // namespace drillbase::sim
