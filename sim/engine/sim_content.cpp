#include "sim/engine/sim_content.h"

#include "common/json_fields.h"

#include <algorithm>
#include <type_traits>

namespace drillbase::sim {

namespace {

std::vector<std::string> stringList(FieldReader& r, const char* key) {
    std::vector<std::string> out;
    const auto ptr = pointerChild("", key);
    if (!r.isArray(ptr)) return out;
    const auto& arr = *r.at(ptr);
    for (std::size_t i = 0; i < arr.size(); ++i) {
        if (!arr[i].is_string() || arr[i].get<std::string>().empty()) {
            r.error(pointerChild(ptr, i), "must be a non-empty string");
            continue;
        }
        out.push_back(arr[i].get<std::string>());
    }
    if (out.empty() && r.ok()) r.error(ptr, "must list at least one");
    return out;
}

}  // namespace

std::optional<double> readSourcedNumber(FieldReader& r, const std::string& key, double lo,
                                        double hi) {
    const auto ptr = pointerChild("", key);
    if (!r.isObject(ptr)) return std::nullopt;
    r.knownKeys(ptr, {"value", "unit", "source", "verified"});
    r.string(ptr, "source");
    r.boolean(ptr, "verified");
    const auto v = r.number(ptr, "value");
    if (v && (*v < lo || *v > hi)) {
        r.error(pointerChild(ptr, "value"), "must be in [" + nlohmann::json(lo).dump() + ", " +
                                                nlohmann::json(hi).dump() + "]");
        return std::nullopt;
    }
    return v;
}

std::string sourcedValuePointer(FieldReader& r, const char* key) {
    const auto ptr = pointerChild("", key);
    if (!r.isObject(ptr)) return "";
    r.knownKeys(ptr, {"value", "unit", "source", "verified"});
    r.string(ptr, "source");
    r.boolean(ptr, "verified");
    if (!r.at(pointerChild(ptr, "value"))) {
        r.error(ptr, "missing required field \"value\"");
        return "";
    }
    return pointerChild(ptr, "value");
}

std::optional<DrillRules> parseDrillRules(const JsonDocument& doc, std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject("")) return std::nullopt;
    r.knownKeys(
        "", {"format", "notes", "warning_spread", "vulnerable_speed_factor", "replan_interval_s",
             "report_forms", "report_forms_source", "response_levels", "support_kinds",
             "unit_kinds", "unit_mobility", "unit_mobility_source", "limits"});
    if (const auto f = r.string("", "format"); f && *f != "drillbase-drill-rules/1")
        r.error("/format", "expected \"drillbase-drill-rules/1\"");
    DrillRules d;
    d.warningSpread = readSourcedNumber(r, "warning_spread", 0, 0.9).value_or(d.warningSpread);
    d.vulnerableSpeedFactor =
        readSourcedNumber(r, "vulnerable_speed_factor", 0.05, 1).value_or(d.vulnerableSpeedFactor);
    d.replanIntervalS =
        readSourcedNumber(r, "replan_interval_s", 1, 3600).value_or(d.replanIntervalS);
    if (r.isObject("/response_levels")) {
        r.knownKeys("/response_levels", {"min", "max", "source"});
        r.string("/response_levels", "source");
        d.minResponseLevel = static_cast<int>(r.integer("/response_levels", "min").value_or(1));
        d.maxResponseLevel = static_cast<int>(r.integer("/response_levels", "max").value_or(4));
        if (d.minResponseLevel < 1 || d.maxResponseLevel < d.minResponseLevel)
            r.error("/response_levels", "needs 1 <= min <= max");
    }
    if (r.isObject("/limits")) {
        const std::string L = "/limits";
        r.knownKeys(L, {"source", "min_tick_ms", "max_map_m", "max_map_cells", "max_people",
                        "max_units", "max_injects"});
        r.string(L, "source");
        auto& l = d.limits;
        auto whole = [&](const char* k, auto& dst) {
            if (const auto v = r.integer(L, k)) {
                if (*v <= 0) r.error(pointerChild(L, k), "must be positive");
                dst = static_cast<std::remove_reference_t<decltype(dst)>>(*v);
            }
        };
        whole("min_tick_ms", l.minTickMs);
        whole("max_people", l.maxPeople);
        whole("max_units", l.maxUnits);
        whole("max_injects", l.maxInjects);
        if (const auto v = r.number(L, "max_map_m")) l.maxMapM = *v;
        if (const auto v = r.number(L, "max_map_cells")) l.maxMapCells = *v;
    }
    r.string("", "report_forms_source");
    d.reportForms = stringList(r, "report_forms");
    d.supportKinds = stringList(r, "support_kinds");
    d.unitKinds = stringList(r, "unit_kinds");
    r.string("", "unit_mobility_source", false);
    if (r.at("/unit_mobility") && r.isObject("/unit_mobility")) {
        d.unitMobility.clear();
        for (const auto& [kind, v] : r.at("/unit_mobility")->items()) {
            const auto ptr = pointerChild("/unit_mobility", kind);
            const std::string m = v.is_string() ? v.get<std::string>() : "";
            if (m == "on_foot")
                d.unitMobility[kind] = Mobility::OnFoot;
            else if (m == "vehicle")
                d.unitMobility[kind] = Mobility::Vehicle;
            else if (m == "boat")
                d.unitMobility[kind] = Mobility::Boat;
            else
                r.error(ptr, "must be \"on_foot\", \"vehicle\" or \"boat\"");
            if (std::find(d.unitKinds.begin(), d.unitKinds.end(), kind) == d.unitKinds.end())
                r.error(ptr, "\"" + kind + "\" is not one of unit_kinds");
        }
    }
    if (!r.ok()) return std::nullopt;
    return d;
}

SimContent::SimContent(DrillRules rules, HazardRegistry registry)
    : rules_(std::move(rules)), registry_(std::make_shared<HazardRegistry>(std::move(registry))) {}

std::optional<SimContent> SimContent::load(const std::filesystem::path& contentDir,
                                           HazardRegistry registry, std::vector<Diagnostic>& out) {
    const std::size_t before = out.size();
    std::optional<DrillRules> rules;
    if (const auto doc = loadJsonFile(contentDir / "drill.json", out))
        rules = parseDrillRules(*doc, out);
    if (const auto doc = loadJsonFile(contentDir / "transfer.json", out); doc && rules) {
        if (auto t = parseTransferRules(*doc, out)) rules->transfer = std::move(*t);
    }
    registry.loadContent(contentDir, out);
    if (!rules || out.size() > before) return std::nullopt;
    return SimContent(std::move(*rules), std::move(registry));
}

CommandCatalog SimContent::catalogFor(const std::string& hazardType) const {
    CommandCatalog c(engineCommands(rules_));
    if (const auto* t = registry_->find(hazardType)) c.add(t->commands());
    return c;
}

}  // namespace drillbase::sim
