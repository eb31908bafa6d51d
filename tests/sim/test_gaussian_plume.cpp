// The steady Gaussian plume against the closed form written out independently here, ground
// reflection, and the mg/m³ ↔ ppm conversion.
#include "sim/dispersion/gaussian_plume.h"
#include "sim/dispersion/units.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace drillbase::sim;

namespace {

constexpr double kPi = 3.14159265358979323846;

// Rural class D, Hanna, Briggs & Hosker (1982) table 4.5.
double syD(double x) {
    return 0.08 * x / std::sqrt(1 + 0.0001 * x);
}
double szD(double x) {
    return 0.06 * x / std::sqrt(1 + 0.0015 * x);
}

}  // namespace

TEST_CASE("ground-level centreline of a ground release is Q / (pi u sy sz)") {
    PlumeInput in;
    in.rateKgS = 2.5;
    in.windMS = 4;
    for (double x : {150.0, 800.0, 3000.0}) {
        const double expected = 2.5e6 / (kPi * 4 * syD(x) * szD(x));
        const auto v = gaussianPlume(in, x, 0, 0);
        CHECK(v.sigmas.y == doctest::Approx(syD(x)).epsilon(1e-12));
        CHECK(v.sigmas.z == doctest::Approx(szD(x)).epsilon(1e-12));
        CHECK(v.mgPerM3 == doctest::Approx(expected).epsilon(1e-12));
    }
}

TEST_CASE("off-axis value of an elevated release matches the full formula") {
    PlumeInput in;
    in.rateKgS = 1;
    in.windMS = 3;
    in.releaseHeightM = 20;
    const double x = 1200, y = 60, z = 5;
    const double sy = syD(x), sz = szD(x);
    const double expected = 1e6 / (2 * kPi * 3 * sy * sz) * std::exp(-y * y / (2 * sy * sy)) *
                            (std::exp(-(z - 20) * (z - 20) / (2 * sz * sz)) +
                             std::exp(-(z + 20) * (z + 20) / (2 * sz * sz)));
    CHECK(gaussianPlume(in, x, y, z).mgPerM3 == doctest::Approx(expected).epsilon(1e-12));
    CHECK(gaussianPlume(in, x, -y, z).mgPerM3 == gaussianPlume(in, x, y, z).mgPerM3);
}

TEST_CASE("ground reflection doubles the concentration at z = 0 for h = 0") {
    CHECK(reflectedVertical(0, 0, 17.0) == 2.0);
    PlumeInput in;
    const double x = 500;
    const double direct = 1e6 / (2 * kPi * in.windMS * syD(x) * szD(x));  // one Gaussian only
    CHECK(gaussianPlume(in, x, 0, 0).mgPerM3 == doctest::Approx(2 * direct).epsilon(1e-12));
    // Far above a ground source the image term has died out: no doubling there.
    in.releaseHeightM = 0;
    const double zHigh = 3 * szD(x);
    const double single = direct * std::exp(-zHigh * zHigh / (2 * szD(x) * szD(x)));
    CHECK(gaussianPlume(in, x, 0, zHigh).mgPerM3 == doctest::Approx(2 * single).epsilon(1e-12));
}

TEST_CASE("no concentration upwind or without wind") {
    PlumeInput in;
    CHECK(gaussianPlume(in, -10, 0, 0).mgPerM3 == 0);
    CHECK(gaussianPlume(in, 0, 0, 0).mgPerM3 == 0);
    in.windMS = 0;
    CHECK(gaussianPlume(in, 100, 0, 0).mgPerM3 == 0);
}

TEST_CASE("ppm = mg/m3 x 24.45 / MW") {
    CHECK(mgPerM3ToPpm(70.90, 70.90) == doctest::Approx(24.45));
    CHECK(ppmToMgPerM3(20, 70.90) == doctest::Approx(20 * 70.90 / 24.45));
    CHECK(mgPerM3ToPpm(ppmToMgPerM3(3.7, 17.03), 17.03) == doctest::Approx(3.7));
}
