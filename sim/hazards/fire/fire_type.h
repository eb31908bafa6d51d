// fire_type.h — the "fire" hazard type: loads the fuel models (content/fuels.json) and the fire
// rules (content/hazards/fire.json), reads a scenario's fire section (a C2F-W landscape folder
// or procedural ground, moistures, ignitions, the hot spot, firebreaks, sites, safety zones) and
// makes the hazard.
#pragma once

#include "sim/fire/fuel_models.h"
#include "sim/hazards/fire/fire_config.h"
#include "sim/hazards/fire/fire_rules.h"

namespace drillbase::sim {

class FireHazardType : public HazardType {
public:
    FireHazardType();
    std::string name() const override { return "fire"; }
    bool loadContent(const std::filesystem::path& contentDir,
                     std::vector<Diagnostic>& out) override;
    std::vector<std::string> contentFiles() const override {
        return {"fuels.json", "hazards/fire.json"};
    }
    std::shared_ptr<const HazardConfig> parse(HazardSection& s) const override;
    const std::vector<CommandSpec>& commands() const override { return commands_; }
    std::unique_ptr<Hazard> make(const Scenario& scenario) const override;

    const FireRules& rules() const { return rules_; }
    const fire::FuelModelTable& fuels() const { return fuels_; }

private:
    FireRules rules_;
    fire::FuelModelTable fuels_;
    std::vector<CommandSpec> commands_;
};

}  // namespace drillbase::sim
