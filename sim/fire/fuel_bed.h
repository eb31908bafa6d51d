// fuel_bed.h — the fuel-bed intermediates of Rothermel's (1972) surface spread model as Albini
// (1976, INT-30) arranged them for computers: surface-area weighting of particles and life
// classes, the size-class weighting of net loads, characteristic SAV ratio, packing ratios,
// reaction velocity, propagating flux ratio, wind and slope coefficients — everything that does
// not depend on moisture or wind, computed once per fuel model — and then, per call, what
// moisture changes: live moisture of extinction, damping, reaction intensity, heat sink and the
// no-wind, no-slope spread rate. Units are those of the equations: lb, ft, min, Btu.
//
// Scott & Burgan's (2005) dynamic models move live herbaceous load to a dead "cured herbaceous"
// class as the live herbaceous moisture falls from 120 % to 30 %; the geometry then depends on
// that moisture, and is recomputed per call for those models only (fixed arrays, no allocation).
#pragma once

#include "sim/fire/fuel_models.h"

#include <array>

namespace drillbase::sim::fire {

// Moisture contents (fractions of oven-dry mass) of the five standard classes.
struct FuelMoisture {
    double m1 = 0, m10 = 0, m100 = 0, mHerb = 0, mWoody = 0;
};

// How the cured fraction follows the live herbaceous moisture M. Scott & Burgan (2005, p. 9):
// linear from none cured at 120 % to all cured at 30 %, T = (1.2 − M)/0.9. BehavePlus writes
// 1.333 − 1.11 M (surfaceFuelbedIntermediates.cpp, "to keep consistent with BehavePlus"), a
// rounding that cures 0.1 % at 120 % and moves GS4's spread rate at 60 % by 2e-4.
enum class Curing { ScottBurgan2005, BehavePlus };

// Fraction of the live herbaceous load counted dead (cured), in [0, 1].
double curedHerbFraction(double mHerb, Curing form = Curing::ScottBurgan2005);

// Indices of the particles: dead 1-h, 10-h, 100-h, cured herbaceous; live herbaceous, woody.
inline constexpr int kDead = 4, kLive = 2;

// Geometry of a fuel bed at one curing level.
struct BedGeometry {
    std::array<double, kDead> deadLoad{}, deadSav{}, deadAreaWeight{}, deadExp138{};
    std::array<double, kLive> liveLoad{}, liveSav{}, liveAreaWeight{}, liveExp138{}, liveExp500{};
    double deadFraction = 0, liveFraction = 0;  // f_i, surface-area fractions of the classes
    double sigma = 0;                           // characteristic SAV ratio, 1/ft
    double bulkDensity = 0;                     // ρ_b, lb/ft³
    double packingRatio = 0, relativePacking = 0;
    double reactionVelocity = 0;              // Γ', 1/min
    double netLoadDead = 0, netLoadLive = 0;  // size-class weighted net loads, lb/ft²
    double heatDead = 0, heatLive = 0;        // Btu/lb
    double etaSDead = 0, etaSLive = 0;        // mineral damping
    double propagatingFlux = 0;               // ξ
    double windC = 0, windB = 0, windE = 0;   // φ_w = C U^B (β/β_op)^-E, U ft/min
    double slopeK = 0;                        // φ_s = slopeK · tan²θ
    double fineDeadPerFineLive = 0;           // W' of the live moisture of extinction
    double residenceTimeMin = 0;              // 384/σ
    bool hasLive = false;
};

BedGeometry computeGeometry(const FuelModel& m, double curedFraction);

// What moisture makes of a bed with no wind and no slope.
struct BedBurning {
    double reactionIntensity = 0;               // I_R, Btu/ft²/min
    double heatSink = 0;                        // ρ_b ε Q_ig, Btu/ft³
    double ros0FtMin = 0;                       // R_0, ft/min
    double mxLive = 0;                          // live moisture of extinction, fraction
    double moistureDead = 0, moistureLive = 0;  // characteristic (area weighted), fractions
};

BedBurning burn(const FuelModel& m, const BedGeometry& g, const FuelMoisture& w);

// One fuel model ready for many calls: the static geometry computed once (for dynamic models
// only when no herbaceous load is present); `geometryFor` gives the one for a moisture.
class FuelBed {
public:
    explicit FuelBed(FuelModel m);
    const FuelModel& model() const { return model_; }
    bool burnable() const { return burnable_; }
    // The geometry at this moisture's curing level: the cached one unless the model is dynamic
    // with herbaceous load, then computed into `scratch` and returned.
    const BedGeometry& geometryFor(const FuelMoisture& w, Curing form, BedGeometry& scratch) const;

private:
    FuelModel model_;
    BedGeometry fixed_;
    bool burnable_ = false;
    bool cures_ = false;
};

}  // namespace drillbase::sim::fire
