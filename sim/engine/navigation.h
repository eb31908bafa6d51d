// navigation.h — how people and units get around buildings: A* on a walkability grid made
// from the map's buildings (Hart, Nilsson & Raphael 1968), with integer step costs (10 straight,
// 14 diagonal) and index tie-breaks so a route is the same on every run, then shortened by
// line-of-sight so agents walk straight where they can instead of along cell centres.
#pragma once

#include "sim/scenario/scenario.h"

#include <cstdint>
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

private:
    int index(int i, int j) const { return j * nx_ + i; }
    bool freeCell(int i, int j, int start, int goal) const;
    bool lineOfSight(double x0, double y0, double x1, double y1) const;

    double cell_ = 10;
    int nx_ = 0, ny_ = 0;
    std::vector<std::uint8_t> blocked_;  // per cell: centre inside a building
};

// Moves (x, y) along `path` by at most speed·dt, dropping waypoints as they are reached;
// true when the last one is reached (the path is then empty).
bool followPath(double& x, double& y, Waypoints& path, double speed, double dt);

}  // namespace drillbase::sim
