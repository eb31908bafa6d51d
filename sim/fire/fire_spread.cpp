// fire_spread.cpp — see fire_spread.h: the Dijkstra loop, edge travel times, the rate cache,
// the queries and the heap. Suppression changes are in fire_spread_changes.cpp.
#include "sim/fire/fire_spread.h"

#include <algorithm>
#include <cmath>

namespace drillbase::sim::fire {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

double andersonResidenceS(double sigmaPerFt) {
    return sigmaPerFt > 0 ? 384.0 / sigmaPerFt * 60.0 : 0.0;
}

FireSpread::FireSpread(int ncols, int nrows, double cellM, const SpreadRates& rates,
                       FireSpreadOptions options)
    : ncols_(ncols > 0 ? ncols : 0),
      nrows_(nrows > 0 ? nrows : 0),
      cellM_(cellM),
      rates_(rates),
      options_(options),
      stencil_(makeStencil(options.neighbourhood)),
      reach_(stencilReach(options.neighbourhood)) {
    const std::size_t n = static_cast<std::size_t>(ncols_) * static_cast<std::size_t>(nrows_);
    arrival_.assign(n, kInf);
    settledArrival_.assign(n, kInf);
    flags_.assign(n, 0);
    parent_.assign(n, kNoParent);
    scale_.assign(n, 1.0f);
    residence_.assign(n, 0.0f);
    cache_.assign(n, EllipseRate{});
    stamp_.assign(n, 0);
    pos_.assign(n, kNoPos);
}

std::size_t FireSpread::memoryBytes() const {
    return arrival_.capacity() * sizeof(double) + settledArrival_.capacity() * sizeof(double) +
           flags_.capacity() + parent_.capacity() + scale_.capacity() * sizeof(float) +
           residence_.capacity() * sizeof(float) + cache_.capacity() * sizeof(EllipseRate) +
           stamp_.capacity() * sizeof(std::uint32_t) + heap_.capacity() * sizeof(std::uint32_t) +
           pos_.capacity() * sizeof(std::uint32_t) + order_.capacity() * sizeof(std::uint32_t) +
           stencil_.capacity() * sizeof(StencilEdge);
}

// --- rates and travel ---

void FireSpread::enterPeriod(double timeS) {
    if (timeS < periodEnd_) return;
    ++period_;
    if (period_ == 0) {  // 2^32 periods later: start the stamps again
        std::fill(stamp_.begin(), stamp_.end(), 0u);
        period_ = 1;
    }
    const double end = rates_.nextChangeS(timeS);
    periodEnd_ = end > timeS ? end : timeS;  // a bad answer only turns the cache off
}

const EllipseRate& FireSpread::cached(std::size_t cell, double timeS) {
    if (stamp_[cell] != period_) {
        cache_[cell] = prepareEllipse(rates_.at(cell, timeS));
        stamp_[cell] = period_;
    }
    return cache_[cell];
}

bool FireSpread::inGrid(std::size_t cell, int dx, int dy, std::size_t& out) const {
    const long long i = static_cast<long long>(cell % ncols_) + dx;
    const long long j = static_cast<long long>(cell / ncols_) + dy;
    if (i < 0 || j < 0 || i >= ncols_ || j >= nrows_) return false;
    out = static_cast<std::size_t>(j * ncols_ + i);
    return true;
}

bool FireSpread::passable(std::size_t cell, double timeS, bool cachedRates) {
    if (flags_[cell] & kBarrier) return false;
    const EllipseRate e =
        cachedRates ? cached(cell, timeS) : prepareEllipse(rates_.at(cell, timeS));
    return e.head > 0;
}

double FireSpread::travel(std::size_t from, int k, double timeS, bool cachedRates) {
    const StencilEdge& e = stencil_[k];
    double sum = 0;
    for (int m = 0; m < e.cellCount; ++m) {
        const StencilCell& c = e.cells[m];
        std::size_t cell = 0;
        if (!inGrid(from, c.dx, c.dy, cell)) return kInf;
        if (flags_[cell] & kBarrier) return kInf;
        const EllipseRate r =
            cachedRates ? cached(cell, timeS) : prepareEllipse(rates_.at(cell, timeS));
        const double v = rateAlong(r, e.east, e.north) * static_cast<double>(scale_[cell]);
        if (!(v > 0)) return kInf;
        sum += c.frac / v;
    }
    for (int m = 0; m < e.cornerCount; ++m) {
        const auto& p = e.corners[m];
        std::size_t a = 0, b = 0;
        if (!inGrid(from, p[0], p[1], a) || !inGrid(from, p[2], p[3], b)) continue;
        if (!passable(a, timeS, cachedRates) && !passable(b, timeS, cachedRates)) return kInf;
    }
    return sum * (e.lengthCells * cellM_);
}

// --- the front ---

bool FireSpread::ignite(std::size_t cell, double timeS) {
    if (cell >= arrival_.size() || !(timeS >= now_) || !std::isfinite(timeS)) return false;
    if (flags_[cell] & (kSettled | kBarrier)) return false;
    if (!(prepareEllipse(rates_.at(cell, timeS)).head > 0)) return false;
    offer(cell, timeS, kNoParent);
    return true;
}

void FireSpread::offer(std::size_t cell, double t, std::uint8_t parent) {
    if (!(t < arrival_[cell])) return;
    arrival_[cell] = t;
    parent_[cell] = parent;
    heapPushOrUpdate(cell);
}

void FireSpread::advanceTo(double timeS) {
    if (!(timeS > now_)) return;
    while (!heap_.empty() && arrival_[heap_[0]] <= timeS) {
        const std::size_t u = heap_[0];
        heapRemove(u);
        settle(u);
    }
    now_ = timeS;
}

void FireSpread::settle(std::size_t u) {
    const double t = arrival_[u];
    flags_[u] |= kSettled;
    settledArrival_[u] = t;
    ++arrived_;
    order_.push_back(static_cast<std::uint32_t>(u));
    const double res = rates_.residenceS(u);
    residence_[u] = static_cast<float>(std::isnan(res) ? options_.residenceS : res);
    // Crofton counts: each neighbour pair across the boundary of the arrived cells.
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            if (dx == 0 && dy == 0) continue;
            std::size_t v = 0;
            const int d = inGrid(u, dx, dy, v) && (flags_[v] & kSettled) ? -1 : 1;
            (dy == 0 ? crossH_ : dx == 0 ? crossV_ : crossD_) += d;
        }
    enterPeriod(t);
    for (int k = 0; k < static_cast<int>(stencil_.size()); ++k) {
        std::size_t v = 0;
        if (!inGrid(u, stencil_[k].dx, stencil_[k].dy, v)) continue;
        if (flags_[v] & (kSettled | kBarrier)) continue;
        const double tau = travel(u, k, t, true);
        if (tau < kInf) offer(v, t + tau, static_cast<std::uint8_t>(k));
    }
}

// --- queries ---

double FireSpread::arrivalS(std::size_t cell) const {
    return flags_[cell] & kSettled ? settledArrival_[cell]
                                   : std::numeric_limits<double>::quiet_NaN();
}

CellState FireSpread::state(std::size_t cell) const {
    if (!(flags_[cell] & kSettled)) return CellState::unburned;
    return now_ < settledArrival_[cell] + static_cast<double>(residence_[cell]) ? CellState::burning
                                                                                : CellState::burned;
}

double FireSpread::perimeterM() const {
    constexpr double kPi = 3.14159265358979323846;
    constexpr double kInvSqrt2 = 0.70710678118654752440;
    const double crossings =
        static_cast<double>(crossH_ + crossV_) + static_cast<double>(crossD_) * kInvSqrt2;
    return kPi / 8.0 * cellM_ * crossings;
}

std::vector<std::size_t> FireSpread::frontCells() const {
    std::vector<std::size_t> out;
    static constexpr int kD[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    for (std::size_t c = 0; c < flags_.size(); ++c) {
        if (state(c) != CellState::burning) continue;
        for (const auto& d : kD) {
            std::size_t v = 0;
            if (inGrid(c, d[0], d[1], v) && !(flags_[v] & (kSettled | kBarrier))) {
                out.push_back(c);
                break;
            }
        }
    }
    return out;
}

// --- heap of cells keyed by (arrival, index) ---

bool FireSpread::less(std::uint32_t a, std::uint32_t b) const {
    return arrival_[a] < arrival_[b] || (arrival_[a] == arrival_[b] && a < b);
}

void FireSpread::heapUp(std::size_t k) {
    const std::uint32_t c = heap_[k];
    while (k > 0) {
        const std::size_t p = (k - 1) / 2;
        if (!less(c, heap_[p])) break;
        heap_[k] = heap_[p];
        pos_[heap_[k]] = static_cast<std::uint32_t>(k);
        k = p;
    }
    heap_[k] = c;
    pos_[c] = static_cast<std::uint32_t>(k);
}

void FireSpread::heapDown(std::size_t k) {
    const std::uint32_t c = heap_[k];
    const std::size_t n = heap_.size();
    while (true) {
        std::size_t l = 2 * k + 1;
        if (l >= n) break;
        if (l + 1 < n && less(heap_[l + 1], heap_[l])) ++l;
        if (!less(heap_[l], c)) break;
        heap_[k] = heap_[l];
        pos_[heap_[k]] = static_cast<std::uint32_t>(k);
        k = l;
    }
    heap_[k] = c;
    pos_[c] = static_cast<std::uint32_t>(k);
}

void FireSpread::heapRemove(std::size_t cell) {
    const std::uint32_t k = pos_[cell];
    if (k == kNoPos) return;
    const std::uint32_t last = heap_.back();
    heap_.pop_back();
    pos_[cell] = kNoPos;
    flags_[cell] &= static_cast<std::uint8_t>(~kQueued);
    if (k < heap_.size()) {
        heap_[k] = last;
        pos_[last] = k;
        heapUp(k);
        heapDown(pos_[last]);
    }
}

void FireSpread::heapPushOrUpdate(std::size_t cell) {
    if (pos_[cell] == kNoPos) {
        heap_.push_back(static_cast<std::uint32_t>(cell));
        flags_[cell] |= kQueued;
        heapUp(heap_.size() - 1);
    } else {
        heapUp(pos_[cell]);
        heapDown(pos_[cell]);
    }
}

}  // namespace drillbase::sim::fire
