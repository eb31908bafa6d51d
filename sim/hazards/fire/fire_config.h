// fire_config.h — a forest-fire scenario's hazard section after parsing: the landscape (a C2F-W
// folder or procedural ground) in map coordinates (the map's south-west corner is the
// landscape's), fuel moistures, ignitions, the satellite hot spot and the fire's first report,
// firebreaks already on the ground, the sites to protect, each crew's planned safety zone, and
// the aerial drops available.
#pragma once

#include "sim/engine/hazard_type.h"
#include "sim/fire/fuel_bed.h"
#include "sim/fire/landscape.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

struct FireIgnition {
    std::string id;
    double x = 0, y = 0;
    double atS = 0;
};

// A satellite hot spot (卫星监测热点): reported at `reportS` at (x, y), which may lie off the
// fire by the sensor's pixel (a 375 m VIIRS or 1 km MODIS pixel); a unit sent there verifies it.
struct HotSpot {
    std::string id;
    double x = 0, y = 0;
    double reportS = 0;
};

struct FireBreakDef {
    std::string id;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct SafetyZoneDef {
    std::string unit;
    double x = 0, y = 0, radiusM = 0;
};

struct FireConfig : HazardConfig {
    std::shared_ptr<const fire::Landscape> landscape;  // xll = yll = 0: map coordinates
    fire::FuelMoisture moisture{0.06, 0.07, 0.08, 0.6, 0.9};
    std::vector<FireIgnition> ignitions;
    std::optional<HotSpot> hotSpot;
    double reportS = -1;  // when a lookout or the public reports the fire; -1: at ignition
    std::vector<FireBreakDef> firebreaks;
    std::vector<std::string> sites;  // map building ids to protect
    std::vector<SafetyZoneDef> safetyZones;
    int drops = -1;  // aerial drops available; -1: no limit
};

}  // namespace drillbase::sim
