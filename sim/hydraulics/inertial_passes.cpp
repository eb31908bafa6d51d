// inertial_passes.cpp — one step of the local-inertial solver: the spans each pass visits, the
// split of rows among threads, the four passes and the boundary faces (see inertial_solver.cpp
// for the order and why; the face arithmetic is inertial_kernels.h).
#include "sim/hydraulics/inertial_kernels.h"
#include "sim/hydraulics/inertial_solver.h"

#include <algorithm>
#include <cmath>

namespace drillbase::sim {

namespace {

RowSpan clampSpan(RowSpan s, int lo, int hi) {
    if (s.empty()) return s;
    return {std::max(s.lo, lo), std::min(s.hi, hi)};
}

}  // namespace

// Which faces and cells this step visits. A face can carry flow only next to a cell holding
// water (h > 0) or a boundary; a face that carried flow last step is visited once more so that
// it returns to zero when both its cells have drained — so every face outside the spans holds
// exactly zero, and a pass may read it without having visited it.
void InertialSolver::planRanges() {
    std::vector<RowSpan> active(static_cast<std::size_t>(ny_));
    for (int j = 0; j < ny_; ++j) {
        const auto sj = static_cast<std::size_t>(j);
        active[sj] = raining_ ? RowSpan{0, nx_ - 1} : hull(wet_[sj], fixed_[sj]);
    }
    for (int j = 0; j <= ny_; ++j) {
        const auto sj = static_cast<std::size_t>(j);
        RowSpan y = j > 0 ? active[sj - 1] : RowSpan{};
        if (j < ny_) y = hull(y, active[sj]);
        yFaces_[sj] = hull(y, prevY_[sj]);
        prevY_[sj] = y;
        if (j == ny_) break;
        RowSpan x = active[sj];
        if (!x.empty()) x = {x.lo, x.hi + 1};  // the faces west and east of each active cell
        xFaces_[sj] = hull(x, prevX_[sj]);
        prevX_[sj] = x;
    }
    for (int j = 0; j < ny_; ++j) {
        const auto sj = static_cast<std::size_t>(j);
        RowSpan c = xFaces_[sj];
        if (!c.empty()) c = clampSpan({c.lo - 1, c.hi}, 0, nx_ - 1);
        c = hull(hull(c, yFaces_[sj]), yFaces_[sj + 1]);
        cells_[sj] = c;
        if (!c.empty()) computedUpdates_ += static_cast<std::uint64_t>(c.hi - c.lo + 1);
    }
}

// Contiguous blocks of rows with about equal work. The split changes only who computes a row,
// never what it computes.
void InertialSolver::partition() {
    std::int64_t total = 0;
    for (const RowSpan& c : cells_) total += c.empty() ? 1 : c.hi - c.lo + 2;
    // Waking a thread costs tens of microseconds per pass on a shared machine: below about
    // minCellsPerThread cells of work each, more threads make a step slower, not faster.
    const std::int64_t per = std::max<std::int64_t>(1, m_.settings.minCellsPerThread);
    active_ = static_cast<int>(std::clamp<std::int64_t>(total / per, 1, team_->size()));
    const int members = active_;
    chunk_.assign(static_cast<std::size_t>(team_->size()) + 1, ny_);
    chunk_[0] = 0;
    if (members == 1) return;
    std::int64_t acc = 0;
    int member = 1;
    for (int j = 0; j < ny_ && member < members; ++j) {
        const RowSpan& c = cells_[static_cast<std::size_t>(j)];
        acc += c.empty() ? 1 : c.hi - c.lo + 2;
        while (member < members && acc * members >= total * member)
            chunk_[static_cast<std::size_t>(member++)] = j + 1;
    }
    while (member < members) chunk_[static_cast<std::size_t>(member++)] = ny_;
    chunk_[static_cast<std::size_t>(members)] = ny_;
}

void InertialSolver::applyBreaches() {
    for (const ResolvedBreachCell& c : in_.breachCells) {
        double frac = 0;
        if (t_ >= c.startS)
            frac = c.durationS > 0 ? std::min(1.0, (t_ - c.startS) / c.durationS) : 1.0;
        // The depth is kept, so lowering the bed moves water without creating or losing any.
        z_[c.cell] = c.zOriginal - frac * (c.zOriginal - c.zBottom);
    }
}

void InertialSolver::step(double dt) {
    const double tMid = t_ + 0.5 * dt;
    for (std::size_t b = 0; b < in_.boundaries.size(); ++b)
        bValue_[b] = in_.boundaries[b].valueAt(tMid);
    const double mmH = rainOverride_ ? rainOverrideMmH_ : m_.rain.mmPerHour.at(tMid);
    rainMS_ = raining_ ? mmH / 3.6e6 : 0;  // mm/h → m/s
    applyBreaches();
    planRanges();
    partition();
    auto rows = [this](void (InertialSolver::*pass)(int, double), double d) {
        const auto job = [this, pass, d](int member) {
            const auto sm = static_cast<std::size_t>(member);
            for (int j = chunk_[sm]; j < chunk_[sm + 1]; ++j) (this->*pass)(j, d);
        };
        if (active_ == 1)
            job(0);
        else
            team_->run(job);
    };
    rows(&InertialSolver::passFluxes, dt);
    rows(&InertialSolver::passLimit, dt);
    rows(&InertialSolver::passScale, dt);
    rows(&InertialSolver::passDepth, dt);
    double hm = 0;
    for (int j = 0; j < ny_; ++j) {  // in row order, whatever the split
        const auto sj = static_cast<std::size_t>(j);
        inM3_ += rowIn_[sj];
        outM3_ += rowOut_[sj];
        rowIn_[sj] = rowOut_[sj] = 0;
        hm = std::max(hm, rowHmax_[sj]);
    }
    hMaxNow_ = hm;
    rainM3_ += rainMS_ * dt * dx_ * dx_ * static_cast<double>(domainCells_);
    ++steps_;
    boxUpdates_ += static_cast<std::uint64_t>(nx_) * static_cast<std::uint64_t>(ny_);
    lastDt_ = dt;
}

double InertialSolver::boundaryFlux(const ResolvedBoundary& b, double qOld, double value,
                                    double dt) const {
    const std::size_t c = b.cell;
    const bool inwardPositive = b.side == BoundarySide::West || b.side == BoundarySide::South;
    const inertial::FaceParams p{g_, dt, invDx_, threshold_};
    const double zc = z_[c], ec = zc + h_[c];
    switch (b.kind) {
        case BoundaryKind::QFix:
        case BoundaryKind::QVar: return inwardPositive ? value : -value;
        case BoundaryKind::HFix:
        case BoundaryKind::HVar:
            // A ghost cell outside the edge with the given water surface over the same bed, and
            // the face's own |q| in the friction term (LISFLOOD-FP 8.1, boundary.cpp).
            return inwardPositive ? inertial::faceFlux(qOld, 0, value, ec, zc, zc, n2c_[c], p)
                                  : inertial::faceFlux(qOld, 0, ec, value, zc, zc, n2c_[c], p);
        case BoundaryKind::Free: {
            // Normal flow out at the slope given (any value above -0.999, as LISFLOOD-FP reads
            // it) or else the water-surface slope between the edge cell and the next one in;
            // through the cell's own depth, always outward (LISFLOOD-FP 8.1, boundary.cpp):
            //   q = (|q^t| + g·Δt·h·|S|) / (1 + g·Δt·n²·|q^t| / h^{7/3}).
            const double hc = h_[c];
            if (!(hc > threshold_)) return 0;
            double slope = value;
            if (!(value > -0.999)) {
                const auto snx = static_cast<std::size_t>(nx_);
                const int i = static_cast<int>(c % snx), j = static_cast<int>(c / snx);
                int ni = i, nj = j;
                if (b.side == BoundarySide::West) ni = i + 1;
                if (b.side == BoundarySide::East) ni = i - 1;
                if (b.side == BoundarySide::South) nj = j + 1;
                if (b.side == BoundarySide::North) nj = j - 1;
                slope = 0;
                if (ni >= 0 && ni < nx_ && nj >= 0 && nj < ny_) {
                    const std::size_t k = m_.index(ni, nj);
                    if (domain_[k]) slope = (z_[k] + h_[k] - ec) * invDx_;
                }
            }
            const double as = slope < 0 ? -slope : slope, aq = qOld < 0 ? -qOld : qOld;
            const double h73 = hc * hc * inertial::cbrtPositive(hc);
            const double q = (aq + g_ * dt * hc * as) / (1 + g_ * dt * n2c_[c] * aq / h73);
            return inwardPositive ? -q : q;
        }
    }
    return 0;
}

void InertialSolver::passFluxes(int j, double dt) {
    const inertial::FaceParams p{g_, dt, invDx_, threshold_};
    const auto sj = static_cast<std::size_t>(j), snx = static_cast<std::size_t>(nx_);
    const RowSpan xs = clampSpan(xFaces_[sj], 1, nx_ - 1);
    const std::size_t base = sj * (snx + 1), row = sj * snx;
    const double* z = z_.data();
    const double* h = h_.data();
    const double* qyo = qyOld_.data();
    const double* qxo = qxOld_.data();
    for (int i = xs.lo; i <= xs.hi; ++i) {
        const std::size_t f = base + static_cast<std::size_t>(i);
        if (!openX_[f]) continue;
        const std::size_t a = row + static_cast<std::size_t>(i) - 1, b = a + 1;
        // The four y faces around this x face: south and north of both its cells.
        const double across = 0.25 * (qyo[a] + qyo[b] + qyo[a + snx] + qyo[b + snx]);
        qx_[f] =
            inertial::faceFlux(qxo[f], across, z[a] + h[a], z[b] + h[b], z[a], z[b], n2x_[f], p);
    }
    if (j > 0) {
        const RowSpan ys = yFaces_[sj];
        const std::size_t below = (sj - 1) * (snx + 1);
        for (int i = ys.lo; i <= ys.hi; ++i) {
            const std::size_t f = row + static_cast<std::size_t>(i);
            if (!openY_[f]) continue;
            const std::size_t a = f - snx, b = f;
            // The four x faces around this y face: west and east of both its cells.
            const std::size_t w0 = below + static_cast<std::size_t>(i),
                              w1 = base + static_cast<std::size_t>(i);
            const double across = 0.25 * (qxo[w0] + qxo[w0 + 1] + qxo[w1] + qxo[w1 + 1]);
            qy_[f] = inertial::faceFlux(qyo[f], across, z[a] + h[a], z[b] + h[b], z[a], z[b],
                                        n2y_[f], p);
        }
    }
    for (std::size_t bi : rowEdges_[sj]) {
        const ResolvedBoundary& b = in_.boundaries[bi];
        const std::size_t c = b.cell, i = c % snx;
        double* q = nullptr;
        switch (b.side) {
            case BoundarySide::West: q = &qx_[base]; break;
            case BoundarySide::East: q = &qx_[base + snx]; break;
            case BoundarySide::South: q = &qy_[i]; break;
            case BoundarySide::North: q = &qy_[static_cast<std::size_t>(ny_) * snx + i]; break;
            case BoundarySide::Point: break;
        }
        if (q) *q = boundaryFlux(b, *q, bValue_[bi], dt);
    }
}

void InertialSolver::passLimit(int j, double dt) {
    const auto sj = static_cast<std::size_t>(j), snx = static_cast<std::size_t>(nx_);
    const RowSpan cs = cells_[sj];
    const double capPerDepth = dx_ / dt;  // outflow (m²/s) that empties 1 m of depth in dt
    for (int i = cs.lo; i <= cs.hi; ++i) {
        const std::size_t c = sj * snx + static_cast<std::size_t>(i);
        const std::size_t fx = sj * (snx + 1) + static_cast<std::size_t>(i);
        const double out = std::max(0.0, -qx_[fx]) + std::max(0.0, qx_[fx + 1]) +
                           std::max(0.0, -qy_[c]) + std::max(0.0, qy_[c + snx]);
        const double cap = h_[c] * capPerDepth;
        limit_[c] = out > cap ? cap / out : 1.0;
    }
}

void InertialSolver::passScale(int j, double dt) {
    const auto sj = static_cast<std::size_t>(j), snx = static_cast<std::size_t>(nx_);
    const double volume = dx_ * dt;  // m³ per (m²/s) through one face over the step
    const RowSpan xs = xFaces_[sj];
    const std::size_t base = sj * (snx + 1), row = sj * snx;
    for (int i = xs.lo; i <= xs.hi; ++i) {
        const std::size_t f = base + static_cast<std::size_t>(i);
        const double q = qx_[f];
        if (q == 0) continue;
        // The cell the water leaves; outside the grid (inflow at an edge) nothing is limited.
        const int up = q > 0 ? i - 1 : i;
        if (up >= 0 && up < nx_) qx_[f] = q * limit_[row + static_cast<std::size_t>(up)];
        if (i == 0 || i == nx_) {
            const double into = (i == 0 ? qx_[f] : -qx_[f]) * volume;
            (into > 0 ? rowIn_[sj] : rowOut_[sj]) += into > 0 ? into : -into;
        }
    }
    // The face south of this row, and for the last row the grid's north edge too.
    for (int face = j; face <= (j == ny_ - 1 ? ny_ : j); ++face) {
        const RowSpan ys = yFaces_[static_cast<std::size_t>(face)];
        for (int i = ys.lo; i <= ys.hi; ++i) {
            const std::size_t f =
                static_cast<std::size_t>(face) * snx + static_cast<std::size_t>(i);
            const double q = qy_[f];
            if (q == 0) continue;
            const int up = q > 0 ? face - 1 : face;
            if (up >= 0 && up < ny_)
                qy_[f] =
                    q * limit_[static_cast<std::size_t>(up) * snx + static_cast<std::size_t>(i)];
            if (face == 0 || face == ny_) {
                const double into = (face == 0 ? qy_[f] : -qy_[f]) * volume;
                (into > 0 ? rowIn_[sj] : rowOut_[sj]) += into > 0 ? into : -into;
            }
        }
    }
}

void InertialSolver::passDepth(int j, double dt) {
    const auto sj = static_cast<std::size_t>(j), snx = static_cast<std::size_t>(nx_);
    const RowSpan cs = cells_[sj];
    const double k = dt * invDx_, rain = rainMS_ * dt, area = dx_ * dx_;
    const double tEnd = t_ + dt;
    // Continuity, Bates et al. (2010) eq. 8: Δh = Δt/Δx · (q_w − q_e + q_s − q_n).
    for (int i = cs.lo; i <= cs.hi; ++i) {
        const std::size_t c = sj * snx + static_cast<std::size_t>(i);
        if (!domain_[c]) continue;
        const std::size_t fx = sj * (snx + 1) + static_cast<std::size_t>(i);
        const double d = h_[c] + k * (qx_[fx] - qx_[fx + 1] + qy_[c] - qy_[c + snx]) + rain;
        h_[c] = d > 0 ? d : 0;  // the limiter leaves at most a rounding error below zero
    }
    for (std::size_t bi : rowPoints_[sj]) {
        const ResolvedBoundary& b = in_.boundaries[bi];
        const std::size_t c = b.cell;
        const double before = h_[c];
        if (b.kind == BoundaryKind::QFix || b.kind == BoundaryKind::QVar) {
            // A point inflow is m²/s per unit width, × Δx for the cell's m³/s (LISFLOOD-FP).
            h_[c] = std::max(0.0, before + bValue_[bi] * k);
        } else {  // HFix / HVar: the water surface held at the given level
            h_[c] = std::max(0.0, bValue_[bi] - z_[c]);
        }
        const double change = (h_[c] - before) * area;
        (change > 0 ? rowIn_[sj] : rowOut_[sj]) += change > 0 ? change : -change;
    }
    for (const Pump& p : rowPumps_[sj]) {
        const double take = std::min(h_[p.cell], p.m3PerS * dt / area);
        h_[p.cell] -= take;
        rowOut_[sj] += take * area;
    }
    RowSpan wet;
    double hm = 0;
    for (int i = cs.lo; i <= cs.hi; ++i) {
        const std::size_t c = sj * snx + static_cast<std::size_t>(i);
        const double d = h_[c];
        if (d > 0) wet = hull(wet, {i, i});
        if (d > hm) hm = d;
        if (d > hMax_[c]) hMax_[c] = d;
        if (d > threshold_ && arrival_[c] < 0) arrival_[c] = tEnd;
    }
    wet_[sj] = wet;
    rowHmax_[sj] = hm;
    // The faces this row owns, as the next step's "old" discharges: only those visited can have
    // changed, so the copies stay equal to qx_/qy_ everywhere.
    const RowSpan xs = xFaces_[sj];
    const std::size_t base = sj * (snx + 1);
    for (int i = xs.lo; i <= xs.hi; ++i)
        qxOld_[base + static_cast<std::size_t>(i)] = qx_[base + static_cast<std::size_t>(i)];
    for (int face = j; face <= (j == ny_ - 1 ? ny_ : j); ++face) {
        const RowSpan ys = yFaces_[static_cast<std::size_t>(face)];
        const std::size_t fb = static_cast<std::size_t>(face) * snx;
        for (int i = ys.lo; i <= ys.hi; ++i)
            qyOld_[fb + static_cast<std::size_t>(i)] = qy_[fb + static_cast<std::size_t>(i)];
    }
}

}  // namespace drillbase::sim
