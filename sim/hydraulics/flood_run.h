// flood_run.h — running a flood model headless to a time, as `drillctl flood run` does: depths
// at the gauges every massint seconds, the volume account, and the maximum-depth and arrival
// grids written as ESRI ASCII (the forms LISFLOOD-FP users compare: its .stage, .mass, .max and
// time-of-arrival outputs).
#pragma once

#include "sim/hydraulics/inertial_solver.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace drillbase::sim {

struct GaugeRecord {
    double x = 0, y = 0;
    std::vector<double> tS;
    std::vector<double> depthM;  // the depth of the cell holding the gauge (0 off the domain)
};

struct FloodRunResult {
    double simTimeS = 0;
    std::int64_t steps = 0;
    std::uint64_t cellUpdates = 0;          // box cells × steps (LISFLOOD-FP's count)
    std::uint64_t computedCellUpdates = 0;  // cells actually computed next to water
    FloodBudget budget;
    std::vector<GaugeRecord> gauges;
};

// Advances `s` from its current time to `untilS`, recording the gauges at 0 (when starting at
// 0), every massint seconds and at untilS. massint = 0 records the start and the end only.
FloodRunResult runFlood(InertialSolver& s, double untilS);

// The result as `drillctl flood run --json` prints it (wall_s is added by the caller, since the
// simulation has no clock).
nlohmann::json toJson(const FloodRunResult& r);

// Writes a field of the model's grid as an ESRI ASCII grid (northern row first, NODATA_value
// -9999 outside the domain and where `valid` says so). Returns an error message, or "" on success.
std::string writeAsciiGrid(const std::filesystem::path& file, const FloodModel& m,
                           const std::vector<double>& values, int decimals,
                           const std::vector<std::uint8_t>* valid = nullptr);

}  // namespace drillbase::sim
