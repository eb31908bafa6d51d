// gas_hazard.h — the toxic-gas hazard of the chemical-leak drill: the scenario's releases in a
// Gaussian puff model (dispersion/puff_model.h), valves that stop them, water curtains that
// knock gas down as it passes, and secondary leaks injected by the instructor.
#pragma once

#include "sim/chemicals.h"
#include "sim/dispersion/puff_model.h"
#include "sim/engine/hazard.h"
#include "sim/scenario/scenario.h"

namespace drillbase::sim {

class GasHazard : public Hazard {
public:
    // `chemicals` must outlive the hazard; every release's chemical must be in it.
    GasHazard(const Scenario& scenario, const ChemicalTable& chemicals);

    void step(std::int64_t tick, double dtS, const Wind& wind) override;
    double intensityAt(double x, double y, double z) const override;
    std::array<double, 3> levels() const override { return levels_; }
    bool stopSource(const std::string& sourceId, std::int64_t tick) override;
    void mitigate(double x, double y, double fraction) override;
    bool inject(const Command& c, std::int64_t tick) override;
    void hashInto(StateHasher& h) const override;
    void fillField(FieldGrid& grid, double z) const override { model_.fillGrid(grid, z); }
    double toxicLoadIncrement(double intensity, double dtS) const override;
    double fatalityFraction(double toxicLoad) const override;

    const PuffModel& model() const { return model_; }
    const Chemical& chemical() const { return *chemical_; }

private:
    struct Curtain {
        double x = 0, y = 0, fraction = 0;
    };
    PuffModel model_;
    const ChemicalTable& chemicals_;
    const Chemical* chemical_ = nullptr;  // the first release's: sets the harm levels
    std::array<double, 3> levels_{};
    std::vector<Curtain> curtains_;
};

}  // namespace drillbase::sim
