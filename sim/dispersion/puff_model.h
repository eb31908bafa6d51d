// puff_model.h — Gaussian puff dispersion (the method of e.g. CALPUFF, Scire et al. 2000):
// a continuous release is emitted as a train of puffs, one every few seconds, each
// carrying the mass released since the last. Each puff moves with the wind of its own time, so
// a wind shift bends the cloud, and grows with Briggs σ(travel distance). A receptor sums
//
//   C = Σ M / ((2π)^{3/2} σy² σz) · exp(−r² / 2σy²) · [exp(−(z−h)²/2σz²) + exp(−(z+h)²/2σz²)]
//
// (σx = σy, r the horizontal distance to the puff centre). When puffs are close compared with
// σ this sum is the steady plume of gaussian_plume.h; the tests hold it to that.
//
// Deterministic: integer ticks of a fixed length, no randomness, no clock; state is hashable.
#pragma once

#include "sim/dispersion/stability.h"
#include "sim/field_grid.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::sim {

class StateHasher;

// A continuous release: `rateKgS` from `startS` for `durationS` seconds (negative: until
// stopped). Coordinates as in scenarios: metres, x east, y north.
struct GasRelease {
    std::string id;
    double x = 0, y = 0, heightM = 0;
    double rateKgS = 0;
    double startS = 0;
    double durationS = -1;
};

// The weather over one tick. Wind direction is where it blows FROM, clockwise from north.
struct PuffWeather {
    double speedMS = 3;
    double fromDeg = 270;
    Stability stability = Stability::D;
    Terrain terrain = Terrain::Rural;
};

struct PuffModelDef {
    std::int64_t tickMillis = 1000;
    std::int64_t puffIntervalTicks = 2;  // emit a puff every this many ticks
    // σ grows with travel distance, which stops in a calm; below this speed a puff still grows
    // as if it moved this fast (turbulence does not stop with the mean wind). Advection uses
    // the real wind. validity.h warns that the model is weak there anyway.
    double minGrowthSpeedMS = 0.5;
    double initialSigmaM = 1.0;   // source size, added in quadrature to the Briggs σ
    double cutoffSigmas = 4.0;    // a puff is ignored beyond this many σ horizontally
    double maxTravelM = 20000.0;  // puffs that travelled further are dropped
};

struct Puff {
    double x = 0, y = 0, heightM = 0;
    double massMg = 0;
    double travelM = 0;                  // path length since emission
    double distY = 0, distZ = 0;         // virtual travel distances of the σ curves in force
    double sigmaY = 0, sigmaZ = 0;       // current size (without the source size)
    Stability stability = Stability::D;  // class the virtual distances refer to
    Terrain terrain = Terrain::Rural;
    std::int32_t release = 0;  // index of its release
};

class PuffModel {
public:
    explicit PuffModel(PuffModelDef def = {});

    // Returns the release's index. Releases may be added at any tick (a secondary leak).
    int addRelease(GasRelease r);
    // Ends a release at the current time (a valve closed); false if no such id.
    bool stopRelease(std::string_view id);

    // Advances one tick under `weather`: moves and grows every puff, then emits new ones.
    void step(const PuffWeather& weather);

    // Removes `fraction` of the mass of every puff whose centre is within `radiusM` of (x, y),
    // e.g. a water curtain knocking down a soluble gas.
    void knockDown(double x, double y, double radiusM, double fraction);

    std::int64_t tick() const { return tick_; }
    double timeS() const { return static_cast<double>(tick_ * def_.tickMillis) / 1000.0; }
    const PuffModelDef& def() const { return def_; }
    const std::vector<GasRelease>& releases() const { return releases_; }
    const std::vector<Puff>& puffs() const { return puffs_; }
    double airborneMassMg() const;

    // mg/m³ at a point, skipping puffs beyond the cut-off.
    double concentrationAt(double x, double y, double z) const;
    // The same summed over every puff with no cut-off: the reference the fast paths are held to.
    double concentrationAtPlain(double x, double y, double z) const;

    // Fills grid.values with mg/m³ at height z. Each puff touches only the cells of its
    // ±cutoff·σ box, and its Gaussian is separable, so a box costs one exp per row and column.
    void fillGrid(FieldGrid& grid, double z) const;
    // Reference: every cell sums every puff with the full formula.
    void fillGridPlain(FieldGrid& grid, double z) const;

    void hashInto(StateHasher& h) const;

private:
    void movePuffs(const PuffWeather& w, double dtS);
    void emitPuffs(const PuffWeather& w);
    // kg released by release `index` in [t0, t1), and the middle of that span in *midS.
    double releasedBetween(std::size_t index, double t0, double t1, double* midS) const;

    PuffModelDef def_;
    std::int64_t tick_ = 0;
    std::vector<GasRelease> releases_;
    std::vector<double> stoppedAtS_;  // per release; negative while running
    std::vector<Puff> puffs_;
};

// The contribution of one puff (size already including the source size) at a point.
double puffConcentration(const Puff& p, double sigmaY, double sigmaZ, double x, double y, double z);

}  // namespace drillbase::sim
