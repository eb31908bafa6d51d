#include "sim/hazards/hazard_factory.h"

#include "sim/dispersion/validity.h"
#include "sim/hazards/gas_hazard.h"

#include <cmath>

namespace drillbase::sim {

std::optional<HazardFactory> HazardFactory::load(const std::filesystem::path& contentDir,
                                                 std::vector<Diagnostic>& out) {
    auto table = ChemicalTable::load(contentDir / "chemicals.json", out);
    if (!table) return std::nullopt;
    HazardFactory f;
    f.chemicals_ = std::make_shared<const ChemicalTable>(std::move(*table));
    return f;
}

std::set<std::string> HazardFactory::chemicalNames() const {
    std::set<std::string> names;
    for (const auto& c : chemicals_->all()) names.insert(c.id);
    return names;
}

std::unique_ptr<Hazard> HazardFactory::make(const Scenario& scenario) const {
    return std::make_unique<GasHazard>(scenario, *chemicals_);
}

nlohmann::json HazardFactory::validityNotes(const Scenario& scenario,
                                            const DrillState& state) const {
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& r : scenario.releases) {
        const Chemical* c = chemicals_->find(r.chemical);
        if (!c) continue;
        ValidityInput in;
        in.windMS = state.wind.speedMS;
        in.rateKgS = r.rateKgS;
        in.molecularWeight = c->molecularWeight;
        // A liquefied gas released from pressure flashes and leaves near its boiling point.
        if (c->boilingPointC && *c->boilingPointC < 20.0)
            in.releaseTempK = *c->boilingPointC + 273.15;
        double farthest = 0;
        for (const auto& p : scenario.people)
            farthest = std::max(farthest, std::hypot(p.x - r.x, p.y - r.y));
        in.distanceM = farthest;
        for (const auto& w : checkValidity(in))
            notes.push_back({{"release", r.id},
                             {"issue", validityIssueName(w.issue)},
                             {"value", w.value},
                             {"limit", w.limit},
                             {"detail", w.detail}});
    }
    return notes;
}

}  // namespace drillbase::sim
