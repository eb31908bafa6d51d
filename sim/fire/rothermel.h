// rothermel.h — surface fire behaviour at a point, as BehavePlus 6 computes it: Rothermel's
// (1972, INT-115) rate of spread with Albini's (1976, INT-30) fuel-bed intermediates and live
// moisture of extinction, Scott & Burgan's (2005) dynamic curing, the wind adjustment factor
// (wind_adjustment.h), wind and slope combined as vectors, the optional wind limit, Byram's
// (1959) fireline intensity and flame length, and the spread ellipse (fire_ellipse.h).
//
// This is what the grid spread module calls per cell: build one FuelBed per fuel model once
// (FuelBed precomputes what moisture and wind do not change), then computeSurfaceFire per call —
// no allocation, only det_math transcendental functions, so results are the same bits on every
// IEEE machine.
#pragma once

#include "sim/fire/fuel_bed.h"
#include "sim/fire/fuel_models.h"
#include "sim/fire/wind_adjustment.h"

namespace drillbase::sim::fire {

struct FireWeather {
    double windSpeed20ftMS = 0;  // open wind 20 ft (6.1 m) above the vegetation, m/s
    double windFromDeg = 0;      // where the wind comes from, degrees clockwise from north
    // Moisture contents as fractions of oven-dry mass (0.06 = 6 %).
    double m1 = 0, m10 = 0, m100 = 0, mHerb = 0, mWoody = 0;
};

struct Terrain {
    double slopeFraction = 0;  // rise over run (0.3 = 30 %)
    double aspectDeg = 0;      // the downslope direction, degrees clockwise from north
};

// The effective wind speed cap of Rothermel (1972). BehavePlus 6's core applies none by default;
// Andrews, Cruz & Rothermel (2013, Int. J. Wildland Fire 22:959–969) found Rothermel's
// U_max = 0.9 I_R too low and proposed U_max = 96.8 I_R^(1/3) (ft/min, I_R Btu/ft²/min) where a
// limit is wanted. drillbase applies none by default, as BehavePlus does.
enum class WindLimit { None, Rothermel1972, Andrews2013 };

struct SurfaceFireOptions {
    WindLimit windLimit = WindLimit::None;
    Curing curing = Curing::ScottBurgan2005;  // Curing::BehavePlus reproduces BehavePlus's bits
};

struct SurfaceFire {
    double headRosMS = 0, headRosMMin = 0;
    double headDirectionDeg = 0;  // where the head moves, degrees clockwise from north
    double flankRosMS = 0, backRosMS = 0;
    double firelineIntensityKWm = 0;  // Byram, at the head
    double flameLengthM = 0;          // Byram, at the head
    double lengthToWidth = 1, eccentricity = 0;
    double effectiveWindMS = 0;  // the mid-flame wind that alone would give the head rate
    double midflameWindMS = 0, windAdjustmentFactor = 1;
    double reactionIntensityKWm2 = 0;
    double heatPerUnitAreaKJm2 = 0;
    double noWindNoSlopeRosMS = 0;
    double liveMoistureOfExtinction = 0;  // fraction
    bool windLimited = false;

    // The spread rate (m/s) from the ignition point towards `bearingDeg` (clockwise from north):
    // the ellipse's polar form about its rear focus. Equals headRosMS towards headDirectionDeg
    // and backRosMS opposite.
    double rateToward(double bearingDeg) const;
    // The rate (m/s) of the perimeter normal to itself at the point lying towards `bearingDeg`
    // from the ellipse's centre (BehavePlus "from perimeter"); flankRosMS at ±90°.
    double rateNormalToPerimeter(double bearingDeg) const;
};

// `canopy` may be null (no trees: unsheltered wind adjustment).
SurfaceFire computeSurfaceFire(const FuelBed& bed, const FireWeather& weather,
                               const Terrain& terrain, const Canopy* canopy,
                               const SurfaceFireOptions& options = {});
// The same for a model without a prepared FuelBed (computes its geometry on the way).
SurfaceFire computeSurfaceFire(const FuelModel& model, const FireWeather& weather,
                               const Terrain& terrain, const Canopy* canopy,
                               const SurfaceFireOptions& options = {});

}  // namespace drillbase::sim::fire
