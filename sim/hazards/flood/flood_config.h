// flood_config.h — a flood scenario's hazard section after parsing: the flood model in map
// coordinates (the map's south-west corner is the DEM's), what the scenario calls its inflows,
// breaches and gauges (ids and places, for markers and events), and the land cover that sets
// the debris factor of the hazard rating.
#pragma once

#include "sim/engine/hazard_type.h"
#include "sim/hydraulics/flood_model.h"

#include <string>
#include <vector>

namespace drillbase::sim {

struct FloodPlace {
    std::string id;
    double x = 0, y = 0;
    double startS = 0;  // inflow: when it first runs; breach: when it opens
};

struct FloodConfig : HazardConfig {
    FloodModel model;               // xll = yll = 0: map coordinates
    std::string cover = "pasture";  // debris factor class (content/hazards/flood.json)
    std::vector<FloodPlace> inflows, breaches, gauges;
    // What the flood-fighting store holds (防汛物资): sandbag walls (each of content's
    // sandbag_length_m) and pumps; -1 when the scenario sets no limit.
    int sandbagWalls = -1;
    int pumps = -1;
};

}  // namespace drillbase::sim
