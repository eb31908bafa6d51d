// threat_zones.h — classifying a hazard field into harm levels for the map overlay: for toxic
// gas the AEGL-1/2/3 zones of emergency planning (US EPA / NOAA ALOHA "threat zones"); the same
// classification serves flood depth or fire intensity with their own thresholds. A cell's level
// is the highest threshold its value reaches; 0 is below all.
#pragma once

#include "sim/field_grid.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace drillbase::sim {

struct Chemical;

struct ThreatThresholds {
    // [0] level 1 … [2] level 3, in the field's unit; nullopt when a level has no threshold
    // (AEGL-1 is "not recommended" for phosgene and carbon monoxide).
    std::array<std::optional<double>, 3> level;
};

// AEGL-1/2/3 of a chemical for one duration (60 minutes unless the drill says otherwise).
ThreatThresholds aeglThresholds(const Chemical& c, int durationIndex = 2);

struct ThreatZones {
    int nx = 0, ny = 0;
    std::vector<std::uint8_t> level;    // per cell, 0..3, same layout as FieldGrid
    std::array<int, 4> cellCount{};     // cells at each level
    std::array<double, 4> farthestM{};  // farthest cell centre at ≥ level from a point (if given)

    std::uint8_t at(int i, int j) const { return level[static_cast<std::size_t>(j) * nx + i]; }
};

// Classifies every cell of `field`. When `fromX/fromY` are given (the release point) also
// records how far each zone reaches from it — the number an instructor reads out.
ThreatZones classifyThreatZones(const FieldGrid& field, const ThreatThresholds& t,
                                std::optional<std::array<double, 2>> from = std::nullopt);

// The level of one value.
int threatLevel(double value, const ThreatThresholds& t);

}  // namespace drillbase::sim
