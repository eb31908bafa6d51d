// bench_flood — the local-inertial flood solver on the real EA Test 5 valley (UK Environment
// Agency 2D benchmark, Néelz & Pender 2013; 1378 × 1224 cells at 10 m, the DEM LISFLOOD-FP 8.1's
// test suite ships). The solver first runs to --warm seconds (the dam-break wave is then well
// into the valley), then the same --window of simulated time is run from that one state by:
//   plain    — a textbook loop of the same scheme over every cell of the box, one thread, with
//              the same face arithmetic (inertial_kernels.h) — the baseline measured in this run;
//   solver×1 — drillbase's solver (wet spans, row passes) on one thread;
//   solver×N — the same on N threads.
// It prints, for each, cell updates per second over the whole box (steps × ncols × nrows, the
// count LISFLOOD-FP reports) in total and per thread, the ratio to the plain loop, and whether
// the final depths are the same bits. The goal (the flood issue): 1.5 × the 74–77 million per
// thread that LISFLOOD-FP 8.1 does here in single precision (measured on these machines, see
// ../shared/reference-data/README.md — quoted, not measured by this program), i.e. ≥ 112 million
// per thread, in double precision.
//
//   bench_flood [--par FILE] [--warm SECONDS] [--window SECONDS] [--threads N]
#include "sim/hydraulics/inertial_kernels.h"
#include "sim/hydraulics/inertial_solver.h"
#include "sim/hydraulics/lisflood_inputs.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace drillbase;
using namespace drillbase::sim;

namespace {

// The scheme with nothing clever: every face and cell of the box every step, point sources only
// (what EA Test 5 has). Same equations and order of operations as the solver, so the depths come
// out the same bits.
struct PlainInertial {
    const FloodModel& m;
    ResolvedInputs in;
    int nx, ny;
    double dx, t = 0;
    std::int64_t steps = 0;
    std::vector<double> z, h, qx, qy, qxo, qyo, n2x, n2y, lim;
    std::vector<std::uint8_t> openX, openY, dom;

    PlainInertial(const FloodModel& model, const FloodSnapshot& s)
        : m(model), in(resolveInputs(model)), nx(model.nx), ny(model.ny), dx(model.cellM) {
        t = s.timeS;
        z = s.z;
        h = s.h;
        qx = s.qx;
        qy = s.qy;
        dom = m.inDomain;
        lim.assign(h.size(), 1.0);
        const auto snx = static_cast<std::size_t>(nx);
        n2x.assign(qx.size(), 0);
        openX.assign(qx.size(), 0);
        n2y.assign(qy.size(), 0);
        openY.assign(qy.size(), 0);
        for (int j = 0; j < ny; ++j)
            for (int i = 1; i < nx; ++i) {
                const std::size_t a = m.index(i - 1, j), b = a + 1, f = j * (snx + 1) + i;
                if (!dom[a] || !dom[b]) continue;
                openX[f] = 1;
                const double nf = 0.5 * (m.manning[a] + m.manning[b]);
                n2x[f] = nf * nf;
            }
        for (int j = 1; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                const std::size_t a = m.index(i, j - 1), b = m.index(i, j);
                if (!dom[a] || !dom[b]) continue;
                openY[b] = 1;
                const double nf = 0.5 * (m.manning[a] + m.manning[b]);
                n2y[b] = nf * nf;
            }
    }

    void step(double dt) {
        const auto snx = static_cast<std::size_t>(nx);
        const inertial::FaceParams p{m.settings.gravity, dt, 1 / dx, m.settings.depthThresholdM};
        qxo = qx;  // the discharges at the start of the step, for the friction across
        qyo = qy;
        for (int j = 0; j < ny; ++j)
            for (int i = 1; i < nx; ++i) {
                const std::size_t f = j * (snx + 1) + i, a = j * snx + i - 1, b = a + 1;
                const double across = 0.25 * (qyo[a] + qyo[b] + qyo[a + snx] + qyo[b + snx]);
                if (openX[f])
                    qx[f] = inertial::faceFlux(qxo[f], across, z[a] + h[a], z[b] + h[b], z[a], z[b],
                                               n2x[f], p);
            }
        for (int j = 1; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                const std::size_t f = j * snx + i, a = f - snx, b = f;
                const std::size_t w0 = (j - 1) * (snx + 1) + i, w1 = j * (snx + 1) + i;
                const double across = 0.25 * (qxo[w0] + qxo[w0 + 1] + qxo[w1] + qxo[w1 + 1]);
                if (openY[f])
                    qy[f] = inertial::faceFlux(qyo[f], across, z[a] + h[a], z[b] + h[b], z[a], z[b],
                                               n2y[f], p);
            }
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                const std::size_t c = j * snx + i, fx = j * (snx + 1) + i;
                const double out = std::max(0.0, -qx[fx]) + std::max(0.0, qx[fx + 1]) +
                                   std::max(0.0, -qy[c]) + std::max(0.0, qy[c + snx]);
                const double cap = h[c] * (dx / dt);
                lim[c] = out > cap ? cap / out : 1.0;
            }
        for (int j = 0; j < ny; ++j)
            for (int i = 1; i < nx; ++i) {
                const std::size_t f = j * (snx + 1) + i;
                if (qx[f] != 0) qx[f] *= lim[j * snx + (qx[f] > 0 ? i - 1 : i)];
            }
        for (int j = 1; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                const std::size_t f = j * snx + i;
                if (qy[f] != 0) qy[f] *= lim[(qy[f] > 0 ? j - 1 : j) * snx + i];
            }
        const double k = dt * (1 / dx);  // as the solver: Δt·(1/Δx), not Δt/Δx
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                const std::size_t c = j * snx + i, fx = j * (snx + 1) + i;
                if (!dom[c]) continue;
                const double d = h[c] + k * (qx[fx] - qx[fx + 1] + qy[c] - qy[c + snx]) + 0.0;
                h[c] = d > 0 ? d : 0;
            }
        const double tMid = t + 0.5 * dt;
        for (const ResolvedBoundary& b : in.boundaries)
            h[b.cell] = std::max(0.0, h[b.cell] + b.valueAt(tMid) * k);
        ++steps;
    }

    void advanceTo(double tEnd) {
        while (t < tEnd) {
            double hm = 0;
            for (double d : h) hm = std::max(hm, d);
            double dtMax = m.settings.initialStepS;
            if (hm > m.settings.depthThresholdM)
                dtMax = std::min(dtMax, m.settings.alpha * dx / std::sqrt(m.settings.gravity * hm));
            const double remaining = tEnd - t, n = std::ceil(remaining / dtMax);
            const double dt = n > 1 ? remaining / n : remaining;
            step(dt);
            t = n > 1 ? t + dt : tEnd;
        }
    }
};

struct Timing {
    double wallS = 0;
    std::int64_t steps = 0;
    double perSecond = 0;          // box cell updates per second
    double computedPerSecond = 0;  // cells actually computed (next to water) per second
};

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

int main(int argc, char** argv) {
    std::string par = std::string(DRILLBASE_SOURCE_DIR) + "/scenarios/data/ea-test5/ea5-10m.par";
    double warm = 3600, window = 600;
    int threads = 2;
    for (int a = 1; a + 1 < argc; a += 2) {
        const std::string k = argv[a];
        if (k == "--par") par = argv[a + 1];
        if (k == "--warm") warm = std::atof(argv[a + 1]);
        if (k == "--window") window = std::atof(argv[a + 1]);
        if (k == "--threads") threads = std::max(1, std::atoi(argv[a + 1]));
    }
    std::vector<Diagnostic> errors, warnings;
    auto loaded = loadLisfloodModel(par, errors, warnings);
    if (!loaded) {
        for (const Diagnostic& e : errors) std::fprintf(stderr, "%s\n", e.format().c_str());
        return 1;
    }
    const FloodModel& m = loaded->model;
    for (const BoundaryCondition& b : m.boundaries)
        if (b.side != BoundarySide::Point || b.kind == BoundaryKind::HFix ||
            b.kind == BoundaryKind::HVar) {
            std::fprintf(stderr, "bench_flood: the plain loop handles point inflows only\n");
            return 1;
        }
    const double box = static_cast<double>(m.nx) * m.ny;
    std::size_t domainCells = 0;
    for (auto v : m.inDomain) domainCells += v;
    std::printf(
        "EA Test 5: %d x %d cells at %.0f m (%zu in the domain), warm-up to %.0f s, "
        "window %.0f s\n",
        m.nx, m.ny, m.cellM, domainCells, warm, window);

    double t0 = now();
    InertialSolver warmSolver(m, threads);
    warmSolver.advanceTo(warm);
    const FloodSnapshot start = warmSolver.snapshot();
    std::size_t wet = 0;
    for (double d : start.h) wet += d > m.settings.depthThresholdM;
    std::printf("warm-up: %.1f s wall, %lld steps; %zu wet cells (%.1f %% of the box)\n",
                now() - t0, static_cast<long long>(warmSolver.steps()), wet, 100.0 * wet / box);

    PlainInertial plain(m, start);
    t0 = now();
    plain.advanceTo(warm + window);
    Timing tp{now() - t0, plain.steps, 0, 0};
    tp.perSecond = box * static_cast<double>(tp.steps) / tp.wallS;
    tp.computedPerSecond = tp.perSecond;  // the plain loop computes every cell

    auto timeSolver = [&](int n, std::vector<double>& depths) {
        InertialSolver s(m, n);
        s.restore(start);
        const auto computed0 = s.computedCellUpdates();
        const double a = now();
        s.advanceTo(warm + window);
        Timing t{now() - a, s.steps(), 0, 0};
        t.perSecond = box * static_cast<double>(t.steps) / t.wallS;
        t.computedPerSecond = static_cast<double>(s.computedCellUpdates() - computed0) / t.wallS;
        depths = s.depths();
        return t;
    };
    std::vector<double> d1, dn;
    const Timing t1 = timeSolver(1, d1);
    const Timing tn = timeSolver(threads, dn);
    auto same = [&](const std::vector<double>& d) {
        return d.size() == plain.h.size() &&
               std::memcmp(d.data(), plain.h.data(), d.size() * sizeof(double)) == 0;
    };
    auto maxDiff = [&](const std::vector<double>& d) {
        double worst = 0;
        for (std::size_t k = 0; k < d.size(); ++k)
            worst = std::max(worst, std::fabs(d[k] - plain.h[k]));
        return worst;
    };
    std::printf(
        "largest depth difference from the plain loop: 1 thread %.3g m, %d threads %.3g m; "
        "1 vs %d threads identical: %s\n",
        maxDiff(d1), threads, maxDiff(dn), threads,
        d1.size() == dn.size() && std::memcmp(d1.data(), dn.data(), d1.size() * 8) == 0 ? "yes"
                                                                                        : "NO");
    const double lisfloodPerThread = 75.5e6;  // 74–77 M, reference-data/README.md
    std::printf("\n%-8s %7s %7s %10s %11s %8s %9s %13s %s\n", "run", "threads", "steps", "M upd/s",
                "M/s/thread", "x plain", "x LF 8.1", "M computed/s", "same as plain");
    auto row = [&](const char* name, int n, const Timing& t, const char* same) {
        std::printf("%-8s %7d %7lld %10.1f %11.1f %8.2f %9.2f %13.1f %s\n", name, n,
                    static_cast<long long>(t.steps), t.perSecond / 1e6, t.perSecond / n / 1e6,
                    t.perSecond / tp.perSecond, t.perSecond / n / lisfloodPerThread,
                    t.computedPerSecond / 1e6, same);
    };
    row("plain", 1, tp, "-");
    row("solver", 1, t1, same(d1) ? "yes" : "NO");
    row("solver", threads, tn, same(dn) ? "yes" : "NO");
    std::printf("\ngoal: >= %.0f M/s per thread (1.5 x LISFLOOD-FP 8.1's %.1f M, quoted): %s\n",
                1.5 * lisfloodPerThread / 1e6, lisfloodPerThread / 1e6,
                tn.perSecond / threads >= 1.5 * lisfloodPerThread ? "met" : "NOT met");
    return same(d1) && same(dn) ? 0 : 1;
}
