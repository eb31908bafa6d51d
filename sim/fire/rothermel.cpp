#include "sim/fire/rothermel.h"

#include "sim/fire/fire_ellipse.h"
#include "sim/fire/fire_units.h"
#include "sim/math/det_math.h"

#include <cmath>
#include <numbers>

namespace drillbase::sim::fire {

namespace {

namespace dm = drillbase::sim::dmath;

constexpr double kRadPerDeg = std::numbers::pi / 180.0;

double wrapDeg(double d) {
    d = std::fmod(d, 360.0);  // exact in IEEE arithmetic
    return d < 0 ? d + 360.0 : d;
}

// Wind factor, Rothermel 1972 eq. 47: φ_w = C U^B (β/β_op)^−E, U mid-flame wind in ft/min.
double windFactor(const BedGeometry& g, double uFtMin) {
    if (uFtMin < 1e-7) return 0;
    return g.windC * dm::pow(uFtMin, g.windB) * dm::pow(g.relativePacking, -g.windE);
}

// The wind speed that alone would give the factor φ_E: eq. 47 solved for U (Albini 1976 p. 92,
// "effective wind speed").
double effectiveWind(const BedGeometry& g, double phiE) {
    if (phiE <= 0) return 0;
    return dm::pow(phiE * dm::pow(g.relativePacking, g.windE) / g.windC, 1.0 / g.windB);
}

double windLimitFtMin(WindLimit limit, double reactionIntensity) {
    switch (limit) {
        case WindLimit::Rothermel1972: return 0.9 * reactionIntensity;  // Rothermel 1972 p. 33
        case WindLimit::Andrews2013:  // Andrews, Cruz & Rothermel 2013, eq. for U_max
            return 96.8 * dm::pow(reactionIntensity, 1.0 / 3.0);
        case WindLimit::None: break;
    }
    return -1;
}

SurfaceFire compute(const FuelModel& m, const BedGeometry& g, const FireWeather& w,
                    const Terrain& t, const Canopy* canopy, const SurfaceFireOptions& o) {
    SurfaceFire f;
    const WindAdjustment waf = windAdjustmentFactor(m.depthFt, canopy);
    f.windAdjustmentFactor = waf.factor;
    f.midflameWindMS = w.windSpeed20ftMS * waf.factor;
    // With no spread, report the head as moving downwind (or upslope without wind).
    f.headDirectionDeg =
        wrapDeg(w.windSpeed20ftMS > 0 ? w.windFromDeg + 180.0 : t.aspectDeg + 180.0);
    if (g.sigma <= 0) return f;

    const BedBurning b = burn(m, g, FuelMoisture{w.m1, w.m10, w.m100, w.mHerb, w.mWoody});
    f.liveMoistureOfExtinction = b.mxLive;
    f.reactionIntensityKWm2 = b.reactionIntensity * units::kKWm2PerBtuFt2Min;
    const double heatPerArea = b.reactionIntensity * g.residenceTimeMin;  // Btu/ft², H_A = I_R t_r
    f.heatPerUnitAreaKJm2 = heatPerArea * units::kKJm2PerBtuFt2;
    const double r0 = b.ros0FtMin;
    f.noWindNoSlopeRosMS = r0 * units::kMSPerFtMin;
    if (r0 <= 0) return f;

    const double phiW = windFactor(g, f.midflameWindMS * units::kFtMinPerMS);
    const double phiS = g.slopeK * t.slopeFraction * t.slopeFraction;  // eq. 51, tan θ = slope

    // Wind and slope as vectors (BehavePlus; Andrews 2018, RMRS-GTR-371): the slope pushes
    // upslope, the wind towards where it blows; the angle of the wind's push clockwise from
    // upslope is (from + 180) − (aspect + 180) = from − aspect.
    const double rel = (w.windFromDeg - t.aspectDeg) * kRadPerDeg;
    const double slopeRate = r0 * phiS, windRate = r0 * phiW;
    const double x = slopeRate + windRate * dm::cos(rel);
    const double y = windRate * dm::sin(rel);
    double head = r0 + dm::hypot(x, y);  // eq. 52 with φ_w + φ_s replaced by the vector sum
    const double azimuth = (x == 0 && y == 0) ? 0.0 : dm::atan2(y, x) / kRadPerDeg;
    f.headDirectionDeg = wrapDeg(t.aspectDeg + 180.0 + azimuth);

    double uEff = effectiveWind(g, head / r0 - 1.0);  // ft/min
    const double limit = windLimitFtMin(o.windLimit, b.reactionIntensity);
    if (limit >= 0 && uEff > limit) {
        uEff = limit;
        head = r0 * (1.0 + windFactor(g, limit));
        f.windLimited = true;
    }
    f.effectiveWindMS = uEff * units::kMSPerFtMin;

    const FireEllipse e = fireEllipse(head, uEff / units::kFtMinPerMph);
    f.headRosMS = head * units::kMSPerFtMin;
    f.headRosMMin = head * units::kMPerFt;
    f.backRosMS = e.back * units::kMSPerFtMin;
    f.flankRosMS = e.flank * units::kMSPerFtMin;
    f.lengthToWidth = e.lengthToWidth;
    f.eccentricity = e.eccentricity;

    // Byram's (1959) fireline intensity I_B = H_A R (Albini 1976: I_R t_r R / 60), Btu/ft/s,
    // and flame length L = 0.45 I_B^0.46 ft (Byram 1959).
    const double intensity = heatPerArea * head / 60.0;
    f.firelineIntensityKWm = intensity * units::kKWmPerBtuFtS;
    f.flameLengthM = intensity > 1e-7 ? 0.45 * dm::pow(intensity, 0.46) * units::kMPerFt : 0;
    return f;
}

}  // namespace

double SurfaceFire::rateToward(double bearingDeg) const {
    if (headRosMS <= 0) return 0;
    const double c = dm::cos((bearingDeg - headDirectionDeg) * kRadPerDeg);
    return headRosMS * (1.0 - eccentricity) / (1.0 - eccentricity * c);
}

double SurfaceFire::rateNormalToPerimeter(double bearingDeg) const {
    if (headRosMS <= 0) return 0;
    const double a = (bearingDeg - headDirectionDeg) * kRadPerDeg;
    FireEllipse e;
    e.head = headRosMS;
    e.back = backRosMS;
    e.flank = flankRosMS;
    return e.normalToPerimeter(dm::cos(a), dm::sin(a));
}

SurfaceFire computeSurfaceFire(const FuelBed& bed, const FireWeather& weather,
                               const Terrain& terrain, const Canopy* canopy,
                               const SurfaceFireOptions& options) {
    if (!bed.burnable())
        return compute(bed.model(), BedGeometry{}, weather, terrain, canopy, options);
    BedGeometry scratch;
    const FuelMoisture w{weather.m1, weather.m10, weather.m100, weather.mHerb, weather.mWoody};
    return compute(bed.model(), bed.geometryFor(w, options.curing, scratch), weather, terrain,
                   canopy, options);
}

SurfaceFire computeSurfaceFire(const FuelModel& model, const FireWeather& weather,
                               const Terrain& terrain, const Canopy* canopy,
                               const SurfaceFireOptions& options) {
    const bool burnable = model.burnable && model.depthFt > 0;
    const BedGeometry g =
        burnable ? computeGeometry(model, curedHerbFraction(weather.mHerb, options.curing))
                 : BedGeometry{};
    return compute(model, g, weather, terrain, canopy, options);
}

}  // namespace drillbase::sim::fire
