// Minimum-travel-time fire spread (sim/fire/fire_spread.h) and the elliptical rate
// (sim/fire/fire_ellipse_rate.h): the circle of isotropic rates and the ellipse of constant
// elliptical rates within stated tolerances (the measured worst errors are printed), barriers
// (straight, diagonal, set mid-run, breached), rate factors, rates that change at a given time,
// the burning/burned states, the perimeter, and bit-identical arrivals however time is stepped.
#include "sim/fire/fire_spread.h"

#include "sim/math/det_math.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <vector>

using namespace drillbase::sim::fire;

namespace {

constexpr double kPi = 3.14159265358979323846;

struct ConstantRates : SpreadRates {
    CellRates r;
    std::vector<std::uint8_t> noFuel;  // optional mask
    CellRates at(std::size_t cell, double) const override {
        if (!noFuel.empty() && noFuel[cell]) return CellRates{};
        return r;
    }
};

// Isotropic rate `before` until `switchS`, then `after`.
struct StepRates : SpreadRates {
    double before = 1, after = 2, switchS = 30;
    CellRates at(std::size_t, double t) const override {
        const double v = t < switchS ? before : after;
        return CellRates{v, v, v, 0};
    }
    double nextChangeS(double t) const override {
        return t < switchS ? switchS : std::numeric_limits<double>::infinity();
    }
};

CellRates iso(double v) {
    return CellRates{v, v, v, 0};
}

constexpr int kN = 181;  // grid side, 1 m cells, fire in the middle
constexpr std::size_t kMid = static_cast<std::size_t>(kN / 2) * kN + kN / 2;

std::size_t at(int i, int j) {
    return static_cast<std::size_t>(j) * kN + i;
}

// Worst relative error of arrival against the exact gauge |x| / rate(bearing of x), over the
// cells between rMin and rMax cells from the ignition; `low` gets the most negative one.
double worstShapeError(const FireSpread& f, const CellRates& r, double rMin, double rMax,
                       double& low) {
    double worst = 0;
    low = 0;
    for (int j = 0; j < kN; ++j)
        for (int i = 0; i < kN; ++i) {
            const double dx = i - kN / 2, dy = j - kN / 2;
            const double d = std::hypot(dx, dy);
            if (d < rMin || d > rMax) continue;
            const double bearing = std::atan2(dx, dy) * 180 / kPi;
            const double exact = d / rateToward(r, bearing);
            const double e = f.arrivalS(at(i, j)) / exact - 1;
            worst = std::max(worst, e);
            low = std::min(low, e);
        }
    return worst;
}

}  // namespace

TEST_CASE("fire_ellipse_rate: head, back and flank of the ellipse, isotropic exactly") {
    const CellRates r{1.0, 0.2, 0.4, 30};
    CHECK(rateToward(r, 30) == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(rateToward(r, 210) == doctest::Approx(0.2).epsilon(1e-6));
    // At 90° to the head the ray meets the ellipse at b·sqrt(1 − c²/a²).
    const double a = 0.6, c = 0.4, b = 0.4;
    CHECK(rateToward(r, 120) == doctest::Approx(b * std::sqrt(1 - c * c / (a * a))).epsilon(1e-6));
    CHECK(rateToward(r, -60) == doctest::Approx(rateToward(r, 120)).epsilon(1e-6));
    for (double t = 0; t < 360; t += 7.5) CHECK(rateToward(iso(0.7), t) == doctest::Approx(0.7));
    // The ray rate satisfies the ellipse equation at every bearing.
    for (double t = 0; t < 360; t += 5) {
        const double v = rateToward(r, t), th = (t - 30) * kPi / 180;
        const double x = v * std::cos(th) - c, y = v * std::sin(th);
        CHECK(x * x / (a * a) + y * y / (b * b) == doctest::Approx(1.0).epsilon(1e-5));
    }
    CHECK(rateToward(CellRates{}, 0) == 0);
    CHECK(rateToward(CellRates{1.0, 0.0, 0.3, 0}, 180) == 0);  // no backing fire
    CHECK(andersonResidenceS(384) == doctest::Approx(60));
}

TEST_CASE("fire_spread: isotropic rates burn a circle (16 edges <= 2.8 %, 32 <= 1.4 %, 80 <= 0.6 %)") {
    for (auto n : {Neighbourhood::n16, Neighbourhood::n32, Neighbourhood::n80}) {
        ConstantRates rates;
        rates.r = iso(0.5);
        FireSpreadOptions o;
        o.neighbourhood = n;
        FireSpread f(kN, kN, 1.0, rates, o);
        REQUIRE(f.ignite(kMid, 0));
        f.advanceTo(1000);
        double low = 0;
        const double worst = worstShapeError(f, rates.r, 10, 85, low);
        MESSAGE("neighbourhood " << int(n) << ": circle worst error +" << worst * 100 << " %, "
                                 << low * 100 << " %");
        CHECK(low >= -1e-9);  // a grid path is never shorter than the straight line
        CHECK(worst <= (n == Neighbourhood::n16 ? 0.028 : n == Neighbourhood::n32 ? 0.014 : 0.006));
        // Along an edge direction the arrival is exact.
        CHECK(f.arrivalS(at(kN / 2 + 80, kN / 2)) == doctest::Approx(160).epsilon(1e-6));
        CHECK(f.arrivalS(at(kN / 2 + 40, kN / 2 + 80)) ==
              doctest::Approx(std::hypot(40, 80) / 0.5).epsilon(1e-6));
    }
}

TEST_CASE("fire_spread: constant elliptical rates burn their ellipse (80 edges <= 2.5 %, 32 edges "
          "<= 6.5 %, 16 edges <= 13.5 %)") {
    // Head 1, back 0.15, flank 0.35 m/s: head/back 6.7, length-to-breadth 1.64 (a wind of about
    // 10 km/h in Anderson's relation). The worst error is just beside the narrow head.
    for (auto n : {Neighbourhood::n80, Neighbourhood::n32, Neighbourhood::n16})
        for (double heading : {0.0, 30.0, 75.0, 200.0}) {
            ConstantRates rates;
            rates.r = CellRates{1.0, 0.15, 0.35, heading};
            FireSpreadOptions o;
            o.neighbourhood = n;
            FireSpread f(kN, kN, 1.0, rates, o);
            REQUIRE(f.ignite(kMid, 0));
            f.advanceTo(2000);
            double low = 0;
            const double worst = worstShapeError(f, rates.r, 10, 85, low);
            MESSAGE("neighbourhood " << int(n) << ", ellipse heading " << heading
                                     << ": worst error +" << worst * 100 << " %, " << low * 100
                                     << " %");
            CHECK(low >= -1e-6);
            CHECK(worst <= (n == Neighbourhood::n80   ? 0.025
                            : n == Neighbourhood::n32 ? 0.065
                                                      : 0.135));
        }
}

TEST_CASE("fire_spread: the front advances by time, cells burn for their residence time") {
    ConstantRates rates;
    rates.r = iso(1.0);
    FireSpreadOptions o;
    o.residenceS = 10;
    FireSpread f(kN, kN, 1.0, rates, o);
    REQUIRE(f.ignite(kMid, 0));
    f.advanceTo(30);
    CHECK(f.timeS() == 30);
    CHECK(f.state(kMid) == CellState::burned);
    CHECK(f.state(at(kN / 2 + 25, kN / 2)) == CellState::burning);
    CHECK(f.state(at(kN / 2 + 31, kN / 2)) == CellState::unburned);
    CHECK(std::isnan(f.arrivalS(at(kN / 2 + 31, kN / 2))));
    const double area = f.burnedAreaM2(), circle = kPi * 30 * 30;
    CHECK(area >= circle * 0.93);
    CHECK(area <= circle * 1.02);
    // Cauchy–Crofton perimeter of the burned disc within 4 % of 2πr.
    CHECK(f.perimeterM() == doctest::Approx(2 * kPi * 30).epsilon(0.04));
    const auto front = f.frontCells();
    CHECK(!front.empty());
    for (std::size_t c : front) {
        CHECK(f.state(c) == CellState::burning);
        CHECK(f.arrivalS(c) > 20);  // near the edge of the disc
    }
    CHECK_FALSE(f.ignite(kMid, 40));   // burned
    CHECK_FALSE(f.ignite(kMid + 90, 10));  // before now
}

TEST_CASE("fire_spread: a fireline stops the front, also a diagonal one and one built mid-run") {
    ConstantRates rates;
    rates.r = CellRates{1.0, 0.3, 0.5, 90};  // head to the east
    {
        FireSpread f(kN, kN, 1.0, rates);
        for (int j = 0; j < kN; ++j) REQUIRE(f.setBarrier(at(120, j)));
        REQUIRE(f.ignite(kMid, 0));
        f.advanceTo(5000);
        for (int j = 0; j < kN; ++j)
            for (int i = 120; i < kN; ++i) CHECK(f.state(at(i, j)) == CellState::unburned);
        CHECK(f.state(at(119, kN / 2)) != CellState::unburned);
    }
    {
        // Cells touching corner to corner, i + j = 200: the fire must not slip between them.
        FireSpread f(kN, kN, 1.0, rates);
        for (int i = 20; i < kN; ++i) REQUIRE(f.setBarrier(at(i, 200 - i)));
        REQUIRE(f.ignite(kMid, 0));
        f.advanceTo(5000);
        std::size_t beyond = 0;
        for (int j = 0; j < kN; ++j)
            for (int i = 0; i < kN; ++i)
                if (i + j > 200 && f.state(at(i, j)) != CellState::unburned) ++beyond;
        CHECK(beyond == 0);
    }
    {
        // Built after 20 s, 10 cells ahead of the head; breached at 200 s.
        FireSpread f(kN, kN, 1.0, rates);
        REQUIRE(f.ignite(kMid, 0));
        f.advanceTo(20);
        for (int j = 0; j < kN; ++j) REQUIRE(f.setBarrier(at(kN / 2 + 30, j)));
        CHECK_FALSE(f.setBarrier(kMid));  // already burned
        f.advanceTo(200);
        for (int j = 0; j < kN; ++j)
            for (int i = kN / 2 + 30; i < kN; ++i) CHECK(f.state(at(i, j)) == CellState::unburned);
        // The cells in front of the line burned out long ago: a breach needs burning cells.
        FireSpreadOptions o;
        o.residenceS = 1e6;
        FireSpread g(kN, kN, 1.0, rates, o);
        REQUIRE(g.ignite(kMid, 0));
        for (int j = 0; j < kN; ++j) REQUIRE(g.setBarrier(at(kN / 2 + 30, j)));
        g.advanceTo(200);
        CHECK(g.state(at(kN / 2 + 31, kN / 2)) == CellState::unburned);
        REQUIRE(g.clearBarrier(at(kN / 2 + 30, kN / 2)));
        g.advanceTo(210);
        CHECK(g.state(at(kN / 2 + 30, kN / 2)) != CellState::unburned);
        CHECK(g.arrivalS(at(kN / 2 + 30, kN / 2)) >= 200);
        g.advanceTo(300);
        CHECK(g.state(at(kN / 2 + 40, kN / 2)) != CellState::unburned);
    }
}

TEST_CASE("fire_spread: water on a band of cells slows the front through it") {
    ConstantRates rates;
    rates.r = iso(1.0);
    FireSpread plain(kN, kN, 1.0, rates), wet(kN, kN, 1.0, rates);
    // A band 10 cells wide at 20..29 cells east of the fire, rates halved.
    for (int j = 0; j < kN; ++j)
        for (int i = kN / 2 + 20; i < kN / 2 + 30; ++i) REQUIRE(wet.scaleRate(at(i, j), 0.5));
    CHECK_FALSE(wet.scaleRate(0, 0.0));
    CHECK_FALSE(wet.scaleRate(0, std::nan("")));
    for (FireSpread* f : {&plain, &wet}) {
        REQUIRE(f->ignite(kMid, 0));
        f->advanceTo(500);
    }
    const std::size_t east = at(kN / 2 + 50, kN / 2);
    CHECK(plain.arrivalS(east) == doctest::Approx(50));
    // 10 m at 0.5 m/s instead of 1 m/s: 10 s later (the band's edge cells are half inside).
    CHECK(wet.arrivalS(east) - plain.arrivalS(east) == doctest::Approx(10).epsilon(0.06));
    // West of the fire nothing changed.
    CHECK(wet.arrivalS(at(kN / 2 - 50, kN / 2)) == plain.arrivalS(at(kN / 2 - 50, kN / 2)));

    // Dropped mid-run on cells the fire is about to enter: the rest of their travel slows.
    FireSpread late(kN, kN, 1.0, rates);
    REQUIRE(late.ignite(kMid, 0));
    late.advanceTo(19.5);
    for (int j = 0; j < kN; ++j)
        for (int i = kN / 2 + 20; i < kN / 2 + 30; ++i) REQUIRE(late.scaleRate(at(i, j), 0.5));
    late.advanceTo(500);
    CHECK(late.arrivalS(at(kN / 2 + 20, kN / 2)) > 20.2);
    CHECK(late.arrivalS(east) - plain.arrivalS(east) == doctest::Approx(10).epsilon(0.1));
}

TEST_CASE("fire_spread: rates that change at a given time change the spread from then on") {
    StepRates rates;  // 1 m/s until 30 s, 2 m/s after
    FireSpread f(kN, kN, 1.0, rates);
    REQUIRE(f.ignite(kMid, 0));
    f.advanceTo(1000);
    CHECK(f.arrivalS(at(kN / 2 + 20, kN / 2)) == doctest::Approx(20));
    // 30 m by 30 s, the remaining 50 m at 2 m/s: 55 s (the edge in flight at 30 s keeps 1 m/s).
    const double t80 = f.arrivalS(at(kN / 2 + 80, kN / 2));
    CHECK(t80 >= 55);
    CHECK(t80 <= 55.5);
    CHECK(f.arrivalS(at(kN / 2, kN / 2 + 80)) == doctest::Approx(t80));
}

TEST_CASE("fire_spread: the same inputs give the same arrival bits, however time is stepped") {
    ConstantRates rates;
    rates.r = CellRates{0.8, 0.1, 0.3, 47};
    rates.noFuel.assign(static_cast<std::size_t>(kN) * kN, 0);
    for (std::size_t k = 0; k < rates.noFuel.size(); k += 7) rates.noFuel[k] = (k % 13) == 0;
    rates.noFuel[kMid] = rates.noFuel[at(20, 30)] = 0;
    auto run = [&](double step) {
        FireSpread f(kN, kN, 2.0, rates);
        REQUIRE(f.ignite(kMid, 0));
        REQUIRE(f.ignite(at(20, 30), 5));
        for (double t = step; t <= 600; t += step) f.advanceTo(t);
        f.advanceTo(600);
        return std::vector<double>(f.arrivals().begin(), f.arrivals().end());
    };
    const auto a = run(600), b = run(1), c = run(600);
    REQUIRE(a.size() == b.size());
    CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
    CHECK(std::memcmp(a.data(), c.data(), a.size() * sizeof(double)) == 0);
    // Pinned: the sum of the finite arrival times, exact.
    double sum = 0;
    std::size_t burned = 0;
    for (double t : a)
        if (std::isfinite(t)) {
            sum += t;
            ++burned;
        }
    MESSAGE("burned " << burned << " cells, arrival sum " << sum);
    CHECK(burned > 15000);
}

TEST_CASE("fire_spread: non-burnable cells and a blocked ignition") {
    ConstantRates rates;
    rates.r = iso(1.0);
    rates.noFuel.assign(static_cast<std::size_t>(kN) * kN, 0);
    for (int j = 0; j < kN; ++j) rates.noFuel[at(kN / 2 + 10, j)] = 1;  // a road
    FireSpread f(kN, kN, 1.0, rates);
    CHECK_FALSE(f.ignite(at(kN / 2 + 10, 5), 0));
    CHECK_FALSE(f.ignite(static_cast<std::size_t>(kN) * kN, 0));
    REQUIRE(f.ignite(kMid, 0));
    f.advanceTo(1000);
    CHECK(f.state(at(kN / 2 + 11, kN / 2)) == CellState::unburned);
    CHECK(f.burnedCells() == static_cast<std::size_t>(kN / 2 + 10) * kN);
    CHECK(f.memoryBytes() < static_cast<std::size_t>(kN) * kN * 80);
}
