// fire_spread_changes.cpp — suppression changes to a running spread (fire_spread.h): firelines
// (barriers), their breach, and water or retardant (rate factors). A change to cell x at the
// current time T leaves every arrival so far alone and re-plans the PENDING arrival of each
// unburned cell w within the stencil's reach of x (x included), in index order:
//   barrier  w = x: no arrival. Other w whose pending arrival came along an edge through x: the
//            least, over its arrived neighbours u, of u's arrival plus the edge's travel time
//            with the rates at u's arrival (the edge's departure), now that x blocks; never
//            before T.
//   breach   w keeps its pending arrival, or gets an earlier one along an edge through x from
//            a neighbour still burning at T, departing at T with the rates at T.
//   scale    the edge w's pending arrival came along, if it passes through x, is in flight:
//            what is left of it after T is scaled by (travel with the new factor) / (travel with
//            the old one). Alternatives through x — and, when the pending edge was rescaled, all
//            alternatives — are offered again from their departures with the new factor, never
//            before T.
// Alternatives are recomputed from their departure without the history of earlier changes to
// other cells; that history is not stored (it would cost memory on every cell for a rare
// event).
#include "sim/fire/fire_spread.h"

#include <cmath>

namespace drillbase::sim::fire {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

bool FireSpread::edgeFrom(std::size_t to, int k, std::size_t& from) const {
    return inGrid(to, -stencil_[k].dx, -stencil_[k].dy, from);
}

bool FireSpread::edgeCrosses(std::size_t to, int k, std::size_t cell) const {
    std::size_t from = 0;
    if (!edgeFrom(to, k, from)) return false;
    const StencilEdge& e = stencil_[k];
    std::size_t c = 0;
    for (int m = 0; m < e.cellCount; ++m)
        if (inGrid(from, e.cells[m].dx, e.cells[m].dy, c) && c == cell) return true;
    for (int m = 0; m < e.cornerCount; ++m) {
        const auto& p = e.corners[m];
        if (inGrid(from, p[0], p[1], c) && c == cell) return true;
        if (inGrid(from, p[2], p[3], c) && c == cell) return true;
    }
    return false;
}

double FireSpread::replan(std::size_t w, std::size_t x, Change change, double oldScale) {
    const double T = now_;
    const std::uint8_t par = parent_[w];
    const bool parentCrosses = par != kNoParent && edgeCrosses(w, par, x);
    double best = arrival_[w];
    bestParent_ = par;
    bool onlyThroughX = true;
    switch (change) {
        case Change::barrier:
            if (w == x) {
                bestParent_ = kNoParent;
                return kInf;
            }
            if (!parentCrosses) return best;
            best = kInf;
            bestParent_ = kNoParent;
            onlyThroughX = false;
            break;
        case Change::breach: break;
        case Change::scale:
            if (parentCrosses) {
                std::size_t u = 0;
                edgeFrom(w, par, u);
                const double tu = settledArrival_[u];
                const float now = scale_[x];
                scale_[x] = static_cast<float>(oldScale);
                const double before = travel(u, par, tu, false);
                scale_[x] = now;
                const double after = travel(u, par, tu, false);
                best =
                    before < kInf && after < kInf ? T + (arrival_[w] - T) * (after / before) : kInf;
                onlyThroughX = false;
            }
            break;
    }
    for (int k = 0; k < static_cast<int>(stencil_.size()); ++k) {
        if (change == Change::scale && k == par && parentCrosses) continue;
        std::size_t u = 0;
        if (!edgeFrom(w, k, u) || !(flags_[u] & kSettled)) continue;
        if (onlyThroughX && !edgeCrosses(w, k, x)) continue;
        double cand = kInf;
        if (change == Change::breach) {
            if (state(u) != CellState::burning) continue;
            cand = T + travel(u, k, T, true);
        } else {
            const double tu = settledArrival_[u];
            cand = tu + travel(u, k, tu, false);
            if (cand < T) cand = T;
        }
        if (cand < best) {
            best = cand;
            bestParent_ = static_cast<std::uint8_t>(k);
        }
    }
    return best;
}

void FireSpread::applyPlan(std::size_t w, double t, std::uint8_t parent) {
    arrival_[w] = t;
    parent_[w] = parent;
    if (t < kInf)
        heapPushOrUpdate(w);
    else
        heapRemove(w);
}

namespace {

// The cells within `reach` of `x`, in index order.
template <class F>
void forBox(std::size_t x, int ncols, int nrows, int reach, F&& f) {
    const long long i0 = static_cast<long long>(x % ncols), j0 = static_cast<long long>(x / ncols);
    for (long long j = j0 - reach; j <= j0 + reach; ++j)
        for (long long i = i0 - reach; i <= i0 + reach; ++i)
            if (i >= 0 && j >= 0 && i < ncols && j < nrows)
                f(static_cast<std::size_t>(j * ncols + i));
}

}  // namespace

bool FireSpread::setBarrier(std::size_t x) {
    if (x >= flags_.size() || (flags_[x] & kSettled)) return false;
    if (flags_[x] & kBarrier) return true;
    flags_[x] |= kBarrier;
    forBox(x, ncols_, nrows_, reach_, [&](std::size_t w) {
        if (flags_[w] & kSettled) return;
        if (w != x && !(flags_[w] & kQueued)) return;
        const double t = replan(w, x, Change::barrier, 1.0);
        applyPlan(w, t, bestParent_);
    });
    return true;
}

bool FireSpread::clearBarrier(std::size_t x) {
    if (x >= flags_.size() || !(flags_[x] & kBarrier)) return false;
    flags_[x] &= static_cast<std::uint8_t>(~kBarrier);
    enterPeriod(now_);
    forBox(x, ncols_, nrows_, reach_, [&](std::size_t w) {
        if (flags_[w] & (kSettled | kBarrier)) return;
        const double t = replan(w, x, Change::breach, 1.0);
        if (t < arrival_[w]) applyPlan(w, t, bestParent_);
    });
    return true;
}

bool FireSpread::scaleRate(std::size_t x, double factor) {
    if (x >= flags_.size() || !(factor > 0) || !std::isfinite(factor)) return false;
    const double old = scale_[x];
    scale_[x] = static_cast<float>(factor);
    if (static_cast<double>(scale_[x]) == old) return true;
    forBox(x, ncols_, nrows_, reach_, [&](std::size_t w) {
        if (flags_[w] & (kSettled | kBarrier)) return;
        const double t = replan(w, x, Change::scale, old);
        if (t != arrival_[w] || bestParent_ != parent_[w]) applyPlan(w, t, bestParent_);
    });
    return true;
}

}  // namespace drillbase::sim::fire
