// gas_hazard.h — the toxic-gas hazard of the chemical-leak drill: the scenario's releases in a
// Gaussian puff model (dispersion/puff_model.h), valves that stop them, water curtains that
// knock gas down as it passes, secondary leaks injected by the instructor, the indoor air of
// each building for people sheltering in place, and what breathing it does (dose, toxic load,
// lethality probit; none for a crew in breathing apparatus).
#pragma once

#include "sim/dispersion/puff_model.h"
#include "sim/dispersion/puff_sampler.h"
#include "sim/hazards/gas/gas_config.h"
#include "sim/scenario/scenario.h"

#include <memory>

namespace drillbase::sim {

// Indoor air: single-zone mass balance, dC_in/dt = λ (C_out − C_in) with λ the air-change rate,
// integrated exactly over dtS: C_in ← C_out + (C_in − C_out)·e^(−λ·dt) (Wilson 1987, "Stay
// indoors or evacuate to avoid exposure to toxic gas?").
double relaxIndoor(double inside, double outside, double airChangesPerHour, double dtS);

class GasHazard : public Hazard {
public:
    // Every release's chemical must be in `chemicals`.
    GasHazard(const Scenario& scenario, const GasConfig& config,
              std::shared_ptr<const ChemicalTable> chemicals, const GasRules& rules);

    void begin(DrillContext& ctx) override;
    void step(std::int64_t tick, double dtS, const Wind& wind, DrillContext& ctx) override;
    double intensityAt(double x, double y, double z) const override;
    void fillField(FieldGrid& grid, double z) const override { model_.fillGrid(grid, z); }
    const HazardLegend& legend() const override { return legend_; }
    void harm(const Exposure& e, Harm& h, double dtS) const override;
    double fatalityFraction(const Harm& h) const override;
    void addOutcomes(const DrillState& s, std::map<std::string, double>& o) const override;
    nlohmann::json validityNotes(const DrillState& s) const override;
    bool apply(const Command& c, DrillContext& ctx) override;
    void finishTask(UnitState& u, const std::string& kind, const std::string& target,
                    DrillContext& ctx) override;
    std::vector<Choice> choices(const std::string& list) const override;
    std::vector<MapMarker> markers() const override;
    std::vector<std::pair<std::string, std::string>> conditions() const override {
        return {{"param.stability", std::string(1, stability_)}};
    }
    std::vector<std::pair<std::string, nlohmann::json>> sample(double x, double y, double z) const override;
    void hashInto(StateHasher& h) const override;

    const PuffModel& model() const { return model_; }
    const Chemical& chemical() const { return *chemical_; }
    char stability() const { return stability_; }
    const std::vector<double>& indoor() const { return indoor_; }
    // The toxic load ∫Cⁿdt gained over dtS at mgPerM3, in the probit's units.
    double toxicLoadIncrement(double mgPerM3, double dtS) const;

private:
    struct Curtain {
        double x = 0, y = 0, fraction = 0;
    };
    double breathed(double x, double y) const;
    void startReleases(std::int64_t tick, DrillContext& ctx);

    GasConfig config_;
    GasRules rules_;
    std::vector<Rect> buildings_;
    double widthM_ = 0, heightM_ = 0;
    std::int64_t tickMillis_ = 1000;
    double farthestPersonM_ = 0;
    PuffModel model_;
    PuffSampler sampler_;
    std::shared_ptr<const ChemicalTable> chemicals_;
    const Chemical* chemical_ = nullptr;  // the first release's: sets the harm levels
    HazardLegend legend_;
    char stability_ = 'D';
    std::vector<Curtain> curtains_;
    std::vector<double> indoor_;  // per building: the air inside relaxes to the outside
    std::vector<std::string> closedValves_;
};

}  // namespace drillbase::sim
