// navigation.h — how people and units get around buildings: A* on a walkability grid made
// from the map's buildings (Hart, Nilsson & Raphael 1968), with integer step costs (10 straight,
// 14 diagonal) and index tie-breaks so a route is the same on every run, then shortened by
// line-of-sight so agents walk straight where they can instead of along cell centres.
#pragma once

#include "sim/scenario/scenario.h"

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace drillbase::sim {

using Waypoints = std::vector<std::pair<double, double>>;

class Navigator {
public:
    explicit Navigator(const MapDef& map);

    // Waypoints from (x, y) to (tx, ty), the last one exactly (tx, ty). A start or goal inside
    // a building is allowed (people leave or enter it); with no route the straight line.
    Waypoints route(double x, double y, double tx, double ty) const;
    bool blocked(double x, double y) const;
    double cellM() const { return cell_; }
    // The hazard's say on the ground: `cost(x, y)` at each cell centre is a multiplier ≥ 1 of
    // the step cost, or +infinity where the cell is closed (hazard.h passCost). Routes avoid
    // closed cells and weigh costly ones; the straight-line shortcut is taken only over cells
    // of cost 1.
    void setCosts(const std::function<double(double, double)>& cost);

private:
    int index(int i, int j) const { return j * nx_ + i; }
    bool freeCell(int i, int j, int start, int goal) const;
    bool lineOfSight(double x0, double y0, double x1, double y1) const;
    bool clear(double x, double y) const;  // no building, not closed, cost 1

    double cell_ = 10;
    int nx_ = 0, ny_ = 0;
    std::vector<std::uint8_t> blocked_;  // per cell: centre inside a building, or closed
    std::vector<int> buildingOf_;        // per cell: index of the building it is in, or -1
    std::vector<std::uint8_t> closed_;   // per cell: closed by the hazard
    std::vector<std::uint16_t> weight_;  // per cell: step-cost multiplier (1 = open ground)
};

// Moves (x, y) along `path` by at most speed·dt, dropping waypoints as they are reached;
// true when the last one is reached (the path is then empty).
bool followPath(double& x, double& y, Waypoints& path, double speed, double dt);

}  // namespace drillbase::sim
