// order_params.h — the widgets for a command's parameters, chosen from their ParamSpec: a fixed
// or drill-given list (units, people, assembly points, the register's households, zones and
// shelters, the hazard's valves or chemicals) is a combo, a whole number a slider over its
// range, a number with a range a slider (logarithmic when it spans decades), free text an input
// field. Also the access to a Command's slots.
#pragma once

#include "common/i18n.h"
#include "sim/engine/command_spec.h"
#include "ui/drill_session.h"

#include <string>
#include <vector>

namespace drillbase::ui {

using sim::isNumberSlot;
using sim::numberSlot;
using sim::stringSlot;

// True when a widget gathers `p`; false when the selected unit (Unit of a trainee order) or the
// map gesture (x, y of Point/Area, the target of Person/Household) gives it.
bool gatheredByWidget(const sim::CommandSpec& spec, const sim::ParamSpec& p);

struct ParamOption {
    std::string id;     // the value the command carries
    std::string label;  // what the trainee reads
};
// The values a string parameter may take in this drill (empty for free text): a household by
// its head's name and status, a shelter by its name and head count, never by id.
std::vector<ParamOption> paramOptions(const Strings& s, const sim::ParamSpec& p,
                                      const DrillSession& session);

// A first value for a number: the current wind for a wind inject, the middle of the range
// (geometric for one spanning decades), the map centre for a coordinate.
double defaultNumber(const sim::CommandSpec& spec, const sim::ParamSpec& p,
                     const DrillSession& session);
// "300 m", "2.5 kg/s", "3".
std::string formatNumber(double v, const sim::ParamSpec& p);
// The field's name with its unit: "半径（m）".
std::string paramLabel(const Strings& s, const sim::ParamSpec& p);
// The i18n key of the hint for a map gesture ("click the map", "click a person").
const char* gestureHintKey(sim::Gesture g);

// Draws the widget for `p` editing `draft`, on the current line when it fits.
void drawParamWidget(const Strings& s, const sim::ParamSpec& p, const DrillSession& session,
                     sim::Command& draft);
// Continues the current line when an item `width` pixels wide still fits in the window.
void sameLineIfFits(float width);

}  // namespace drillbase::ui
