// fire_spread.h — deterministic grid fire growth by minimum travel time (MTT): Finney (2002),
// "Fire growth using minimum travel time methods", Can. J. For. Res. 32, 1420–1424. Each cell's
// arrival time is the least sum of edge travel times from an ignition (Dijkstra over arrival
// times, a binary heap keyed by (time, cell index) so ties go to the lower index), over the 80
// (default), 32 or 16 edges of spread_stencil.h. The travel time of an edge is the sum, over the
// cells its segment crosses, of the length inside the cell over that cell's rate toward the
// edge's bearing (fire_ellipse_rate.h) times the cell's suppression factor. The burned region is
// never larger than the exact one (a grid path is never shorter than the straight line), and
// constant isotropic rates burn a circle to within 0.5 % (80 edges), 1.3 % (32: 1/cos(9.2°) − 1)
// or 2.8 % (16) in arrival time. A wind-driven ellipse is harder: its narrow head falls between
// edge directions and the path zig-zags along the two nearest ones. Measured against BehavePlus's
// length-to-width ratio (tests/sim/test_fire_spread_ellipse.cpp, worst over headings): with 80
// edges the head gets 98 % of the way at L/W 2, 96 % at 3 and 89 % at 5 (area 98, 94, 82 %);
// with 32 edges 92 % and 82 % at L/W 2 and 3. Hence 80 by default: it costs about 2.5 times the
// time of 32, and Vilopriu still burns in a fraction of a second (tools/bench/bench_fire.cpp).
// Above L/W 5 (effective mid-flame winds over about 15 mi/h) the head is short by more: the
// drill's validity notes say so.
//
// Time moves through advanceTo(t): every arrival up to t is processed, in order; a drill calls
// it once per tick, and any sequence of calls gives the same arrival bits as one call. The rates
// of an edge are those at its DEPARTURE time (the arrival time of its start cell), so an hourly
// weather change applies to the spread that leaves after it. Rates are asked of SpreadRates
// once per cell and rate period (nextChangeS), and cached.
//
// Suppression, at the current time T = timeS():
//   setBarrier(c)   a fireline or firebreak: the fire does not enter c, nor slip between two
//                   barrier cells that touch at a corner; clearBarrier(c) breaches it, and the
//                   arrived cells still burning at T may cross from T on.
//   scaleRate(c, f) water or retardant: every rate inside c is multiplied by f (> 0) from T on;
//                   fire already on its way through c has the rest of its travel time scaled.
// Unburned cells near the change have their pending arrivals re-planned; see
// fire_spread_changes.cpp for the exact rule.
//
// Cells: index j·ncols + i, row j = 0 the southern one (as sim::AsciiGrid, sim::fire::Landscape).
// Memory: 62 bytes a cell (tentative and final arrival doubles, heap position, flags, parent edge,
// suppression factor, residence time, a cached ellipse and its stamp) and 4 per queued and per
// arrived cell; memoryBytes() counts them. Vilopriu (309 880 cells) takes 18 MB.
#pragma once

#include "sim/fire/fire_ellipse_rate.h"
#include "sim/fire/spread_stencil.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace drillbase::sim::fire {

// What the fire model (Rothermel, a test's constant ellipse, ...) tells the spread.
class SpreadRates {
public:
    virtual ~SpreadRates() = default;
    // The elliptical rates of `cell` at `timeS`. A head rate <= 0 means the cell does not burn.
    virtual CellRates at(std::size_t cell, double timeS) const = 0;
    // The rates of every cell are the same for all t in [timeS, nextChangeS(timeS)) (e.g. the end
    // of the weather hour); the spread caches them for that long. Must be > timeS.
    virtual double nextChangeS(double /*timeS*/) const {
        return std::numeric_limits<double>::infinity();
    }
    // How long a cell flames after the front reaches it (s): Anderson (1969) τ = 384/σ minutes
    // (andersonResidenceS). NaN: FireSpreadOptions::residenceS.
    virtual double residenceS(std::size_t /*cell*/) const {
        return std::numeric_limits<double>::quiet_NaN();
    }
};

// Anderson, H. E. (1969), "Heat transfer and fire spread", USDA For. Serv. Res. Pap. INT-69:
// flaming residence time τ = 384 / σ minutes for the surface-to-volume ratio σ in ft⁻¹.
double andersonResidenceS(double sigmaPerFt);

struct FireSpreadOptions {
    Neighbourhood neighbourhood = Neighbourhood::n80;
    double residenceS = 60;  // when SpreadRates::residenceS gives none
    // Accepted for the command line; the spread runs on one thread (its cost is the heap order,
    // and lazily cached rates leave nothing worth splitting), so results never depend on it.
    int threads = 1;
};

enum class CellState : std::uint8_t { unburned, burning, burned };

class FireSpread {
public:
    FireSpread(int ncols, int nrows, double cellM, const SpreadRates& rates,
               FireSpreadOptions options = {});

    // Starts a fire in `cell` at `timeS` (>= timeS()); false when the cell is outside the grid,
    // already burned, a barrier, or does not burn.
    bool ignite(std::size_t cell, double timeS);
    // Processes every arrival up to `timeS` (a time before timeS() changes nothing).
    void advanceTo(double timeS);
    double timeS() const { return now_; }
    // The rates change from timeS() on although SpreadRates::nextChangeS did not foresee it (an
    // instructor's wind shift): the cached rates are dropped. Arrivals already planned keep the
    // rates of their departure, as every edge does (the departure rule above).
    void ratesChanged() { periodEnd_ = -std::numeric_limits<double>::infinity(); }

    bool setBarrier(std::size_t cell);                // false when burned already or outside
    bool clearBarrier(std::size_t cell);              // false when not a barrier
    bool scaleRate(std::size_t cell, double factor);  // factor > 0, finite; false otherwise
    bool isBarrier(std::size_t cell) const { return (flags_[cell] & kBarrier) != 0; }
    double rateScale(std::size_t cell) const { return scale_[cell]; }

    // Queries at timeS().
    double arrivalS(std::size_t cell) const;  // NaN until the fire has arrived
    CellState state(std::size_t cell) const;
    std::size_t burnedCells() const { return arrived_; }  // burning and burned
    double burnedAreaM2() const { return static_cast<double>(arrived_) * cellM_ * cellM_; }
    // The boundary of the arrived cells by the Cauchy–Crofton formula over the 0°, 45°, 90° and
    // 135° lines of the grid (exact for a large circle; a cell staircase would say 4/π more).
    double perimeterM() const;
    // Burning cells with an unburned, non-barrier neighbour (4-neighbourhood), in index order.
    std::vector<std::size_t> frontCells() const;
    // The cells in the order the fire reached them (a drill reads the new ones after each
    // advanceTo: flame lengths, lines tested, sites reached).
    const std::vector<std::uint32_t>& arrivalOrder() const { return order_; }
    // Cells the fire can still reach (queued with a finite tentative arrival); 0 once the fire
    // can spread nowhere: contained by lines and bare ground, or burned out.
    std::size_t pendingCells() const { return heap_.size(); }
    // Raw arrival times, +inf where the fire has not arrived; for hashing and maps.
    std::span<const double> arrivals() const { return settledArrival_; }

    int ncols() const { return ncols_; }
    int nrows() const { return nrows_; }
    std::size_t memoryBytes() const;

private:
    static constexpr std::uint8_t kSettled = 1, kBarrier = 2, kQueued = 4;
    static constexpr std::uint8_t kNoParent = 0xFF;
    static constexpr std::uint32_t kNoPos = 0xFFFFFFFFu;

    // Rates and travel.
    const EllipseRate& cached(std::size_t cell, double timeS);
    void enterPeriod(double timeS);
    bool inGrid(std::size_t cell, int dx, int dy, std::size_t& out) const;
    // Travel time of edge k from `from`, with the rates at `timeS` (cached when `cachedRates`);
    // +inf when blocked.
    double travel(std::size_t from, int k, double timeS, bool cachedRates);
    bool passable(std::size_t cell, double timeS, bool cachedRates);
    void settle(std::size_t cell);
    void offer(std::size_t cell, double t, std::uint8_t parent);

    // Suppression changes (fire_spread_changes.cpp).
    enum class Change { barrier, breach, scale };
    bool edgeCrosses(std::size_t to, int k, std::size_t cell) const;
    bool edgeFrom(std::size_t to, int k, std::size_t& from) const;
    // The new pending arrival of unsettled `w` after `change` to `x` (see the .cpp).
    double replan(std::size_t w, std::size_t x, Change change, double oldScale);
    void applyPlan(std::size_t w, double t, std::uint8_t parent);
    std::uint8_t bestParent_ = kNoParent;

    // Heap of cells keyed by (arrival, index).
    bool less(std::uint32_t a, std::uint32_t b) const;
    void heapUp(std::size_t k);
    void heapDown(std::size_t k);
    void heapRemove(std::size_t cell);
    void heapPushOrUpdate(std::size_t cell);

    int ncols_, nrows_;
    double cellM_;
    const SpreadRates& rates_;
    FireSpreadOptions options_;
    std::vector<StencilEdge> stencil_;
    int reach_ = 2;
    double now_ = 0;
    // The rate period in force: [periodStart_, periodEnd_), numbered period_ (cache stamps).
    std::uint32_t period_ = 0;
    double periodEnd_ = -std::numeric_limits<double>::infinity();

    std::vector<double> arrival_;         // tentative, then final; +inf unknown
    std::vector<double> settledArrival_;  // +inf until settled
    std::vector<std::uint8_t> flags_, parent_;
    std::vector<float> scale_, residence_;
    std::vector<EllipseRate> cache_;
    std::vector<std::uint32_t> stamp_;
    std::vector<std::uint32_t> heap_, pos_;
    std::vector<std::uint32_t> order_;  // settled cells in arrival order
    std::size_t arrived_ = 0;
    long long crossH_ = 0, crossV_ = 0, crossD_ = 0;  // arrived/unarrived neighbour pairs
};

}  // namespace drillbase::sim::fire
