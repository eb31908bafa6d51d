// flood_rules.h — the flood hazard's numbers from content/hazards/flood.json, each with its
// source there: the flood hazard rating of Defra/EA FD2320 (its class thresholds and debris
// factors), when ground closes to vehicles and to people on foot, storey height for vertical
// refuge, the FD2320 fatality estimate, land use → Manning's n, and how the solver runs.
#pragma once

#include "common/json_source.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

struct FloodRules {
    std::array<double, 3> hazardRating = {0.75, 1.25, 2.0};  // danger for some / most / all
    std::array<double, 2> debrisDepthM = {0.25, 0.75};
    // Debris factor by land cover for depth below debrisDepthM[0], between, above [1].
    std::map<std::string, std::array<double, 3>> debrisFactor = {
        {"pasture", {0, 0.5, 1}}, {"woodland", {0, 1, 1}}, {"urban", {0, 1, 1}}};
    double vehicleStallDepthM = 0.3;
    double walkingClosedRating = 1.25;
    double wadingCostPerM = 10;
    double upperFloorHeightM = 3;
    double sandbagRaiseM = 0.8, sandbagLengthM = 30, sandbagWorkS = 1200;
    double pumpRateM3S = 0.5, pumpWorkS = 600;
    double fatalityPerInjuryPerHr = 0.02;
    double passabilityRefreshS = 30;
    int solverThreads = 2;
    double maxModelCells = 5'000'000;  // a drill's DEM, ncols × nrows
    std::map<std::string, double> landUseManningN = {{"pasture", 0.035}};

    // FD2320 HR = d·(v + 0.5) + DF for water of depth d (m) and speed v (m/s) over `cover`.
    double hazardRatingOf(double depthM, double speedMS, const std::string& cover) const;
    // 0 below the first threshold, else 1..3: danger for some, most, all.
    int hazardClass(double rating) const;
};

std::optional<FloodRules> parseFloodRules(const JsonDocument& doc, std::vector<Diagnostic>& out);

}  // namespace drillbase::sim
