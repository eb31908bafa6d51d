// Validity warnings: low wind, Britter–McQuaid dense gas, distance range of the Briggs curves.
#include "sim/dispersion/validity.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace drillbase::sim;

namespace {

bool has(const std::vector<ValidityWarning>& w, ValidityIssue i) {
    return std::any_of(w.begin(), w.end(), [i](const auto& x) { return x.issue == i; });
}

}  // namespace

TEST_CASE("the Britter-McQuaid number follows the workbook definition") {
    // Independent evaluation: g0' = g (rho0 - rhoa)/rhoa, q0 = m/rho0, D = sqrt(q0/U).
    const double rho0 = 3.0, rhoa = 1.205, m = 2.0, u = 4.0;
    const double g0 = 9.81 * (rho0 - rhoa) / rhoa, q0 = m / rho0, d = std::sqrt(q0 / u);
    const double expected = std::cbrt(g0 * q0 / (u * u * u * d));
    CHECK(britterMcQuaidContinuous(m, rho0, u) == doctest::Approx(expected).epsilon(1e-12));
    CHECK(britterMcQuaidContinuous(m, 1.0, u) == 0);  // lighter than air: never dense
}

TEST_CASE("a chlorine release flashing at its boiling point is a dense gas") {
    ValidityInput in;
    in.windMS = 3;
    in.rateKgS = 1;
    in.molecularWeight = 70.90;
    in.releaseTempK = 273.15 - 34;
    const auto w = checkValidity(in);
    REQUIRE(has(w, ValidityIssue::DenseGas));
    CHECK(w.front().value > kBritterMcQuaidContinuous);
    CHECK(std::string(validityIssueName(w.front().issue)) == "dense_gas");
}

TEST_CASE("ammonia gas at ambient temperature is lighter than air: no dense-gas warning") {
    ValidityInput in;
    in.windMS = 3;
    in.rateKgS = 5;
    in.molecularWeight = 17.03;
    CHECK(checkValidity(in).empty());
}

TEST_CASE("a tiny heavy release in a strong wind is passive") {
    ValidityInput in;
    in.windMS = 10;
    in.rateKgS = 1e-5;
    in.molecularWeight = 34.08;  // H2S, slightly heavier than air
    CHECK_FALSE(has(checkValidity(in), ValidityIssue::DenseGas));
}

TEST_CASE("low wind and out-of-range distances are reported") {
    ValidityInput in;
    in.windMS = 0.6;
    in.distanceM = 12000;
    auto w = checkValidity(in);
    CHECK(has(w, ValidityIssue::LowWind));
    CHECK(has(w, ValidityIssue::BeyondRange));
    CHECK_FALSE(w.front().detail.empty());
    in.windMS = 2;
    in.distanceM = 40;
    w = checkValidity(in);
    CHECK_FALSE(has(w, ValidityIssue::LowWind));
    CHECK(has(w, ValidityIssue::NearField));
    in.distanceM = 3000;
    CHECK(checkValidity(in).empty());
}
