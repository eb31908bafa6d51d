// drill_outcomes_panel.h — the outcome figures of a concluded drill (sim::computeOutcomes: people
// who reached each harm level, the public and workers at level 2, evacuated, sheltered, the
// expected fatalities, ...), named in the trainee's language with the hazard's own level names
// ("AEGL-2" for a gas), and the same names for the figures threshold items are judged on.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"

#include <string>
#include <vector>

namespace drillbase::ui {

// The hazard's name of harm level `level` (1..3): "AEGL-2 serious or lasting harm".
std::string levelName(const Strings& s, const DrillSession& session, int level);
// The name of outcome `key`: "exposed_level2" → "People who reached AEGL-2 …".
std::string outcomeLabel(const Strings& s, const DrillSession& session, const std::string& key);
// Its value with the hazard's unit where it has one: "3", "12.5 mg/m³", "0.42".
std::string formatOutcome(const DrillSession& session, const std::string& key, double v);
// The same, and a moment of the drill (a key ending in "_s") as its clock time or "never".
std::string formatOutcome(const Strings& s, const DrillSession& session, const std::string& key,
                          double v);
// The figures the hazard adds beyond the engine's (Hazard::addOutcomes) that have a name in the
// catalog, its aliases of the engine's figures ("public_above_aegl2") left out.
std::vector<std::string> hazardOutcomeKeys(const Strings& s, const DrillSession& session);
// The table of the engine's outcome figures, then the hazard's own (nothing before the drill
// has ended).
void drawOutcomes(const Strings& s, const DrillSession& session);

}  // namespace drillbase::ui
