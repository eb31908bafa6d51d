// drill_ui_state.h — what the drill screen remembers between frames: the selected unit, the
// parameters drafted for each order, the order waiting for a click on the map and why the last
// order was not sent. UI state only; the drill itself is in the session.
#pragma once

#include "sim/engine/command.h"
#include "ui/panels/map_view.h"

#include <map>
#include <string>

namespace drillbase::ui {

struct DrillUiState {
    int selectedUnit = -1;
    // Per command id: the parameters gathered by the widgets so far (the slots it uses).
    std::map<std::string, sim::Command> drafts;
    // The command whose gesture waits for a click on the map ("" when none).
    std::string armed;
    // Why the last order was refused before it was sent (catalog check), and for which command.
    std::string problemCommand;
    std::string problem;        // in the trainee's language
    std::string problemDetail;  // the catalog's own words
    int speedIndex = 0;
    // Orders with a free-text id (an injected release) count up so each gets its own.
    std::map<std::string, int> issued;
    // Where the map was drawn last frame (its projection), for what points at it from outside
    // the map panel: tests clicking a place, a tooltip.
    MapView map;
};

}  // namespace drillbase::ui
