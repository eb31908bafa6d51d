#include "sim/fire/fuel_bed.h"

#include "sim/math/det_math.h"

#include <algorithm>
#include <cmath>

namespace drillbase::sim::fire {

namespace dm = drillbase::sim::dmath;

double curedHerbFraction(double mHerb, Curing form) {
    if (mHerb <= 0.30) return 1.0;
    if (form == Curing::BehavePlus) return mHerb <= 1.20 ? 1.333 - 1.11 * mHerb : 0.0;
    if (mHerb >= 1.20) return 0.0;
    return (1.2 - mHerb) / 0.9;  // Scott & Burgan 2005 p. 9
}

namespace {

// Albini's (1976, p. 15) size classes for weighting net loads, by SAV ratio (1/ft): ≥ 1200,
// 192–1200, 96–192, 48–96, 16–48; below 16 a particle gets no weight.
int sizeClassOf(double sav) {
    if (sav >= 1200) return 0;
    if (sav >= 192) return 1;
    if (sav >= 96) return 2;
    if (sav >= 48) return 3;
    if (sav >= 16) return 4;
    return -1;
}

// Surface-area weights of the particles of one life class (Rothermel 1972, heterogeneous fuels,
// in Albini's 1976 form): f_ij = a_ij / A_i with a_ij = w_ij σ_ij / ρ_p. Also the size-class
// weighted net load Σ g_ij w_ij (1 − S_T) and the area-weighted heat content. Returns A_i.
template <std::size_t N>
double weighClass(const std::array<double, N>& load, const std::array<double, N>& sav,
                  double density, double mineralTotal, double heat,
                  std::array<double, N>& areaWeight, double& netLoad, double& weightedHeat) {
    double total = 0;
    std::array<double, N> area{};
    for (std::size_t j = 0; j < N; ++j) {
        area[j] = sav[j] > 0 ? load[j] * sav[j] / density : 0;
        total += area[j];
    }
    std::array<double, 5> bySize{};
    for (std::size_t j = 0; j < N; ++j) {
        areaWeight[j] = total > 1e-7 ? area[j] / total : 0;
        if (const int c = sizeClassOf(sav[j]); c >= 0)
            bySize[static_cast<std::size_t>(c)] += areaWeight[j];
    }
    netLoad = 0;
    weightedHeat = 0;
    for (std::size_t j = 0; j < N; ++j) {
        const int c = sizeClassOf(sav[j]);
        const double g = c >= 0 ? bySize[static_cast<std::size_t>(c)] : 0;
        netLoad += g * load[j] * (1.0 - mineralTotal);  // Rothermel 1972 eq. 24: w_n = w_0(1 − S_T)
        weightedHeat += areaWeight[j] * heat;
    }
    return total;
}

// Mineral damping, Rothermel 1972 eq. 30: η_s = 0.174 S_e^-0.19, at most 1.
double mineralDamping(double effectiveMineral) {
    if (effectiveMineral <= 0) return 0;
    return std::min(1.0, 0.174 / dm::pow(effectiveMineral, 0.19));
}

// Moisture damping, Rothermel 1972 eq. 29: η_M = 1 − 2.59 r + 5.11 r² − 3.52 r³, r = M/M_x;
// zero at and beyond extinction.
double moistureDamping(double m, double mx) {
    if (mx <= 0 || m >= mx) return 0;
    const double r = m / mx;
    return 1.0 - 2.59 * r + 5.11 * r * r - 3.52 * r * r * r;
}

}  // namespace

BedGeometry computeGeometry(const FuelModel& m, double curedFraction) {
    BedGeometry g;
    const double cured = m.dynamic ? curedFraction : 0.0;
    g.deadLoad = {m.load1h, m.load10h, m.load100h, m.loadHerb * cured};
    g.deadSav = {m.sav1h, m.sav10h, m.sav100h, m.savHerb};
    g.liveLoad = {m.loadHerb * (1.0 - cured), m.loadWoody};
    g.liveSav = {m.savHerb, m.savWoody};
    g.hasLive = m.loadHerb > 0 || m.loadWoody > 0;

    const double areaDead = weighClass(g.deadLoad, g.deadSav, m.particleDensity, m.mineralTotal,
                                       m.heatDead, g.deadAreaWeight, g.netLoadDead, g.heatDead);
    const double areaLive = weighClass(g.liveLoad, g.liveSav, m.particleDensity, m.mineralTotal,
                                       m.heatLive, g.liveAreaWeight, g.netLoadLive, g.heatLive);
    const double area = areaDead + areaLive;
    if (area <= 0 || m.depthFt <= 0) return g;
    g.deadFraction = areaDead / area;
    g.liveFraction = 1.0 - g.deadFraction;
    g.etaSDead = areaDead > 1e-7 ? mineralDamping(m.mineralEffective) : 0;
    g.etaSLive = areaLive > 1e-7 ? mineralDamping(m.mineralEffective) : 0;

    double totalLoad = 0, sigmaDead = 0, sigmaLive = 0, fineDead = 0, fineLive = 0;
    for (int j = 0; j < kDead; ++j) {
        if (g.deadSav[j] <= 0) continue;
        totalLoad += g.deadLoad[j];
        sigmaDead += g.deadAreaWeight[j] * g.deadSav[j];
        g.deadExp138[j] = dm::exp(-138.0 / g.deadSav[j]);  // ε, Rothermel 1972 eq. 14
        fineDead += g.deadLoad[j] * g.deadExp138[j];
    }
    for (int j = 0; j < kLive; ++j) {
        if (g.liveSav[j] <= 0) continue;
        totalLoad += g.liveLoad[j];
        sigmaLive += g.liveAreaWeight[j] * g.liveSav[j];
        g.liveExp138[j] = dm::exp(-138.0 / g.liveSav[j]);
        g.liveExp500[j] = dm::exp(-500.0 / g.liveSav[j]);
        fineLive += g.liveLoad[j] * g.liveExp500[j];
    }
    // Albini 1976 p. 89: W' = Σ w_d e^(−138/σ) / Σ w_l e^(−500/σ), for the live M_x.
    g.fineDeadPerFineLive = fineLive > 1e-7 ? fineDead / fineLive : 0;
    g.sigma = g.deadFraction * sigmaDead +
              g.liveFraction * sigmaLive;  // σ = Σ f_i Σ f_ij σ_ij (Albini 1976 p. 88)
    const double s = g.sigma;
    g.bulkDensity = totalLoad / m.depthFt;               // eq. 40: ρ_b = w_0 / δ
    g.packingRatio = g.bulkDensity / m.particleDensity;  // eq. 31: β = ρ_b / ρ_p
    const double optimum = 3.348 / dm::pow(s, 0.8189);   // eq. 37: β_op
    g.relativePacking = g.packingRatio / optimum;
    const double s15 = dm::pow(s, 1.5);
    const double gammaMax = s15 / (495.0 + 0.0594 * s15);  // eq. 36: Γ'_max, 1/min
    const double a = 133.0 / dm::pow(s, 0.7913);           // Albini 1976 (for eq. 39)
    g.reactionVelocity = gammaMax * dm::pow(g.relativePacking, a) *
                         dm::exp(a * (1.0 - g.relativePacking));  // eq. 38: Γ'
    g.propagatingFlux = dm::exp((0.792 + 0.681 * std::sqrt(s)) * (g.packingRatio + 0.1)) /
                        (192.0 + 0.2595 * s);             // eq. 42: ξ
    g.windC = 7.47 * dm::exp(-0.133 * dm::pow(s, 0.55));  // eq. 48
    g.windB = 0.02526 * dm::pow(s, 0.54);                 // eq. 49
    g.windE = 0.715 * dm::exp(-3.59e-4 * s);              // eq. 50
    g.slopeK = 5.275 * dm::pow(g.packingRatio, -0.3);     // eq. 51: φ_s = 5.275 β^-0.3 tan²θ
    g.residenceTimeMin = 384.0 / s;                       // Anderson 1969: t_r = 384/σ
    return g;
}

BedBurning burn(const FuelModel& m, const BedGeometry& g, const FuelMoisture& w) {
    BedBurning b;
    if (g.sigma <= 0) return b;
    const std::array<double, kDead> md = {w.m1, w.m10, w.m100, w.m1};  // cured herb: 1-h moisture
    const std::array<double, kLive> ml = {w.mHerb, w.mWoody};

    double fineDead = 0, fineDeadMoisture = 0, sink = 0;
    for (int j = 0; j < kDead; ++j) {
        if (g.deadSav[j] <= 0) continue;
        const double fine = g.deadLoad[j] * g.deadExp138[j];
        fineDead += fine;
        fineDeadMoisture += fine * md[j];
        b.moistureDead += g.deadAreaWeight[j] * md[j];
        // Heat of preignition, Rothermel 1972 eq. 12: Q_ig = 250 + 1116 M_f (Btu/lb).
        sink += g.deadFraction * g.deadAreaWeight[j] * g.deadExp138[j] * (250.0 + 1116.0 * md[j]);
    }
    for (int j = 0; j < kLive; ++j) {
        if (g.liveSav[j] <= 0) continue;
        b.moistureLive += g.liveAreaWeight[j] * ml[j];
        sink += g.liveFraction * g.liveAreaWeight[j] * g.liveExp138[j] * (250.0 + 1116.0 * ml[j]);
    }
    b.heatSink = g.bulkDensity *
                 sink;  // ρ_b ε Q_ig of eq. 52 as Σ f_i Σ f_ij ε_ij Q_ig,ij (Albini 1976 p. 89)

    // Live fuel moisture of extinction, Albini 1976 p. 16 / 89:
    // M_x,live = 2.9 W' (1 − M_f,dead / M_x,dead) − 0.226, at least M_x,dead.
    if (g.hasLive) {
        const double mf = fineDead > 1e-7 ? fineDeadMoisture / fineDead : 0;
        b.mxLive = std::max(m.mxDead, 2.9 * g.fineDeadPerFineLive * (1.0 - mf / m.mxDead) - 0.226);
    }
    const double etaMDead = moistureDamping(b.moistureDead, m.mxDead);
    const double etaMLive = moistureDamping(b.moistureLive, b.mxLive);
    // Reaction intensity, Rothermel 1972 eq. 27 summed over life classes (Albini 1976 p. 90).
    b.reactionIntensity = g.reactionVelocity * (g.netLoadDead * g.heatDead * etaMDead * g.etaSDead +
                                                g.netLoadLive * g.heatLive * etaMLive * g.etaSLive);
    // No-wind, no-slope spread, Rothermel 1972 eq. 52 with φ_w = φ_s = 0.
    b.ros0FtMin = b.heatSink > 1e-7 ? b.reactionIntensity * g.propagatingFlux / b.heatSink : 0;
    return b;
}

FuelBed::FuelBed(FuelModel m) : model_(std::move(m)) {
    burnable_ =
        model_.burnable && model_.depthFt > 0 &&
        (model_.load1h + model_.load10h + model_.load100h + model_.loadHerb + model_.loadWoody) > 0;
    cures_ = model_.dynamic && model_.loadHerb > 0;
    if (burnable_) fixed_ = computeGeometry(model_, 0.0);
}

const BedGeometry& FuelBed::geometryFor(const FuelMoisture& w, Curing form,
                                        BedGeometry& scratch) const {
    if (!cures_) return fixed_;
    const double cured = curedHerbFraction(w.mHerb, form);
    if (cured <= 0) return fixed_;
    scratch = computeGeometry(model_, cured);
    return scratch;
}

}  // namespace drillbase::sim::fire
