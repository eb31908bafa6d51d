// inertial_solver.h — 2D flood inundation by the local-inertial approximation of the shallow
// water equations, Bates, Horritt & Fewtrell (2010), J. Hydrol. 387, 33–45 (the scheme of
// LISFLOOD-FP's `acceleration` solver): explicit in the water-surface slope, semi-implicit in
// Manning friction (eq. 11), continuity on a regular grid (eq. 8), and the adaptive step
// Δt = α·Δx/√(g·h_max) (eq. 12). Double precision throughout.
//
// What it guarantees, and the tests check:
//  - still water stays still over any ground (a face's slope term is zero when both surfaces
//    are level, whatever the bed);
//  - volume balances: inflow + rain − outflow equals the change in storage to rounding (the
//    fluxes are shared by the two cells of a face, and a cell's outflow over a step is limited
//    to the water it holds, which also keeps every depth ≥ 0);
//  - identical bits for any number of threads: each face and cell is computed by the same code
//    from the same inputs whichever thread runs it, and every sum is kept per row and added in
//    row order;
//  - only wet regions cost time: each row tracks the span of its wet cells and a pass visits
//    only the faces and cells next to water.
#pragma once

#include "sim/hydraulics/flood_boundaries.h"
#include "sim/hydraulics/flood_model.h"
#include "sim/hydraulics/row_team.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace drillbase::sim {

// The volume account of a run, m³.
struct FloodBudget {
    double initialM3 = 0;  // water on the ground at the start
    double inflowM3 = 0;   // through boundaries and point sources
    double outflowM3 = 0;  // out through boundaries (and point extraction)
    double rainM3 = 0;
    double storedM3 = 0;  // on the ground now
    // (stored − initial − inflow − rain + outflow) / (initial + inflow + rain), or the absolute
    // imbalance when nothing ever came in.
    double relativeError() const;
};

// A span of columns in one row, inclusive; empty when lo > hi.
struct RowSpan {
    int lo = 1, hi = 0;
    bool empty() const { return lo > hi; }
};

inline RowSpan hull(RowSpan a, RowSpan b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi};
}

// The solver's state at a time: what a drill saves to seek back, and what a benchmark copies so
// that several solvers start from the same moment.
struct FloodSnapshot {
    double timeS = 0;
    std::vector<double> z, h, qx, qy, hMax, arrival;
    double initialM3 = 0, inM3 = 0, outM3 = 0, rainM3 = 0;
};

class InertialSolver {
public:
    // Preconditions: checkFloodModel(model) is empty; `model` outlives the solver.
    explicit InertialSolver(const FloodModel& model, int threads = 1);

    // Advances to `tS` seconds after the start (no effect when not later than now), with the
    // adaptive step; the last step is shortened to land exactly on tS.
    void advanceTo(double tS);

    double timeS() const { return t_; }
    std::int64_t steps() const { return steps_; }
    double lastStepS() const { return lastDt_; }
    // Cells of the whole grid advanced, steps × ncols × nrows (the count LISFLOOD-FP reports),
    // and those actually computed next to water.
    std::uint64_t boxCellUpdates() const { return boxUpdates_; }
    std::uint64_t computedCellUpdates() const { return computedUpdates_; }

    const FloodModel& model() const { return m_; }
    // The model's boundaries, breaches and gauges as resolved to cells.
    const ResolvedInputs& inputs() const { return in_; }
    int threads() const { return team_->size(); }
    const std::vector<double>& depths() const { return h_; }
    double depth(std::size_t cell) const { return h_[cell]; }
    double bed(std::size_t cell) const { return z_[cell]; }
    // Depth-averaged velocity at a cell centre from its four face discharges, m/s (0 when the
    // cell is not wet).
    void velocity(std::size_t cell, double& u, double& v) const;
    double speed(std::size_t cell) const;
    const std::vector<double>& maxDepth() const { return hMax_; }
    // When the depth first exceeded the wet threshold, s; negative where it never did.
    const std::vector<double>& arrivalS() const { return arrival_; }
    double maxDepthNow() const { return hMaxNow_; }
    FloodBudget budget() const;

    // What a drill changes while the water runs (each takes effect from the next step):
    // rain at a constant rate from now on, replacing the model's series;
    void setRain(double mmPerHour);
    // breach k of the model opens now (its duration unchanged), unless it already has;
    void openBreach(std::size_t k);
    // the ground of a cell raised by dz metres (a sandbag wall), its water kept;
    void raiseBed(std::size_t cell, double dzM);
    // a pump taking up to `m3PerS` out of a cell, as long as it holds water (outflow).
    void addPump(std::size_t cell, double m3PerS);
    bool breachOpen(std::size_t k) const;

    FloodSnapshot snapshot() const;
    // Precondition: `s` came from a solver of the same model. The step count is not restored.
    void restore(const FloodSnapshot& s);

    // Unit discharges of the faces: x faces (ncols+1)·nrows, index j·(ncols+1) + i the face west
    // of cell i; y faces ncols·(nrows+1), index j·ncols + i the face south of row j.
    const std::vector<double>& qx() const { return qx_; }
    const std::vector<double>& qy() const { return qy_; }

private:
    void step(double dt);
    void rescanSpans();
    void planRanges();
    void partition();
    void passFluxes(int j, double dt);
    void passLimit(int j, double dt);
    void passScale(int j, double dt);
    void passDepth(int j, double dt);
    double boundaryFlux(const ResolvedBoundary& b, double qOld, double value, double dt) const;
    void applyBreaches();

    const FloodModel& m_;
    ResolvedInputs in_;
    std::unique_ptr<RowTeam> team_;
    int nx_, ny_;
    double dx_, invDx_, g_, threshold_;
    std::vector<double> z_, h_, qx_, qy_, limit_;
    // The discharges at the start of the step, for the 2D friction term across (kept equal to
    // qx_/qy_ between steps by copying the faces each step visited).
    std::vector<double> qxOld_, qyOld_;
    std::vector<double> n2x_, n2y_,
        n2c_;  // Manning n² of the faces (mean n of the two cells), cells
    std::vector<std::uint8_t> openX_, openY_, domain_;
    std::vector<double> hMax_, arrival_;
    std::vector<double> bValue_;  // each boundary's value for the current step
    // Boundaries by row: edges whose face the row owns, and points in the row.
    std::vector<std::vector<std::size_t>> rowEdges_, rowPoints_;
    struct Pump {
        std::size_t cell;
        double m3PerS;
    };
    std::vector<std::vector<Pump>> rowPumps_;
    bool rainOverride_ = false;
    double rainOverrideMmH_ = 0;
    std::vector<RowSpan> wet_, fixed_, xFaces_, yFaces_, cells_, prevX_, prevY_;
    std::vector<double> rowIn_, rowOut_, rowHmax_;
    std::vector<int> chunk_;  // members' first rows, size threads + 1
    int active_ = 1;          // members working this step (the rest get empty blocks)
    std::int64_t domainCells_ = 0;
    bool raining_ = false;
    double rainMS_ = 0;
    double t_ = 0, lastDt_ = 0, hMaxNow_ = 0;
    std::int64_t steps_ = 0;
    std::uint64_t boxUpdates_ = 0, computedUpdates_ = 0;
    double initialM3_ = 0, inM3_ = 0, outM3_ = 0, rainM3_ = 0;
};

}  // namespace drillbase::sim
