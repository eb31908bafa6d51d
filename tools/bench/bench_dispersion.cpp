// bench_dispersion — cost of the toxic-gas field. Prints, for one hour of a 1 kg/s release
// under a slowly veering wind (one puff every 2 s):
//   - the 512×512 concentration grid from the puff set (per-puff boxes, separable Gaussians)
//     against plain per-point summation of every puff, and their agreement;
//   - how many times faster than real time a headless hour runs, with a 512×512 field
//     refreshed every 10 simulated seconds.
// Ratios, not absolute times, are what to compare between machines (DEVELOPERS.md).
#include "sim/dispersion/puff_model.h"
#include "sim/rng.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace drillbase::sim;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

constexpr int kCells = 512;
constexpr double kCellM = 10;
constexpr double kBreathingHeightM = 1.5;

// The weather of tick i: a wind from the west veering ±20° over the hour, class D.
PuffWeather weatherAt(int tick, Rng& rng, PuffWeather w) {
    if (tick % 300 == 0) {
        w.fromDeg = 270 + rng.uniform(-20, 20);
        w.speedMS = rng.uniform(2.5, 4.5);
    }
    return w;
}

}  // namespace

int main() {
    const int hourTicks = 3600;

    // 1. A headless hour, the field refreshed every 10 s as the GUI map and exposure need.
    PuffModel model;
    model.addRelease({"tank", 500, kCells * kCellM / 2, 1, 1.0, 0, -1});
    FieldGrid grid(0, 0, kCellM, kCells, kCells);
    Rng rng(1);
    PuffWeather w;
    const auto runStart = Clock::now();
    for (int t = 0; t < hourTicks; ++t) {
        w = weatherAt(t, rng, w);
        model.step(w);
        if (t % 10 == 9) model.fillGrid(grid, kBreathingHeightM);
    }
    const double hourWall = secondsSince(runStart);

    // 2. One field from the final puff set: fast path (best of 5) against plain summation.
    double fastBest = 1e9;
    for (int rep = 0; rep < 5; ++rep) {
        const auto t0 = Clock::now();
        model.fillGrid(grid, kBreathingHeightM);
        fastBest = std::min(fastBest, secondsSince(t0));
    }
    FieldGrid plain(0, 0, kCellM, kCells, kCells);
    const auto t0 = Clock::now();
    model.fillGridPlain(plain, kBreathingHeightM);
    const double plainTime = secondsSince(t0);

    double peak = 0, worst = 0;
    for (std::size_t k = 0; k < grid.values.size(); ++k) {
        peak = std::max(peak, plain.values[k]);
        worst = std::max(worst, std::abs(grid.values[k] - plain.values[k]));
    }

    std::printf("bench_dispersion: %zu puffs after 1 h, %dx%d grid of %.0f m cells\n",
                model.puffs().size(), kCells, kCells, kCellM);
    std::printf("  fast grid (boxes, separable):  %10.3f ms\n", fastBest * 1e3);
    std::printf("  plain summation of every puff: %10.3f ms\n", plainTime * 1e3);
    std::printf("  speed-up plain / fast:         %10.1f x\n", plainTime / fastBest);
    std::printf("  max |fast - plain| / peak:     %10.2e\n", peak > 0 ? worst / peak : 0.0);
    std::printf("  headless 1 h (3600 ticks, 360 grids): %.3f s wall = %.0f x real time\n",
                hourWall, 3600.0 / hourWall);
    return 0;
}
