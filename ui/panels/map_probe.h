// map_probe.h — what the hazard is at the point under the mouse (Hazard::sample: a gas's
// concentration, a flood's depth and speed, a fire's state, arrival time and the head fire's
// rate and flame length there), as lines of the map's tooltip. A trainee choosing a safety zone
// or a line's end reads the flames the fire would bring there before giving the order.
#pragma once

#include "common/i18n.h"
#include "ui/drill_session.h"

#include <string>
#include <vector>

namespace drillbase::ui {

// "label  value" for each sampled value whose label ("sample.<name>") the catalog has, in the
// hazard's order; empty off the map or without a hazard. Times ("_s") read as the drill's clock,
// or "not yet" where they are not finite; a fire's state in words.
std::vector<std::string> pointSummary(const Strings& s, const DrillSession& session, double x,
                                      double y);

}  // namespace drillbase::ui
