#include "sim/hazards/gas/gas_type.h"

#include "sim/engine/sim_content.h"
#include "sim/hazards/gas/gas_hazard.h"

#include <set>

namespace drillbase::sim {

namespace {

std::vector<CommandSpec> gasCommands() {
    ParamSpec rate = makeParam(Slot::Value, "param.leak_rate");
    rate.unit = "kg/s";
    rate.min = 0;
    rate.exclusiveMin = true;
    rate.max = 1000;
    ParamSpec cls = makeParam(Slot::Target, "param.stability", ChoiceSource::Fixed);
    cls.choices = {"A", "B", "C", "D", "E", "F"};
    const ParamSpec unit = makeParam(Slot::Unit, "param.unit", ChoiceSource::Units);
    const ParamSpec x = makeParam(Slot::X, "param.x"), y = makeParam(Slot::Y, "param.y");
    return {
        makeSpec("don_ppe", kTrainee, Gesture::Button, {unit}),
        makeSpec("close_valve", kTrainee, Gesture::Button,
                 {unit, makeParam(Slot::Target, "param.valve", ChoiceSource::Hazard, "valves")}),
        makeSpec("set_water_curtain", kTrainee, Gesture::Point, {unit, x, y}),
        makeSpec("set_stability", kInstructor, Gesture::Button, {cls}),
        makeSpec("secondary_leak", kInstructor, Gesture::Point,
                 {makeParam(Slot::Target, "param.release_id"),
                  makeParam(Slot::Chemical, "param.chemical", ChoiceSource::Hazard, "chemicals"), x,
                  y, rate}),
    };
}

}  // namespace

std::optional<GasRules> parseGasRules(const JsonDocument& doc, std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject("")) return std::nullopt;
    r.knownKeys("", {"format", "notes", "ppe_don_s", "curtain_knockdown", "curtain_half_width_m",
                     "exposure_cells_per_sigma", "exposure_refresh_s", "exposure_cutoff_sigmas",
                     "max_release_kg_s"});
    if (const auto f = r.string("", "format"); f && *f != "drillbase-gas-rules/1")
        r.error("/format", "expected \"drillbase-gas-rules/1\"");
    GasRules g;
    g.ppeDonS = readSourcedNumber(r, "ppe_don_s", 0, 3600).value_or(g.ppeDonS);
    g.curtainKnockdown =
        readSourcedNumber(r, "curtain_knockdown", 0, 1).value_or(g.curtainKnockdown);
    g.curtainHalfWidthM =
        readSourcedNumber(r, "curtain_half_width_m", 1, 500).value_or(g.curtainHalfWidthM);
    g.cellsPerSigma =
        readSourcedNumber(r, "exposure_cells_per_sigma", 1, 16).value_or(g.cellsPerSigma);
    g.refreshS = readSourcedNumber(r, "exposure_refresh_s", 0.001, 60).value_or(g.refreshS);
    g.maxReleaseKgS = readSourcedNumber(r, "max_release_kg_s", 1, 1e6).value_or(g.maxReleaseKgS);
    g.cutoffSigmas = readSourcedNumber(r, "exposure_cutoff_sigmas", 3, 8).value_or(g.cutoffSigmas);
    if (!r.ok()) return std::nullopt;
    return g;
}

GasHazardType::GasHazardType() : commands_(gasCommands()) {}

bool GasHazardType::loadContent(const std::filesystem::path& contentDir,
                                std::vector<Diagnostic>& out) {
    auto table = ChemicalTable::load(contentDir / "chemicals.json", out);
    std::optional<GasRules> rules;
    if (const auto doc = loadJsonFile(contentDir / "hazards" / "gas.json", out))
        rules = parseGasRules(*doc, out);
    if (!table || !rules) return false;
    setContent(std::make_shared<const ChemicalTable>(std::move(*table)), *rules);
    return true;
}

void GasHazardType::setContent(std::shared_ptr<const ChemicalTable> chemicals, GasRules rules) {
    chemicals_ = std::move(chemicals);
    rules_ = rules;
}

std::shared_ptr<const HazardConfig> GasHazardType::parse(HazardSection& s) const {
    auto& r = s.reader;
    auto cfg = std::make_shared<GasConfig>();
    r.knownKeys("/hazard", {"type", "stability", "terrain", "releases", "valves"});
    const auto st = r.string("/hazard", "stability");
    if (st && (st->size() != 1 || (*st)[0] < 'A' || (*st)[0] > 'F'))
        r.error("/hazard/stability", "must be a Pasquill–Gifford class \"A\" to \"F\"");
    else if (st)
        cfg->stability = (*st)[0];
    const auto terrain = r.string("/hazard", "terrain", false);
    if (terrain && *terrain != "rural" && *terrain != "urban")
        r.error("/hazard/terrain", "must be \"rural\" or \"urban\"");
    cfg->urban = terrain && *terrain == "urban";

    auto each = [&](const char* key, std::initializer_list<std::string_view> keys, bool required,
                    auto fn) {
        const auto ptr = pointerChild("/hazard", key);
        const auto* v = r.at(ptr);
        if (!v) {
            if (required) r.error("/hazard", std::string("missing required field \"") + key + "\"");
            return;
        }
        if (!v->is_array()) return r.error(ptr, "must be an array");
        if (required && v->empty()) r.error(ptr, "a gas drill needs at least one release");
        for (std::size_t i = 0; i < v->size(); ++i) {
            const auto p = pointerChild(ptr, i);
            if (!r.isObject(p)) continue;
            r.knownKeys(p, keys);
            fn(p);
        }
    };
    auto num = [&](const std::string& p, const char* key, bool positive) {
        const auto v = r.number(p, key);
        if (v && (positive ? *v <= 0 : *v < 0))
            r.error(pointerChild(p, key), positive ? "must be positive" : "must not be negative");
        return v.value_or(0);
    };
    std::set<std::string> ids;
    auto id = [&](const std::string& p) {
        const auto v = r.string(p, "id").value_or("");
        if (!v.empty() && !ids.insert(v).second)
            r.error(pointerChild(p, "id"), "duplicate id \"" + v + "\"");
        return v;
    };
    each("releases", {"id", "chemical", "x", "y", "height_m", "rate_kg_s", "start_s", "duration_s"},
         true, [&](const std::string& p) {
             ReleaseDef rel;
             rel.id = id(p);
             rel.chemical = r.string(p, "chemical").value_or("");
             if (!rel.chemical.empty() && chemicals_ && !chemicals_->find(rel.chemical))
                 r.error(pointerChild(p, "chemical"),
                         "unknown chemical \"" + rel.chemical + "\" (see content/chemicals.json)");
             rel.x = r.number(p, "x").value_or(0);
             rel.y = r.number(p, "y").value_or(0);
             s.onMap(p, rel.x, rel.y);
             rel.heightM = num(p, "height_m", false);
             rel.rateKgS = num(p, "rate_kg_s", true);
             if (rel.rateKgS > rules_.maxReleaseKgS)
                 r.error(pointerChild(p, "rate_kg_s"),
                         "is more than " + nlohmann::json(rules_.maxReleaseKgS).dump() +
                             " kg/s (content/hazards/gas.json max_release_kg_s)");
             rel.startS = num(p, "start_s", false);
             rel.durationS = num(p, "duration_s", true);
             cfg->releases.push_back(rel);
         });
    each("valves", {"id", "x", "y", "release", "work_s"}, false, [&](const std::string& p) {
        ValveDef v;
        v.id = id(p);
        v.x = r.number(p, "x").value_or(0);
        v.y = r.number(p, "y").value_or(0);
        v.release = r.string(p, "release").value_or("");
        if (const auto w = r.number(p, "work_s", false)) {
            if (*w <= 0) r.error(pointerChild(p, "work_s"), "must be positive");
            v.workSeconds = *w;
        }
        s.onMap(p, v.x, v.y);
        bool known = false;
        for (const auto& rel : cfg->releases) known = known || rel.id == v.release;
        if (!v.release.empty() && !known)
            r.error(pointerChild(p, "release"), "no release with id \"" + v.release + "\"");
        cfg->valves.push_back(v);
    });
    return cfg;
}

std::unique_ptr<Hazard> GasHazardType::make(const Scenario& scenario) const {
    const auto* cfg = dynamic_cast<const GasConfig*>(scenario.hazard.get());
    if (!cfg || !chemicals_) return nullptr;
    return std::make_unique<GasHazard>(scenario, *cfg, chemicals_, rules_);
}

}  // namespace drillbase::sim
