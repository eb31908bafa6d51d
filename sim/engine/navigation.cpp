#include "sim/engine/navigation.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <queue>
#include <tuple>

namespace drillbase::sim {

Navigator::Navigator(const MapDef& map) {
    // Cells no coarser than 5 m: narrow gaps between buildings must stay open.
    cell_ = std::min(std::max(map.cellM, 1.0), 5.0);
    nx_ = std::max(1, static_cast<int>(std::ceil(map.widthM / cell_)));
    ny_ = std::max(1, static_cast<int>(std::ceil(map.heightM / cell_)));
    blocked_.assign(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_), 0);
    buildingOf_.assign(blocked_.size(), -1);
    for (std::size_t bi = 0; bi < map.buildings.size(); ++bi) {
        const auto& b = map.buildings[bi];
        const int i0 = std::max(0, static_cast<int>(std::floor(b.x / cell_)));
        const int i1 = std::min(nx_ - 1, static_cast<int>(std::floor((b.x + b.w) / cell_)));
        const int j0 = std::max(0, static_cast<int>(std::floor(b.y / cell_)));
        const int j1 = std::min(ny_ - 1, static_cast<int>(std::floor((b.y + b.h) / cell_)));
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i)
                if (b.contains((i + 0.5) * cell_, (j + 0.5) * cell_)) {
                    blocked_[static_cast<std::size_t>(index(i, j))] = 1;
                    buildingOf_[static_cast<std::size_t>(index(i, j))] = static_cast<int>(bi);
                }
    }
    closed_.assign(blocked_.size(), 0);
    weight_.assign(blocked_.size(), 1);
}

void Navigator::setCosts(const std::function<double(double, double)>& cost) {
    for (int j = 0; j < ny_; ++j)
        for (int i = 0; i < nx_; ++i) {
            const auto k = static_cast<std::size_t>(index(i, j));
            const double c = cost((i + 0.5) * cell_, (j + 0.5) * cell_);
            const bool closed = !(c < std::numeric_limits<double>::infinity());
            closed_[k] = closed ? 1 : 0;
            blocked_[k] = buildingOf_[k] >= 0 || closed ? 1 : 0;
            weight_[k] =
                closed ? 1
                       : static_cast<std::uint16_t>(std::clamp(std::floor(c + 0.5), 1.0, 1000.0));
        }
}

bool Navigator::clear(double x, double y) const {
    const int i = static_cast<int>(std::floor(x / cell_)),
              j = static_cast<int>(std::floor(y / cell_));
    if (i < 0 || j < 0 || i >= nx_ || j >= ny_) return true;
    const auto k = static_cast<std::size_t>(index(i, j));
    return !blocked_[k] && weight_[k] == 1;
}

bool Navigator::blocked(double x, double y) const {
    const int i = static_cast<int>(std::floor(x / cell_)),
              j = static_cast<int>(std::floor(y / cell_));
    if (i < 0 || j < 0 || i >= nx_ || j >= ny_) return false;
    return blocked_[static_cast<std::size_t>(index(i, j))] != 0;
}

bool Navigator::freeCell(int i, int j, int start, int goal) const {
    if (i < 0 || j < 0 || i >= nx_ || j >= ny_) return false;
    const int k = index(i, j);
    const auto kk = static_cast<std::size_t>(k);
    if (k == start || k == goal || !blocked_[kk]) return true;
    // Inside the building the walk starts or ends in: people leave or enter it (its cells are
    // walls to everyone passing by). Ground the hazard closed stays closed.
    const int b = buildingOf_[kk];
    if (b < 0 || closed_[kk]) return false;
    return b == buildingOf_[static_cast<std::size_t>(start)] ||
           b == buildingOf_[static_cast<std::size_t>(goal)];
}

bool Navigator::lineOfSight(double x0, double y0, double x1, double y1) const {
    const double len = std::sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
    const int samples =
        static_cast<int>(len / (cell_ * 0.25)) + 1;  // quarter cells: no clipped corners
    for (int s = 1; s < samples; ++s) {
        const double t = static_cast<double>(s) / samples;
        if (!clear(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)) return false;
    }
    return true;
}

Waypoints Navigator::route(double x, double y, double tx, double ty) const {
    auto cellOf = [&](double px, double py) {
        const int i = std::clamp(static_cast<int>(std::floor(px / cell_)), 0, nx_ - 1);
        const int j = std::clamp(static_cast<int>(std::floor(py / cell_)), 0, ny_ - 1);
        return index(i, j);
    };
    const int start = cellOf(x, y), goal = cellOf(tx, ty);
    if (start == goal || lineOfSight(x, y, tx, ty)) return {{tx, ty}};

    const std::size_t n = blocked_.size();
    std::vector<int> cost(n, std::numeric_limits<int>::max()), from(n, -1);
    const int gi = goal % nx_, gj = goal / nx_;
    auto heuristic = [&](int k) {  // octile distance, admissible for 10/14 steps
        const int di = std::abs(k % nx_ - gi), dj = std::abs(k / nx_ - gj);
        return 10 * std::max(di, dj) + 4 * std::min(di, dj);
    };
    using Entry = std::tuple<int, int>;  // (f, cell): ties go to the lower cell index
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> open;
    cost[static_cast<std::size_t>(start)] = 0;
    open.emplace(heuristic(start), start);
    while (!open.empty()) {
        const auto [f, k] = open.top();
        open.pop();
        if (k == goal) break;
        const int g = cost[static_cast<std::size_t>(k)];
        if (f - heuristic(k) > g) continue;  // a stale entry
        const int i = k % nx_, j = k / nx_;
        for (int dj = -1; dj <= 1; ++dj)
            for (int di = -1; di <= 1; ++di) {
                if (!di && !dj) continue;
                if (!freeCell(i + di, j + dj, start, goal)) continue;
                // No cutting corners between two buildings.
                if (di && dj &&
                    (!freeCell(i + di, j, start, goal) || !freeCell(i, j + dj, start, goal)))
                    continue;
                const int nk = index(i + di, j + dj);
                const int ng = g + (di && dj ? 14 : 10) * weight_[static_cast<std::size_t>(nk)];
                if (ng < cost[static_cast<std::size_t>(nk)]) {
                    cost[static_cast<std::size_t>(nk)] = ng;
                    from[static_cast<std::size_t>(nk)] = k;
                    open.emplace(ng + heuristic(nk), nk);
                }
            }
    }
    if (from[static_cast<std::size_t>(goal)] < 0) return {{tx, ty}};  // walled in: go straight

    Waypoints cells;
    for (int k = from[static_cast<std::size_t>(goal)]; k != start && k >= 0;
         k = from[static_cast<std::size_t>(k)])
        cells.emplace_back((k % nx_ + 0.5) * cell_, (k / nx_ + 0.5) * cell_);
    std::reverse(cells.begin(), cells.end());
    cells.emplace_back(tx, ty);
    // String pulling: from each kept point, skip ahead to the farthest visible waypoint.
    Waypoints out;
    double cx = x, cy = y;
    std::size_t a = 0;
    while (a < cells.size()) {
        std::size_t b = cells.size() - 1;
        while (b > a && !lineOfSight(cx, cy, cells[b].first, cells[b].second)) --b;
        out.push_back(cells[b]);
        cx = cells[b].first;
        cy = cells[b].second;
        a = b + 1;
    }
    return out;
}

bool followPath(double& x, double& y, Waypoints& path, double speed, double dt) {
    double budget = speed * dt;
    while (!path.empty()) {
        const auto [tx, ty] = path.front();
        const double dx = tx - x, dy = ty - y;
        const double dist = std::sqrt(dx * dx + dy * dy);
        if (dist <= budget) {
            x = tx;
            y = ty;
            budget -= dist;
            path.erase(path.begin());
            continue;
        }
        x += dx / dist * budget;
        y += dy / dist * budget;
        return false;
    }
    return true;
}

}  // namespace drillbase::sim
