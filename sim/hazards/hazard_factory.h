// hazard_factory.h — builds the hazard a scenario needs from the data in content/, and says
// where its model is outside its validity. One place for the CLI and the GUI to ask.
#pragma once

#include "sim/chemicals.h"
#include "sim/engine/drill_state.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <set>

namespace drillbase::sim {

class HazardFactory {
public:
    // Loads content/chemicals.json; errors appended with positions.
    static std::optional<HazardFactory> load(const std::filesystem::path& contentDir,
                                             std::vector<Diagnostic>& out);
    std::set<std::string> chemicalNames() const;
    const ChemicalTable& chemicals() const { return *chemicals_; }
    std::unique_ptr<Hazard> make(const Scenario& scenario) const;
    // The model's validity warnings for this scenario and state, as JSON for the report.
    nlohmann::json validityNotes(const Scenario& scenario, const DrillState& state) const;

private:
    std::shared_ptr<const ChemicalTable> chemicals_;  // shared: hazards keep a reference
};

}  // namespace drillbase::sim
