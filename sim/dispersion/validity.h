// validity.h — when the passive Gaussian model should not be trusted, so the drill can say so
// instead of drawing a confident cloud:
//  - low wind: below about 1 m/s the plume assumption that transport dominates along-wind
//    diffusion fails and the wind direction is ill-defined (Turner 1994, ch. 1; US EPA
//    guidance sets 1 m/s as the minimum wind for Gaussian plume models);
//  - dense gas: a cloud much heavier than air slumps and spreads sideways under gravity and
//    is not passive; Britter & McQuaid (1988), "Workbook on the Dispersion of Dense Gases"
//    (HSE CRR 17/1988), treat a continuous release as passive only while
//        (g₀′ q₀ / (U³ D))^{1/3} < 0.15,  with  g₀′ = g (ρ₀ − ρa)/ρa,  D = (q₀/U)^{1/2},
//    q₀ the volume flow of released gas (m³/s) and U the wind at 10 m;
//  - distance: Briggs σ curves are fitted from 100 m to 10 km (briggs.h).
#pragma once

#include <string>
#include <vector>

namespace drillbase::sim {

enum class ValidityIssue { LowWind, DenseGas, BeyondRange, NearField };

// Stable machine name ("low_wind", "dense_gas", "beyond_range", "near_field"); the UI maps
// it to "validity.<name>" in the string catalogs.
const char* validityIssueName(ValidityIssue i);

struct ValidityWarning {
    ValidityIssue issue;
    double value = 0;    // the quantity that failed (wind m/s, criterion, distance m)
    double limit = 0;    // the limit it was compared with
    std::string detail;  // one English sentence for logs and drillctl
};

inline constexpr double kMinWindMS = 1.0;
inline constexpr double kBritterMcQuaidContinuous = 0.15;
inline constexpr double kAirDensityKgM3 = 1.205;  // dry air, 20 °C, 101.325 kPa
inline constexpr double kAirMolecularWeight = 28.96;
inline constexpr double kGravityMS2 = 9.81;

// Density of an ideal gas of molecular weight `mw` at `tempK`, at the pressure of the air whose
// density at `ambientK` is kAirDensityKgM3.
double gasDensity(double mw, double tempK, double ambientK = 293.15);

// Britter–McQuaid's continuous-release number (g₀′ q₀ / (U³ D))^{1/3}. Zero when the gas is not
// heavier than air or there is no wind or release.
double britterMcQuaidContinuous(double rateKgS, double gasDensityKgM3, double windMS,
                                double airDensityKgM3 = kAirDensityKgM3);

struct ValidityInput {
    double windMS = 3;
    double rateKgS = 0;
    double molecularWeight = 0;  // 0: dense-gas check skipped
    // Temperature of the released gas. A gas flashing from a pressurised liquid leaves at about
    // its normal boiling point, which makes chlorine, for one, much denser than air.
    double releaseTempK = 293.15;
    double ambientTempK = 293.15;
    double distanceM = -1;  // receptor distance downwind; negative: not checked
};

std::vector<ValidityWarning> checkValidity(const ValidityInput& in);

}  // namespace drillbase::sim
