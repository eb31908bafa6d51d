// flood_type.h — the "flood" hazard type: reads a scenario's flood section (a LISFLOOD-FP .par,
// or a DEM with Manning's n or land use, and sources described in JSON) and makes the hazard.
#pragma once

#include "sim/hazards/flood/flood_config.h"
#include "sim/hazards/flood/flood_rules.h"

namespace drillbase::sim {

class FloodHazardType : public HazardType {
public:
    FloodHazardType();
    std::string name() const override { return "flood"; }
    bool loadContent(const std::filesystem::path& contentDir,
                     std::vector<Diagnostic>& out) override;
    std::vector<std::string> contentFiles() const override { return {"hazards/flood.json"}; }
    std::shared_ptr<const HazardConfig> parse(HazardSection& s) const override;
    const std::vector<CommandSpec>& commands() const override { return commands_; }
    std::unique_ptr<Hazard> make(const Scenario& scenario) const override;

    void setRules(FloodRules rules) { rules_ = std::move(rules); }
    const FloodRules& rules() const { return rules_; }

private:
    FloodRules rules_;
    std::vector<CommandSpec> commands_;
};

}  // namespace drillbase::sim
