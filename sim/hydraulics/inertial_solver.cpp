// inertial_solver.cpp — the local-inertial flood solver's set-up, steps and passes (equations in
// inertial_kernels.h and the header). One step runs four passes over the rows, each finished by
// every thread before the next begins:
//   1 fluxes  — new unit discharge of every face next to water, boundary faces included (eq. 11);
//   2 limit   — each cell's outflow over the step capped at the water it holds (a factor ≤ 1);
//   3 scale   — each face's flux multiplied by the factor of the cell it leaves; boundary volumes;
//   4 depth   — continuity (eq. 8), point sources, rain; the row's wet span and deepest cell.
// The limiter is the usual positivity fix for explicit finite volumes: it changes nothing in a
// cell that keeps water and makes a draining cell empty exactly, so depths stay ≥ 0 and volume
// is conserved. Bates et al. (2010) leave this to the threshold alone.
#include "sim/hydraulics/inertial_solver.h"

#include "sim/hydraulics/inertial_kernels.h"

#include <algorithm>
#include <cmath>

namespace drillbase::sim {

double FloodBudget::relativeError() const {
    const double imbalance = storedM3 - initialM3 - inflowM3 - rainM3 + outflowM3;
    const double scale = initialM3 + inflowM3 + rainM3;
    return scale > 0 ? imbalance / scale : imbalance;
}

InertialSolver::InertialSolver(const FloodModel& model, int threads)
    : m_(model),
      in_(resolveInputs(model)),
      team_(std::make_unique<RowTeam>(threads)),
      nx_(model.nx),
      ny_(model.ny),
      dx_(model.cellM),
      invDx_(1 / model.cellM),
      g_(model.settings.gravity),
      threshold_(model.settings.depthThresholdM) {
    const std::size_t n = m_.cells();
    const auto snx = static_cast<std::size_t>(nx_), sny = static_cast<std::size_t>(ny_);
    z_ = m_.z;
    domain_ = m_.inDomain;
    h_.assign(n, 0.0);
    if (!m_.h0.empty())
        for (std::size_t k = 0; k < n; ++k) h_[k] = domain_[k] ? m_.h0[k] : 0.0;
    for (std::size_t k = 0; k < n; ++k)
        if (!domain_[k]) z_[k] = 0;  // never read through a closed face; keeps sums finite
    qx_.assign((snx + 1) * sny, 0.0);
    qy_.assign(snx * (sny + 1), 0.0);
    limit_.assign(n, 1.0);
    n2c_.assign(n, 0.0);
    for (std::size_t k = 0; k < n; ++k) n2c_[k] = m_.manning[k] * m_.manning[k];
    n2x_.assign(qx_.size(), 0.0);
    openX_.assign(qx_.size(), 0);
    for (int j = 0; j < ny_; ++j)
        for (int i = 1; i < nx_; ++i) {
            const std::size_t a = m_.index(i - 1, j), b = m_.index(i, j);
            const std::size_t f =
                static_cast<std::size_t>(j) * (snx + 1) + static_cast<std::size_t>(i);
            if (!domain_[a] || !domain_[b]) continue;
            openX_[f] = 1;
            const double nf = 0.5 * (m_.manning[a] + m_.manning[b]);
            n2x_[f] = nf * nf;
        }
    n2y_.assign(qy_.size(), 0.0);
    openY_.assign(qy_.size(), 0);
    for (int j = 1; j < ny_; ++j)
        for (int i = 0; i < nx_; ++i) {
            const std::size_t a = m_.index(i, j - 1), b = m_.index(i, j);
            const std::size_t f = m_.index(i, j);  // the face south of row j
            if (!domain_[a] || !domain_[b]) continue;
            openY_[f] = 1;
            const double nf = 0.5 * (m_.manning[a] + m_.manning[b]);
            n2y_[f] = nf * nf;
        }
    hMax_ = h_;
    arrival_.assign(n, -1.0);
    for (std::size_t k = 0; k < n; ++k)
        if (h_[k] > threshold_) arrival_[k] = 0;

    // Boundaries by the row that owns them; their cells stay in the row's computed span.
    rowEdges_.assign(sny, {});
    rowPumps_.assign(sny, {});
    rowPoints_.assign(sny, {});
    fixed_.assign(sny, RowSpan{});
    bValue_.assign(in_.boundaries.size(), 0.0);
    for (std::size_t b = 0; b < in_.boundaries.size(); ++b) {
        const ResolvedBoundary& rb = in_.boundaries[b];
        const int j = static_cast<int>(rb.cell / snx), i = static_cast<int>(rb.cell % snx);
        (rb.side == BoundarySide::Point ? rowPoints_ : rowEdges_)[static_cast<std::size_t>(j)]
            .push_back(b);
        fixed_[static_cast<std::size_t>(j)] = hull(fixed_[static_cast<std::size_t>(j)], {i, i});
    }
    for (const ResolvedBreachCell& c : in_.breachCells) {
        const int j = static_cast<int>(c.cell / snx), i = static_cast<int>(c.cell % snx);
        fixed_[static_cast<std::size_t>(j)] = hull(fixed_[static_cast<std::size_t>(j)], {i, i});
    }

    xFaces_.assign(sny, RowSpan{});
    yFaces_.assign(sny + 1, RowSpan{});
    cells_.assign(sny, RowSpan{});
    prevX_.assign(sny, RowSpan{});
    prevY_.assign(sny + 1, RowSpan{});
    rowIn_.assign(sny, 0.0);
    rowOut_.assign(sny, 0.0);
    rescanSpans();
    qxOld_ = qx_;
    qyOld_ = qy_;
    for (std::size_t k = 0; k < n; ++k)
        if (domain_[k]) ++domainCells_;
    raining_ = m_.rain.present;
    double v = 0;
    for (std::size_t k = 0; k < n; ++k) v += h_[k];  // in index order: the same sum every run
    initialM3_ = v * dx_ * dx_;
    chunk_.assign(static_cast<std::size_t>(team_->size()) + 1, ny_);
    chunk_[0] = 0;
}

// Each row's wet span and deepest cell from the depths, and the faces carrying flow as the spans
// of the previous step (so that planRanges visits every face that is not zero).
void InertialSolver::rescanSpans() {
    const auto snx = static_cast<std::size_t>(nx_);
    wet_.assign(static_cast<std::size_t>(ny_), RowSpan{});
    rowHmax_.assign(static_cast<std::size_t>(ny_), 0.0);
    hMaxNow_ = 0;
    for (int j = 0; j < ny_; ++j) {
        const auto sj = static_cast<std::size_t>(j);
        RowSpan s;
        double hm = 0;
        for (int i = 0; i < nx_; ++i) {
            const double d = h_[sj * snx + static_cast<std::size_t>(i)];
            if (d > 0) s = hull(s, {i, i});
            hm = std::max(hm, d);
        }
        wet_[sj] = s;
        rowHmax_[sj] = hm;
        hMaxNow_ = std::max(hMaxNow_, hm);
        RowSpan fx;
        for (int i = 0; i <= nx_; ++i)
            if (qx_[sj * (snx + 1) + static_cast<std::size_t>(i)] != 0) fx = hull(fx, {i, i});
        prevX_[sj] = fx;
    }
    for (int j = 0; j <= ny_; ++j) {
        RowSpan fy;
        for (int i = 0; i < nx_; ++i)
            if (qy_[static_cast<std::size_t>(j) * snx + static_cast<std::size_t>(i)] != 0)
                fy = hull(fy, {i, i});
        prevY_[static_cast<std::size_t>(j)] = fy;
    }
}

void InertialSolver::setRain(double mmPerHour) {
    rainOverride_ = true;
    rainOverrideMmH_ = mmPerHour;
    raining_ = true;  // stays on (visiting every row) even at 0: cheap next to a wet domain
}

void InertialSolver::openBreach(std::size_t k) {
    for (ResolvedBreachCell& c : in_.breachCells)
        if (c.breach == k && c.startS > t_) c.startS = t_;
}

bool InertialSolver::breachOpen(std::size_t k) const {
    for (const ResolvedBreachCell& c : in_.breachCells)
        if (c.breach == k) return c.startS <= t_;
    return false;
}

void InertialSolver::raiseBed(std::size_t cell, double dzM) {
    if (cell >= z_.size() || !domain_[cell]) return;
    z_[cell] += dzM;
    for (ResolvedBreachCell& c : in_.breachCells)  // a wall built on a breach stands on it
        if (c.cell == cell) {
            c.zOriginal += dzM;
            c.zBottom += dzM;
        }
}

void InertialSolver::addPump(std::size_t cell, double m3PerS) {
    if (cell >= z_.size() || !domain_[cell]) return;
    const auto snx = static_cast<std::size_t>(nx_);
    const int j = static_cast<int>(cell / snx), i = static_cast<int>(cell % snx);
    rowPumps_[static_cast<std::size_t>(j)].push_back({cell, m3PerS});
    fixed_[static_cast<std::size_t>(j)] = hull(fixed_[static_cast<std::size_t>(j)], {i, i});
}

FloodSnapshot InertialSolver::snapshot() const {
    return {t_, z_, h_, qx_, qy_, hMax_, arrival_, initialM3_, inM3_, outM3_, rainM3_};
}

void InertialSolver::restore(const FloodSnapshot& s) {
    t_ = s.timeS;
    z_ = s.z;
    h_ = s.h;
    qx_ = s.qx;
    qy_ = s.qy;
    hMax_ = s.hMax;
    arrival_ = s.arrival;
    initialM3_ = s.initialM3;
    inM3_ = s.inM3;
    outM3_ = s.outM3;
    rainM3_ = s.rainM3;
    rescanSpans();
    qxOld_ = qx_;
    qyOld_ = qy_;
}

void InertialSolver::velocity(std::size_t cell, double& u, double& v) const {
    u = v = 0;
    const double d = h_[cell];
    if (!(d > threshold_)) return;
    const std::size_t snx = static_cast<std::size_t>(nx_);
    const std::size_t j = cell / snx, i = cell % snx;
    const std::size_t fx = j * (snx + 1) + i;
    u = 0.5 * (qx_[fx] + qx_[fx + 1]) / d;
    v = 0.5 * (qy_[cell] + qy_[cell + snx]) / d;
}

double InertialSolver::speed(std::size_t cell) const {
    double u = 0, v = 0;
    velocity(cell, u, v);
    return std::sqrt(u * u + v * v);
}

FloodBudget InertialSolver::budget() const {
    FloodBudget b;
    b.initialM3 = initialM3_;
    b.inflowM3 = inM3_;
    b.outflowM3 = outM3_;
    b.rainM3 = rainM3_;
    double v = 0;
    for (double d : h_) v += d;
    b.storedM3 = v * dx_ * dx_;
    return b;
}

void InertialSolver::advanceTo(double tS) {
    const double initial = m_.settings.initialStepS, alpha = m_.settings.alpha;
    while (t_ < tS) {
        // Bates et al. (2010) eq. 12, capped at initial_tstep as LISFLOOD-FP does: a source
        // pouring into dry ground must not be taken in one long step.
        double dtMax = initial;
        if (hMaxNow_ > threshold_) dtMax = std::min(dtMax, alpha * dx_ / std::sqrt(g_ * hMaxNow_));
        // What is left to tS in equal steps no longer than dtMax. Not a full step and a short
        // remainder: the scheme is forward–backward in time (q from the old h, then h from the
        // new q), and for the 2Δx checkerboard mode in 2D a long step alternating with a short
        // one is unstable near the Courant limit even though each alone is stable (the product
        // of the two steps' amplification matrices has |trace| > 2), which a drill's 1-second
        // ticks would otherwise do every tick.
        const double remaining = tS - t_;
        const double n = std::ceil(remaining / dtMax);
        const double dt = n > 1 ? remaining / n : remaining;
        step(dt);
        t_ = n > 1 ? t_ + dt : tS;
    }
}

}  // namespace drillbase::sim
