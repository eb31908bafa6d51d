// builtin_hazards.h — the hazard types drillbase ships, and the one call drillctl and the GUI
// make to load the simulation's content with them. The only place that names them: the flood
// and fire types register here beside gas.
#pragma once

#include "sim/engine/sim_content.h"

namespace drillbase::sim {

HazardRegistry builtinHazards();
// content/drill.json plus every built-in type's data.
std::optional<SimContent> loadSimContent(const std::filesystem::path& contentDir,
                                         std::vector<Diagnostic>& out);

}  // namespace drillbase::sim
