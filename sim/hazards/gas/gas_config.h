// gas_config.h — the gas hazard's section of a scenario ("hazard": {"type": "gas", ...}) and its
// numbers from content/hazards/gas.json.
#pragma once

#include "sim/chemicals.h"
#include "sim/engine/hazard_type.h"

#include <memory>
#include <string>
#include <vector>

namespace drillbase::sim {

struct ReleaseDef {
    std::string id;
    std::string chemical;
    double x = 0, y = 0, heightM = 0;
    double rateKgS = 0;
    double startS = 0;
    double durationS = 0;
};

struct ValveDef {
    std::string id;
    double x = 0, y = 0;
    std::string release;      // the release it stops
    double workSeconds = 60;  // time for a unit on site to close it
};

struct GasConfig : HazardConfig {
    char stability = 'D';  // Pasquill–Gifford class A..F
    bool urban = false;    // Briggs urban σ
    std::vector<ReleaseDef> releases;
    std::vector<ValveDef> valves;
};

// content/hazards/gas.json
struct GasRules {
    double ppeDonS = 60;
    double curtainKnockdown = 0.5;
    double curtainHalfWidthM = 25;
    double cellsPerSigma = 3;      // nodes per σ of the sampled field people breathe
    double refreshS = 1;           // how often that field is re-sampled
    double cutoffSigmas = 6;       // each puff's reach in that field
    double maxReleaseKgS = 10000;  // a larger rate is refused by the scenario loader
    // Every puff summed at every agent every tick instead, with no cut-off (the reference the
    // sampling is held to).
    bool exactExposure = false;
};

std::optional<GasRules> parseGasRules(const JsonDocument& doc, std::vector<Diagnostic>& out);

}  // namespace drillbase::sim
