// fire_hazard.h — the forest-fire hazard of the fire drill (森林防灭火): the surface fire of
// Rothermel (1972) over the landscape (sim/fire/landscape_rates.h) grown by minimum travel time
// (sim/fire/fire_spread.h) under the drill's wind, what it does to people and crews (overrun by
// the front; closer to the flames than four flame lengths, Butler & Cohen 1998), and what crews
// do to it: firelines built at production rates that hold below their flame length (Andrews &
// Rothermel 1982), water drops that slow cells, backfires; safety zones checked against the
// flame length; the satellite hot spot and its verification; the sites to protect.
//
// Suppression commands and tasks are in fire_suppression.cpp, the map and report in
// fire_hazard_view.cpp.
#pragma once

#include "sim/fire/fire_spread.h"
#include "sim/fire/fuel_models.h"
#include "sim/fire/landscape_rates.h"
#include "sim/hazards/fire/fire_config.h"
#include "sim/hazards/fire/fire_rules.h"
#include "sim/scenario/scenario.h"

#include <map>
#include <memory>
#include <optional>

namespace drillbase::sim {

class FireHazard : public Hazard {
public:
    FireHazard(const Scenario& scenario, const FireConfig& config, const FireRules& rules,
               const fire::FuelModelTable& fuels);

    void begin(DrillContext& ctx) override;
    void step(std::int64_t tick, double dtS, const Wind& wind, DrillContext& ctx) override;
    // The flame length (m) where the fire burns now, kBurnedMark where it has burned out, else 0.
    double intensityAt(double x, double y, double z) const override;
    void fillField(FieldGrid& grid, double z) const override;
    const HazardLegend& legend() const override { return legend_; }
    void harm(const Exposure& e, Harm& h, double dtS) const override;
    void addOutcomes(const DrillState& s, std::map<std::string, double>& o) const override;
    nlohmann::json validityNotes(const DrillState& s) const override;
    bool apply(const Command& c, DrillContext& ctx) override;
    void finishTask(UnitState& u, const std::string& kind, const std::string& target,
                    DrillContext& ctx) override;
    std::vector<Choice> choices(const std::string& list) const override;
    double passCost(double x, double y) const override;
    std::uint64_t passabilityVersion() const override { return passVersion_; }
    std::vector<MapMarker> markers() const override;
    std::vector<MapLine> lines() const override;
    bool fillTerrain(FieldGrid& grid) const override;
    bool fillCover(const FieldGrid& grid, std::vector<std::uint32_t>& rgba) const override;
    bool fillArrival(FieldGrid& grid) const override;
    std::vector<std::pair<std::string, nlohmann::json>> sample(double x, double y,
                                                               double z) const override;
    std::vector<std::pair<std::string, std::string>> conditions() const override;
    std::vector<std::pair<std::string, double>> chartValues() const override;
    void hashInto(StateHasher& h) const override;

    static constexpr double kBurnedMark = 0.01;  // the field's value on burned-out ground

    const fire::FireSpread& spread() const { return *spread_; }
    const fire::Landscape& landscape() const { return *land_; }
    // Head flame length (m) of a cell reached by the fire; 0 before.
    double flameLengthAt(std::size_t cell) const { return flame_[cell]; }
    std::size_t cellOf(double x, double y) const;  // kOff outside the landscape
    static constexpr std::size_t kOff = static_cast<std::size_t>(-1);

private:
    struct Line {
        std::string id, unit;
        LineKind kind = LineKind::Hand;
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        std::vector<std::size_t> cells;  // in building order
        std::vector<double> doneAtS;     // work seconds at which each cell is finished
        std::size_t built = 0;
        double startS = 0;
        bool building = true, breached = false, preset = false;
    };
    struct Drop {
        std::vector<std::size_t> cells;
        double x = 0, y = 0, untilS = 0;
        bool active = true;
    };

    void readNewArrivals(DrillContext& ctx);
    void checkLineAt(std::size_t lineCell, std::size_t fromCell, DrillContext& ctx);
    void stepLines(DrillContext& ctx);
    void stepDrops(DrillContext& ctx);
    void stepAgents(DrillContext& ctx);
    void checkEscapeRoutes(DrillContext& ctx);
    void attackStarted(DrillContext& ctx, const char* how);
    void claimCell(std::size_t cell, std::size_t line);
    std::vector<std::size_t> cellsAlong(double x0, double y0, double x1, double y1) const;
    double flameToward(std::size_t from, std::size_t to) const;
    // The harm level (0..3) of being at (x, y) now; `distance` the nearest flames (m).
    int levelAt(double x, double y, double& nearestFlamesM) const;
    double requiredSafetyRadius(double x, double y, double radiusM) const;
    double nowS() const { return nowS_; }

    FireConfig config_;
    FireRules rules_;
    std::shared_ptr<const fire::Landscape> land_;
    std::unique_ptr<fire::LandscapeRates> rates_;
    std::unique_ptr<fire::FireSpread> spread_;
    std::vector<Rect> buildings_;
    std::vector<Rect> sites_;
    HazardLegend legend_;
    double nowS_ = 0;
    Wind wind_{-1, -1};         // the wind the rates were given last
    std::vector<float> flame_;  // head flame length of each reached cell, m
    std::size_t readArrivals_ = 0;
    std::vector<bool> ignited_;
    std::vector<Line> lines_;
    std::vector<std::int16_t> lineOf_;  // per cell: index into lines_ of a line cell, -1
    std::vector<Drop> drops_;
    int dropsUsed_ = 0;
    std::map<std::string, SafetyZoneDef> zones_;  // by unit
    // Each crew's escape route (避险路线): from where it stands to its safety zone, straight (the
    // way it would run), and whether flames cut it at the last check.
    std::map<std::string, std::pair<double, double>> crewAt_;
    std::map<std::string, bool> routeCut_;
    bool hotSpotReported_ = false, fireReported_ = false, attackStarted_ = false,
         burnedOut_ = false;
    double hotSpotVerifiedS_ = -1, containedS_ = -1, attackS_ = -1;
    std::vector<bool> siteReached_;
    std::map<std::string, int> crewWorst_;  // unit -> worst level reported
    std::uint64_t passVersion_ = 1;
    double nextPassRefreshS_ = 0, nextContainmentCheckS_ = 0;
    std::size_t passBurning_ = 0;
    double peakFlameM_ = 0;
    double peakLengthToWidth_ = 1;
};

}  // namespace drillbase::sim
