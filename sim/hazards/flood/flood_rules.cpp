// flood_rules.cpp — reading content/hazards/flood.json (see the header).
#include "sim/hazards/flood/flood_rules.h"

#include "common/json_fields.h"
#include "sim/engine/sim_content.h"

namespace drillbase::sim {

double FloodRules::hazardRatingOf(double depthM, double speedMS, const std::string& cover) const {
    if (!(depthM > 0)) return 0;
    double df = 0;
    const auto it = debrisFactor.find(cover);
    if (it != debrisFactor.end())
        df = depthM < debrisDepthM[0]    ? it->second[0]
             : depthM <= debrisDepthM[1] ? it->second[1]
                                         : it->second[2];
    return depthM * (speedMS + 0.5) + df;
}

int FloodRules::hazardClass(double rating) const {
    int c = 0;
    for (int k = 0; k < 3; ++k)
        if (rating >= hazardRating[static_cast<std::size_t>(k)]) c = k + 1;
    return c;
}

namespace {

// An array of `n` numbers in [lo, hi], ascending when `ascending`.
template <std::size_t N>
bool numbers(FieldReader& r, const std::string& ptr, std::array<double, N>& dst, double lo,
             double hi, bool ascending) {
    const auto* v = r.at(ptr);
    if (!v || !v->is_array() || v->size() != N) {
        r.error(ptr, "must be an array of " + std::to_string(N) + " numbers");
        return false;
    }
    std::array<double, N> out{};
    for (std::size_t k = 0; k < N; ++k) {
        const auto& e = (*v)[k];
        const auto p = pointerChild(ptr, k);
        if (!e.is_number()) return r.error(p, "must be a number"), false;
        out[k] = e.get<double>();
        if (out[k] < lo || out[k] > hi)
            return r.error(p, "must be in [" + nlohmann::json(lo).dump() + ", " +
                                  nlohmann::json(hi).dump() + "]"),
                   false;
        if (ascending && k > 0 && out[k] <= out[k - 1])
            return r.error(p, "must be larger than the value before it"), false;
    }
    dst = out;
    return true;
}

}  // namespace

std::optional<FloodRules> parseFloodRules(const JsonDocument& doc, std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject("")) return std::nullopt;
    r.knownKeys(
        "", {"format", "notes", "hazard_rating_thresholds", "debris_depth_m", "debris_factor",
             "vehicle_stall_depth_m", "walking_closed_rating", "wading_cost_per_m",
             "upper_floor_height_m", "sandbag_raise_m", "sandbag_length_m", "sandbag_work_s",
             "pump_rate_m3_s", "pump_work_s", "fatality_per_injury_per_hr", "passability_refresh_s",
             "solver_threads", "land_use_manning_n", "max_model_cells"});
    if (const auto f = r.string("", "format"); f && *f != "drillbase-flood-rules/1")
        r.error("/format", "expected \"drillbase-flood-rules/1\"");
    FloodRules g;
    if (const auto p = sourcedValuePointer(r, "hazard_rating_thresholds"); !p.empty())
        numbers(r, p, g.hazardRating, 0.01, 20, true);
    if (const auto p = sourcedValuePointer(r, "debris_depth_m"); !p.empty())
        numbers(r, p, g.debrisDepthM, 0, 10, true);
    if (const auto p = sourcedValuePointer(r, "debris_factor"); !p.empty()) {
        const auto* v = r.at(p);
        if (!v->is_object() || v->empty()) {
            r.error(p, "must be an object of land cover → [3 numbers]");
        } else {
            g.debrisFactor.clear();
            for (auto it = v->begin(); it != v->end(); ++it) {
                std::array<double, 3> a{};
                if (numbers(r, pointerChild(p, it.key()), a, 0, 5, false))
                    g.debrisFactor[it.key()] = a;
            }
        }
    }
    g.vehicleStallDepthM =
        readSourcedNumber(r, "vehicle_stall_depth_m", 0.05, 3).value_or(g.vehicleStallDepthM);
    g.walkingClosedRating =
        readSourcedNumber(r, "walking_closed_rating", 0.1, 20).value_or(g.walkingClosedRating);
    g.wadingCostPerM =
        readSourcedNumber(r, "wading_cost_per_m", 0, 1000).value_or(g.wadingCostPerM);
    g.upperFloorHeightM =
        readSourcedNumber(r, "upper_floor_height_m", 1, 10).value_or(g.upperFloorHeightM);
    g.sandbagRaiseM = readSourcedNumber(r, "sandbag_raise_m", 0.1, 5).value_or(g.sandbagRaiseM);
    g.sandbagLengthM = readSourcedNumber(r, "sandbag_length_m", 1, 1000).value_or(g.sandbagLengthM);
    g.sandbagWorkS = readSourcedNumber(r, "sandbag_work_s", 1, 36000).value_or(g.sandbagWorkS);
    g.pumpRateM3S = readSourcedNumber(r, "pump_rate_m3_s", 0.01, 100).value_or(g.pumpRateM3S);
    g.pumpWorkS = readSourcedNumber(r, "pump_work_s", 1, 36000).value_or(g.pumpWorkS);
    g.fatalityPerInjuryPerHr =
        readSourcedNumber(r, "fatality_per_injury_per_hr", 0, 1).value_or(g.fatalityPerInjuryPerHr);
    g.passabilityRefreshS =
        readSourcedNumber(r, "passability_refresh_s", 1, 3600).value_or(g.passabilityRefreshS);
    g.solverThreads =
        static_cast<int>(readSourcedNumber(r, "solver_threads", 1, 64).value_or(g.solverThreads));
    g.maxModelCells = readSourcedNumber(r, "max_model_cells", 1, 1e9).value_or(g.maxModelCells);
    if (const auto p = sourcedValuePointer(r, "land_use_manning_n"); !p.empty()) {
        const auto* v = r.at(p);
        if (!v->is_object() || v->empty()) {
            r.error(p, "must be an object of land use → Manning's n");
        } else {
            g.landUseManningN.clear();
            for (auto it = v->begin(); it != v->end(); ++it) {
                const auto q = pointerChild(p, it.key());
                if (!it->is_number() || it->get<double>() < 0.005 || it->get<double>() > 1)
                    r.error(q, "must be a Manning's n in [0.005, 1]");
                else
                    g.landUseManningN[it.key()] = it->get<double>();
            }
        }
    }
    if (!r.ok()) return std::nullopt;
    return g;
}

}  // namespace drillbase::sim
