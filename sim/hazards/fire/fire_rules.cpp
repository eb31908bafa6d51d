// fire_rules.cpp — reading content/hazards/fire.json (see the header).
#include "sim/hazards/fire/fire_rules.h"

#include "common/json_fields.h"
#include "sim/engine/sim_content.h"

#include <cctype>

namespace drillbase::sim {

namespace {

constexpr double kMetresPerChain = 20.1168;

const std::map<std::string, LineKind>& lineKindNames() {
    static const std::map<std::string, LineKind> names = {{"hand_line", LineKind::Hand},
                                                          {"engine_line", LineKind::Engine},
                                                          {"break", LineKind::Break}};
    return names;
}

}  // namespace

const char* lineKindName(LineKind k) {
    switch (k) {
        case LineKind::Hand: return "hand_line";
        case LineKind::Engine: return "engine_line";
        case LineKind::Break: return "break";
    }
    return "hand_line";
}

std::optional<LineKind> FireRules::lineKindOf(const std::string& unitKind) const {
    const auto it = lineKinds.find(unitKind);
    if (it == lineKinds.end()) return std::nullopt;
    return it->second;
}

double FireRules::productionMS(const std::string& unitKind, const std::string& code) const {
    const auto kind = lineKindOf(unitKind);
    if (!kind) return 0;
    // Anderson codes are FM1..FM13; a Scott & Burgan code takes its group's Anderson model.
    int model = 0;
    if (code.size() > 2 && code.compare(0, 2, "FM") == 0) {
        for (std::size_t k = 2; k < code.size(); ++k) {
            if (!std::isdigit(static_cast<unsigned char>(code[k]))) return 0;
            model = model * 10 + (code[k] - '0');
            if (model > 13) return 0;
        }
    } else if (code.size() >= 2) {
        const auto it = scottBurganGroup.find(code.substr(0, 2));
        if (it == scottBurganGroup.end()) return 0;
        model = it->second;
    }
    if (model < 1 || model > 13) return 0;
    // A Type 2 crew's sustained rate (the IRPG's second column): the crews a county or township
    // fields are not hotshots.
    const double chH = productionChH[static_cast<std::size_t>(model - 1)][1];
    return chH * kMetresPerChain / 3600.0 * productionFactor.at(*kind);
}

std::optional<FireRules> parseFireRules(const JsonDocument& doc, std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject("")) return std::nullopt;
    r.knownKeys(
        "", {"format", "notes", "line_production_ch_h", "scott_burgan_line_group",
             "line_holds_below_flame_length_m", "safety_zone_flame_multiple", "drop",
             "hot_spot_verify_s", "suppression_circle_s", "line_kinds", "line_production_factor",
             "harm", "site_reach_m", "hot_spot_check_work_s", "backfire_work_s",
             "containment_check_s", "passability_refresh_s", "max_landscape_cells"});
    if (const auto f = r.string("", "format"); f && *f != "drillbase-fire-rules/1")
        r.error("/format", "expected \"drillbase-fire-rules/1\"");
    FireRules g;
    if (const auto p = sourcedValuePointer(r, "line_production_ch_h"); !p.empty()) {
        if (!r.isObject(p)) return std::nullopt;
        for (int m = 1; m <= 13; ++m) {
            const auto q = pointerChild(p, std::to_string(m));
            const auto* v = r.at(q);
            if (!v || !v->is_array() || v->size() != 2 || !(*v)[0].is_number() ||
                !(*v)[1].is_number() || (*v)[0].get<double>() < 0 || (*v)[1].get<double>() < 0) {
                r.error(q, "must be [type1, type2] chains per hour, not negative");
                continue;
            }
            g.productionChH[static_cast<std::size_t>(m - 1)] = {(*v)[0].get<double>(),
                                                                (*v)[1].get<double>()};
        }
    }
    if (const auto p = sourcedValuePointer(r, "scott_burgan_line_group"); !p.empty()) {
        const auto* v = r.at(p);
        if (!v->is_object()) {
            r.error(p, "must be an object of group -> Anderson model");
        } else {
            for (auto it = v->begin(); it != v->end(); ++it) {
                const auto q = pointerChild(p, it.key());
                if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > 13)
                    r.error(q, "must be an Anderson model 1..13, or 0 for none");
                else
                    g.scottBurganGroup[it.key()] = it->get<int>();
            }
        }
    }
    auto byLineKind = [&](const char* key, std::map<LineKind, double>& dst, double lo, double hi) {
        const auto p = sourcedValuePointer(r, key);
        if (p.empty()) return;
        if (!r.isObject(p)) return;
        for (const auto& [name, kind] : lineKindNames()) {
            const auto v = r.number(p, name.c_str());
            if (!v) continue;
            if (*v < lo || *v > hi)
                r.error(pointerChild(p, name), "must be in [" + nlohmann::json(lo).dump() + ", " +
                                                   nlohmann::json(hi).dump() + "]");
            else
                dst[kind] = *v;
        }
    };
    byLineKind("line_holds_below_flame_length_m", g.holdsBelowFlameM, 0.1, 30);
    byLineKind("line_production_factor", g.productionFactor, 0.01, 100);
    if (const auto p = sourcedValuePointer(r, "line_kinds"); !p.empty()) {
        const auto* v = r.at(p);
        if (!v->is_object()) {
            r.error(p, "must be an object of unit kind -> line kind");
        } else {
            for (auto it = v->begin(); it != v->end(); ++it) {
                const auto q = pointerChild(p, it.key());
                const auto k = it->is_string() ? lineKindNames().find(it->get<std::string>())
                                               : lineKindNames().end();
                if (k == lineKindNames().end())
                    r.error(q, "must be \"hand_line\", \"engine_line\" or \"break\"");
                else
                    g.lineKinds[it.key()] = k->second;
            }
        }
    }
    g.safetyZoneFlameMultiple = readSourcedNumber(r, "safety_zone_flame_multiple", 1, 20)
                                    .value_or(g.safetyZoneFlameMultiple);
    if (const auto p = sourcedValuePointer(r, "drop"); !p.empty() && r.isObject(p)) {
        r.knownKeys(p, {"radius_m", "rate_factor", "duration_s", "work_s"});
        auto num = [&](const char* k, double& dst, double lo, double hi) {
            const auto v = r.number(p, k);
            if (v && (*v < lo || *v > hi))
                r.error(pointerChild(p, k), "must be in [" + nlohmann::json(lo).dump() + ", " +
                                                nlohmann::json(hi).dump() + "]");
            else if (v)
                dst = *v;
        };
        num("radius_m", g.dropRadiusM, 1, 500);
        num("rate_factor", g.dropRateFactor, 0.001, 1);
        num("duration_s", g.dropDurationS, 1, 86400);
        num("work_s", g.dropWorkS, 0, 86400);
    }
    g.hotSpotVerifyS =
        readSourcedNumber(r, "hot_spot_verify_s", 60, 86400).value_or(g.hotSpotVerifyS);
    g.suppressionCircleS =
        readSourcedNumber(r, "suppression_circle_s", 60, 86400).value_or(g.suppressionCircleS);
    if (const auto p = sourcedValuePointer(r, "harm"); !p.empty() && r.isObject(p)) {
        r.knownKeys(p, {"overrun_level", "radiant_level", "near_m"});
        const auto o = r.integer(p, "overrun_level"), ra = r.integer(p, "radiant_level");
        const auto n = r.number(p, "near_m");
        if (o && (*o < 1 || *o > 3)) r.error(pointerChild(p, "overrun_level"), "must be 1..3");
        if (ra && (*ra < 1 || *ra > 3)) r.error(pointerChild(p, "radiant_level"), "must be 1..3");
        if (n && (*n < 0 || *n > 5000)) r.error(pointerChild(p, "near_m"), "must be in [0, 5000]");
        if (o) g.overrunLevel = static_cast<int>(*o);
        if (ra) g.radiantLevel = static_cast<int>(*ra);
        if (n) g.nearM = *n;
    }
    g.siteReachM = readSourcedNumber(r, "site_reach_m", 0, 1000).value_or(g.siteReachM);
    g.hotSpotCheckWorkS =
        readSourcedNumber(r, "hot_spot_check_work_s", 0, 36000).value_or(g.hotSpotCheckWorkS);
    g.backfireWorkS = readSourcedNumber(r, "backfire_work_s", 0, 36000).value_or(g.backfireWorkS);
    g.containmentCheckS =
        readSourcedNumber(r, "containment_check_s", 1, 3600).value_or(g.containmentCheckS);
    g.passabilityRefreshS =
        readSourcedNumber(r, "passability_refresh_s", 1, 3600).value_or(g.passabilityRefreshS);
    g.maxLandscapeCells =
        readSourcedNumber(r, "max_landscape_cells", 1, 1e9).value_or(g.maxLandscapeCells);
    if (!r.ok()) return std::nullopt;
    return g;
}

}  // namespace drillbase::sim
