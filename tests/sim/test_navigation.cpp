// Routes around buildings: never through one, shorter than a detour needs to be, the same
// every time, and leaving or entering a building is allowed at the ends.
#include "sim/engine/navigation.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace drillbase::sim;

namespace {
MapDef wallMap() {
    MapDef m;
    m.widthM = 200;
    m.heightM = 200;
    m.cellM = 5;
    // A long building between west and east, open to the north and south.
    m.buildings.push_back(Rect{"wall", 90, 40, 20, 120, 0.5});
    return m;
}
double length(double x, double y, const Waypoints& w) {
    double len = 0;
    for (const auto& [wx, wy] : w) {
        len += std::hypot(wx - x, wy - y);
        x = wx;
        y = wy;
    }
    return len;
}
}  // namespace

TEST_CASE("a route goes around a building, never through it") {
    const Navigator nav(wallMap());
    const auto r = nav.route(50, 100, 150, 100);
    REQUIRE(r.size() >= 2);
    CHECK(r.back() == std::make_pair(150.0, 100.0));
    // Walk the route in 1 m steps: no point inside the wall.
    double x = 50, y = 100;
    for (const auto& [wx, wy] : r) {
        const double d = std::hypot(wx - x, wy - y);
        for (double t = 0; t <= d; t += 1.0) CHECK_FALSE(nav.blocked(x + (wx - x) * t / d, y + (wy - y) * t / d));
        x = wx;
        y = wy;
    }
    // Around the end of the wall: up to its corner, 20 m along its top, down again, about
    // 2·√(40² + 62.5²) + 20 ≈ 168 m; grid steps may add a little, never a wander.
    const double len = length(50, 100, r);
    CHECK(len > 160);
    CHECK(len < 180);
    CHECK(nav.route(50, 100, 150, 100) == r);  // deterministic
}

TEST_CASE("open ground is a straight line; the ends may be inside a building") {
    const Navigator nav(wallMap());
    CHECK(nav.route(10, 10, 190, 10) == Waypoints{{190, 10}});
    const auto out = nav.route(100, 100, 20, 100);  // from inside the wall
    REQUIRE_FALSE(out.empty());
    CHECK(out.back() == std::make_pair(20.0, 100.0));
    const auto in = nav.route(20, 100, 100, 100);  // into it
    CHECK(in.back() == std::make_pair(100.0, 100.0));
}

TEST_CASE("followPath walks the waypoints at the given speed") {
    Waypoints w{{10, 0}, {10, 10}};
    double x = 0, y = 0;
    CHECK_FALSE(followPath(x, y, w, 5, 1));
    CHECK(x == doctest::Approx(5));
    CHECK_FALSE(followPath(x, y, w, 7, 1));  // turns the corner within one step
    CHECK(x == doctest::Approx(10));
    CHECK(y == doctest::Approx(2));
    CHECK(followPath(x, y, w, 100, 1));
    CHECK(w.empty());
    CHECK(y == doctest::Approx(10));
}
