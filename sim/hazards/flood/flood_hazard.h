// flood_hazard.h — the flood hazard of the flood drill (防汛抢险 · 人员转移): water over the real
// ground from the local-inertial solver (hydraulics/inertial_solver.h), its danger to people as
// the UK flood hazard rating HR = d·(v + 0.5) + DF of Defra/EA FD2320 with its four classes, the
// ground it closes to people and vehicles, upper floors as refuge, and what crews do to the
// water: sandbag walls, pumps; the instructor opens breaches and sets the rain.
#pragma once

#include "sim/hazards/flood/flood_config.h"
#include "sim/hazards/flood/flood_rules.h"
#include "sim/hydraulics/inertial_solver.h"
#include "sim/scenario/scenario.h"

#include <memory>

namespace drillbase::sim {

class FloodHazard : public Hazard {
public:
    FloodHazard(const Scenario& scenario, const FloodConfig& config, const FloodRules& rules);

    void begin(DrillContext& ctx) override;
    void step(std::int64_t tick, double dtS, const Wind& wind, DrillContext& ctx) override;
    // The hazard rating at a point (the field the map colours by class); 0 on dry ground.
    double intensityAt(double x, double y, double z) const override;
    const HazardLegend& legend() const override { return legend_; }
    void harm(const Exposure& e, Harm& h, double dtS) const override;
    double fatalityFraction(const Harm& h) const override;
    void addOutcomes(const DrillState& s, std::map<std::string, double>& o) const override;
    nlohmann::json validityNotes(const DrillState& s) const override;
    bool apply(const Command& c, DrillContext& ctx) override;
    void finishTask(UnitState& u, const std::string& kind, const std::string& target,
                    DrillContext& ctx) override;
    std::vector<Choice> choices(const std::string& list) const override;
    double passCost(double x, double y) const override;
    double passCostFor(Mobility m, double x, double y) const override;
    std::uint64_t passabilityVersion() const override { return passVersion_; }
    std::vector<MapMarker> markers() const override;
    bool fillTerrain(FieldGrid& grid) const override;
    bool flowAt(double x, double y, double& u, double& v) const override;
    std::vector<std::pair<std::string, std::string>> conditions() const override;
    std::vector<std::pair<std::string, nlohmann::json>> sample(double x, double y, double z) const override;
    void hashInto(StateHasher& h) const override;

    const InertialSolver& solver() const { return *solver_; }
    const FloodModel& model() const { return config_.model; }
    double depthAt(double x, double y) const;
    double speedAt(double x, double y) const;

private:
    std::size_t cellOf(double x, double y) const;
    double ratingAtCell(std::size_t c) const;
    void refreshPassability();

    FloodConfig config_;
    FloodRules rules_;
    std::vector<Rect> buildings_;
    std::unique_ptr<InertialSolver> solver_;
    HazardLegend legend_;
    std::int64_t tickMillis_ = 1000;
    double rainMmH_ = 0;
    std::vector<std::uint8_t> passClass_;  // per model cell: 0 dry .. 3 closed, at the last refresh
    std::uint64_t passVersion_ = 1;
    std::int64_t nextPassRefreshTick_ = 0;
    std::vector<bool> inflowStarted_, breachReported_, gaugeWet_;
    int sandbagWallsUsed_ = 0, pumpsUsed_ = 0;  // ordered, against the scenario's stocks
};

}  // namespace drillbase::sim
