// drill_orders.h — one order of the drill, drawn from its CommandSpec: the widgets that gather
// its parameters into a draft kept in DrillUiState, its button (which sends it, or arms the
// map click its gesture needs) and the check against the catalog before it is sent. The
// controls panel lays the orders out; the map panel completes an armed one with a click.
#pragma once

#include "common/i18n.h"
#include "sim/engine/command_spec.h"
#include "ui/drill_session.h"
#include "ui/panels/drill_ui_state.h"

#include <string>
#include <vector>

namespace drillbase::ui {

// Trainee orders that name a unit take it from the unit selected in the list (or on the map).
bool unitFromSelection(const sim::CommandSpec& spec);
// The unit selected in the list, or "" when none.
std::string selectedUnitId(const DrillSession& session, const DrillUiState& ui);

// The draft of `spec`, made with defaults (first choice, middle of the range, the current
// wind for a wind inject) the first time it is needed.
sim::Command& draftFor(const sim::CommandSpec& spec, const DrillSession& session, DrillUiState& ui);

// False when a list `spec` chooses from is empty in this drill (no valves on the map, no
// household register): the order cannot be given, and drawOrders leaves it out.
bool orderAvailable(const Strings& s, const sim::CommandSpec& spec, const DrillSession& session);
// True when some parameter of `spec` comes from a widget (not the selection or the map).
bool hasParamWidgets(const sim::CommandSpec& spec);
// Draws the available `specs` in order, buttons of orders without widgets side by side while
// they fit.
void drawOrders(const Strings& s, const std::vector<const sim::CommandSpec*>& specs,
                const DrillSession& session, DrillUiState& ui, std::vector<sim::Command>& out);

// Draws one order: its parameter widgets and its button. A Button order is checked and sent
// when pressed; the others arm their map gesture (pressed again, disarm).
void drawOrder(const Strings& s, const sim::CommandSpec& spec, const DrillSession& session,
               DrillUiState& ui, std::vector<sim::Command>& out, bool enabled = true);

// Completes `c` (the selected unit when the order takes it), checks it with the drill's catalog
// and appends it to `out`; when the check fails keeps a localised reason in `ui` instead.
// Either way the armed gesture is released. True when sent.
bool sendOrder(const Strings& s, const sim::CommandSpec& spec, sim::Command c,
               const DrillSession& session, DrillUiState& ui, std::vector<sim::Command>& out);

// The name of a command or parameter as the trainee reads it.
std::string orderLabel(const Strings& s, const sim::CommandSpec& spec);

}  // namespace drillbase::ui
