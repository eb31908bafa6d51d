#include "sim/dispersion/validity.h"

#include "sim/dispersion/briggs.h"

#include <cmath>
#include <cstdio>

namespace drillbase::sim {

namespace {

std::string format(const char* fmt, double a, double b) {
    char buf[200];
    std::snprintf(buf, sizeof buf, fmt, a, b);
    return buf;
}

}  // namespace

const char* validityIssueName(ValidityIssue i) {
    switch (i) {
        case ValidityIssue::LowWind: return "low_wind";
        case ValidityIssue::DenseGas: return "dense_gas";
        case ValidityIssue::BeyondRange: return "beyond_range";
        case ValidityIssue::NearField: return "near_field";
    }
    return "unknown";
}

double gasDensity(double mw, double tempK, double ambientK) {
    return kAirDensityKgM3 * (mw / kAirMolecularWeight) * (ambientK / tempK);
}

double britterMcQuaidContinuous(double rateKgS, double gasDensityKgM3, double windMS,
                                double airDensityKgM3) {
    if (rateKgS <= 0 || windMS <= 0 || gasDensityKgM3 <= airDensityKgM3) return 0;
    const double g0 = kGravityMS2 * (gasDensityKgM3 - airDensityKgM3) / airDensityKgM3;
    const double q0 = rateKgS / gasDensityKgM3;  // m³/s of pure gas
    const double d = std::sqrt(q0 / windMS);     // the source length scale of the workbook
    return std::cbrt(g0 * q0 / (windMS * windMS * windMS * d));
}

std::vector<ValidityWarning> checkValidity(const ValidityInput& in) {
    std::vector<ValidityWarning> out;
    if (in.windMS < kMinWindMS) {
        out.push_back({ValidityIssue::LowWind, in.windMS, kMinWindMS,
                       format("wind %.2f m/s is below %.1f m/s: a Gaussian model is unreliable "
                              "in near-calm air",
                              in.windMS, kMinWindMS)});
    }
    if (in.molecularWeight > 0 && in.rateKgS > 0 && in.windMS > 0) {
        const double rho = gasDensity(in.molecularWeight, in.releaseTempK, in.ambientTempK);
        const double bm = britterMcQuaidContinuous(in.rateKgS, rho, in.windMS);
        if (bm >= kBritterMcQuaidContinuous) {
            out.push_back({ValidityIssue::DenseGas, bm, kBritterMcQuaidContinuous,
                           format("Britter-McQuaid number %.3f >= %.2f: the cloud is a dense "
                                  "gas and slumps; a passive model misplaces it",
                                  bm, kBritterMcQuaidContinuous)});
        }
    }
    if (in.distanceM > kBriggsMaxX) {
        out.push_back({ValidityIssue::BeyondRange, in.distanceM, kBriggsMaxX,
                       format("%.0f m downwind is beyond the %.0f m range of the Briggs curves",
                              in.distanceM, kBriggsMaxX)});
    } else if (in.distanceM >= 0 && in.distanceM < kBriggsMinX) {
        out.push_back({ValidityIssue::NearField, in.distanceM, kBriggsMinX,
                       format("%.0f m downwind is closer than the %.0f m where the Briggs "
                              "curves begin",
                              in.distanceM, kBriggsMinX)});
    }
    return out;
}

}  // namespace drillbase::sim
