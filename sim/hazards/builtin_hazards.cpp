#include "sim/hazards/builtin_hazards.h"

#include "sim/hazards/fire/fire_type.h"
#include "sim/hazards/flood/flood_type.h"
#include "sim/hazards/gas/gas_type.h"

namespace drillbase::sim {

HazardRegistry builtinHazards() {
    HazardRegistry r;
    r.add(std::make_unique<GasHazardType>());
    r.add(std::make_unique<FloodHazardType>());
    r.add(std::make_unique<FireHazardType>());
    return r;
}

std::optional<SimContent> loadSimContent(const std::filesystem::path& contentDir,
                                         std::vector<Diagnostic>& out) {
    return SimContent::load(contentDir, builtinHazards(), out);
}

}  // namespace drillbase::sim
