// gas_type.h — the "gas" hazard type: registers the toxic-gas hazard with the engine.
#pragma once

#include "sim/hazards/gas/gas_config.h"

namespace drillbase::sim {

class GasHazardType : public HazardType {
public:
    GasHazardType();
    std::string name() const override { return "gas"; }
    bool loadContent(const std::filesystem::path& contentDir,
                     std::vector<Diagnostic>& out) override;
    std::vector<std::string> contentFiles() const override {
        return {"chemicals.json", "hazards/gas.json"};
    }
    std::shared_ptr<const HazardConfig> parse(HazardSection& s) const override;
    const std::vector<CommandSpec>& commands() const override { return commands_; }
    std::unique_ptr<Hazard> make(const Scenario& scenario) const override;

    // For tests and benches: content given directly.
    void setContent(std::shared_ptr<const ChemicalTable> chemicals, GasRules rules);
    const ChemicalTable* chemicals() const { return chemicals_.get(); }
    const GasRules& rules() const { return rules_; }

private:
    std::shared_ptr<const ChemicalTable> chemicals_;
    GasRules rules_;
    std::vector<CommandSpec> commands_;
};

}  // namespace drillbase::sim
