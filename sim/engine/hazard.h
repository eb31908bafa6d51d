// hazard.h — the one interface between the drill engine and a hazard model (toxic gas, flood,
// forest fire). The engine owns time, weather, people, units, movement, the log and scoring; a
// hazard advances its own physics and answers what the engine cannot know: how bad it is at a
// point (its field, levels and legend), what a person there suffers over a tick and what
// sheltering does, what the hazard's own commands do, which cells are impassable, and which
// markers the map shows. The engine never names a concrete hazard (hazard_type.h registers them).
#pragma once

#include "sim/engine/command_spec.h"
#include "sim/engine/state_hash.h"
#include "sim/field_grid.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace drillbase::sim {

struct DrillState;
struct UnitState;

// How an agent gets about, for the ground the hazard leaves it (content/drill.json
// unit_mobility): people and foot teams walk; vehicles stall in water a person could wade;
// boats go where the water is.
enum class Mobility { OnFoot, Vehicle, Boat };
const char* mobilityName(Mobility m);

// The weather the engine keeps (instructor injects change it). Hazard-specific weather (the
// Pasquill class of a gas, rain on a flood) belongs to the hazard.
struct Wind {
    double speedMS = 2;
    double fromDeg = 0;  // where it blows from, clockwise from north
};

// What an agent accumulates from a hazard. The engine keeps it per person and unit, the
// hazard fills it: `dose` ∫intensity dt, `load` the hazard's own damage integral (toxic load
// ∫Cⁿdt, thermal dose), `peak` the highest intensity met, `level` the harm level now (0 none,
// 1..3) and `worstLevel` the highest so far.
struct Harm {
    double dose = 0;
    double load = 0;
    double peak = 0;
    int level = 0;
    int worstLevel = 0;
};

// Where an agent is and how it is protected, for Hazard::harm.
struct Exposure {
    double x = 0, y = 0;
    int building = -1;  // index into the map's buildings when inside one (sheltering)
    bool ppe = false;   // a unit whose protective equipment is on
    bool responder = false;
};

// One level of the hazard's legend: from `threshold` (in the field's unit) upward.
struct HazardLevel {
    std::string labelKey;  // i18n key: "legend.aegl2"
    std::string detail;    // the threshold as people read it: "≥ 8.7 mg/m³ (3 ppm)"
    double threshold = 0;
    std::uint32_t rgba = 0;  // fill colour on the map, 0xRRGGBBAA
};

struct HazardLegend {
    std::string quantityKey;          // i18n key: "legend.gas_concentration"
    std::string unit;                 // "mg/m³"
    std::vector<HazardLevel> levels;  // ascending; the map colours a cell by the highest reached
    int hotLevel = 2;  // a unit at or above this level is "in the hot zone" (reported once)
    // Cells from `shownFrom` up to the first level are drawn in `shownRgba` (flood: shallow
    // water that is a hazard to nobody yet); 0 draws nothing below the first level.
    double shownFrom = 0;
    std::uint32_t shownRgba = 0;
    std::string shownKey;  // its i18n label for the map key ("legend.flood_water")
    // The names of the harm levels 1..3 (i18n keys) when they are not the field's classes above
    // (fire: the field is flame length, the harm is fire close by, radiant danger, overrun);
    // empty: level k is named by levels[k - 1].
    std::vector<std::string> harmKeys;
    std::string harmKey(int level) const {
        if (level >= 1 && level <= static_cast<int>(harmKeys.size()))
            return harmKeys[static_cast<std::size_t>(level - 1)];
        if (level >= 1 && level <= static_cast<int>(levels.size()))
            return levels[static_cast<std::size_t>(level - 1)].labelKey;
        return "";
    }
};

enum class MarkerShape { Cross, Diamond, Circle, Square };

// A thing the hazard shows on the map (a release point, a valve, a breach, a fire front).
struct MapMarker {
    std::string kindKey;  // i18n key: "marker.release"
    std::string id;
    double x = 0, y = 0;
    MarkerShape shape = MarkerShape::Circle;
    std::uint32_t rgba = 0xffffffff;
    bool active = true;  // a stopped release is drawn dimmed
    double radiusM = 0;  // > 0: also drawn as a circle of this radius on the ground (a safety zone)
};

// A line the hazard shows on the map (a fireline as it is built, a firebreak, an escape route).
struct MapLine {
    std::string kindKey;  // i18n key: "marker.fireline"
    std::string id;
    std::vector<std::pair<double, double>> points;  // map metres
    std::uint32_t rgba = 0xffffffff;
    bool active = true;  // a breached line is drawn dimmed
};

struct Choice {
    std::string id;
    std::string labelKey;        // i18n key, or "" to use the names below
    std::string nameZh, nameEn;  // names from content (a chemical's), or "" to show the id
};

// A unit's task the hazard gives: go to (x, y) unless `travel` is false, work `workS` seconds
// there, then Hazard::finishTask. `attrs` go into the dispatch and arrival events.
struct UnitTaskOrder {
    std::string kind;  // "close_valve", "water_curtain", "don_ppe"
    std::string target;
    double x = 0, y = 0;
    bool travel = true;
    double workS = 0;
    std::map<std::string, std::string> attrs;
};

// What a hazard may do to the drill while it applies a command or finishes a unit's task.
class DrillContext {
public:
    virtual ~DrillContext() = default;
    virtual const DrillState& state() const = 0;
    virtual UnitState* unit(const std::string& id) = 0;
    virtual void emit(std::string kind, std::map<std::string, std::string> attrs = {}) = 0;
    virtual void reject(const Command& c, const std::string& reason) = 0;
    virtual std::int64_t ticksFor(double seconds) const = 0;
    // Gives the unit a task (it replaces what the unit was doing).
    virtual void assign(UnitState& u, const UnitTaskOrder& order) = 0;
};

class Hazard {
public:
    virtual ~Hazard() = default;

    // Called once when the drill is made, at tick 0 (a release due at once reports its start).
    virtual void begin(DrillContext& /*ctx*/) {}
    // Advances the hazard by one engine tick of dtS seconds (sub-stepping as its numerics need);
    // `tick` is the tick being entered. Events (a release started) go through `ctx`.
    virtual void step(std::int64_t tick, double dtS, const Wind& wind, DrillContext& ctx) = 0;
    // The hazard's field at a point (gas: mg/m³ at height z; flood: depth; fire: intensity).
    virtual double intensityAt(double x, double y, double z) const = 0;
    // The field on a grid (the map overlay). The default samples intensityAt at cell centres.
    virtual void fillField(FieldGrid& grid, double z) const {
        for (int j = 0; j < grid.ny; ++j)
            for (int i = 0; i < grid.nx; ++i)
                grid.at(i, j) = intensityAt(grid.centreX(i), grid.centreY(j), z);
    }
    virtual const HazardLegend& legend() const = 0;
    // The harm level (0..3) of an intensity, by the legend's thresholds.
    int levelOf(double intensity) const;

    // What an agent at `e` suffers over dtS seconds: updates `h` (dose, load, peak, level,
    // worstLevel). Sheltering, protective equipment and the hazard's own physics of both
    // (indoor air, upper floors, a safety zone) are decided here.
    virtual void harm(const Exposure& e, Harm& h, double dtS) const = 0;
    // The fraction of people with harm `h` expected to die (a probit; 0 when none applies).
    virtual double fatalityFraction(const Harm& /*h*/) const { return 0; }
    // Figures for the report and the rubric's thresholds beyond the engine's own (gas:
    // "public_above_aegl2").
    virtual void addOutcomes(const DrillState& /*s*/, std::map<std::string, double>& /*o*/) const {}
    // Where the model is outside its validity, as JSON notes for the report.
    virtual nlohmann::json validityNotes(const DrillState& /*s*/) const {
        return nlohmann::json::array();
    }

    // The hazard's own commands (declared by its HazardType), applied at a tick boundary; the
    // hazard may give units tasks through the context. Returns false when not its command.
    virtual bool apply(const Command& c, DrillContext& ctx) = 0;
    // A unit finished the work of a task this hazard gave it.
    virtual void finishTask(UnitState& /*u*/, const std::string& /*kind*/,
                            const std::string& /*target*/, DrillContext& /*ctx*/) {}
    // Values for a parameter whose choices come from the hazard (ChoiceSource::Hazard).
    virtual std::vector<Choice> choices(const std::string& /*list*/) const { return {}; }

    // Passability of the ground at a point for people and vehicles: a cost multiplier ≥ 1, or
    // +infinity where closed (a road under fast water, a burning cell). The engine re-plans
    // routes at a fixed tick interval when `passabilityVersion` has changed.
    virtual double passCost(double /*x*/, double /*y*/) const { return 1; }
    virtual std::uint64_t passabilityVersion() const { return 0; }
    // The same for a vehicle or a boat (flood: a car stalls in 30 cm of water, a boat floats);
    // by default the ground is the same for every mover.
    virtual double passCostFor(Mobility /*m*/, double x, double y) const { return passCost(x, y); }

    virtual std::vector<MapMarker> markers() const { return {}; }
    virtual std::vector<MapLine> lines() const { return {}; }
    // The colour of the ground cover at each cell centre of `grid` (fire: the fuel model's colour
    // from the landscape's lookup table), 0xRRGGBBAA, 0 where none. False: the hazard has none.
    virtual bool fillCover(const FieldGrid& /*grid*/, std::vector<std::uint32_t>& /*rgba*/) const {
        return false;
    }
    // When the hazard reached each cell centre of `grid`, seconds from the drill's start (fire:
    // the front's arrival, for isochrones), NaN where it has not. False: the hazard has none.
    virtual bool fillArrival(FieldGrid& /*grid*/) const { return false; }
    // The ground beneath the hazard for the map, when the hazard has it (flood: the DEM):
    // elevation in metres at each cell centre of `grid`, NaN outside its domain. False: none.
    virtual bool fillTerrain(FieldGrid& /*grid*/) const { return false; }
    // The hazard's motion at a point for the map's arrows (flood: the water's velocity, m/s);
    // false where there is none.
    virtual bool flowAt(double /*x*/, double /*y*/, double& /*u*/, double& /*v*/) const {
        return false;
    }
    // Named values at a point beside the field, for `drillctl sample`: numbers, words or null
    // (gas: gas_mg_m3, gas_ppm; flood: flood_depth_m, flood_speed_m_s, flood_hazard_rating;
    // fire: fire_state "unburned" | "burning" | "burned", fire_arrival_s or null before it).
    virtual std::vector<std::pair<std::string, nlohmann::json>> sample(double /*x*/, double /*y*/,
                                                                       double /*z*/) const {
        return {};
    }
    // What the hazard adds to the weather the map shows, as (i18n label key, value) pairs
    // (gas: the Pasquill class).
    virtual std::vector<std::pair<std::string, std::string>> conditions() const { return {}; }
    // Figures the report charts over the drill beside the exposure counts, as (i18n label key,
    // value) pairs sampled as the drill runs (fire: burned area in ha, front length in km).
    virtual std::vector<std::pair<std::string, double>> chartValues() const { return {}; }
    virtual void hashInto(StateHasher& h) const = 0;
};

inline constexpr double kClosed = std::numeric_limits<double>::infinity();

}  // namespace drillbase::sim
