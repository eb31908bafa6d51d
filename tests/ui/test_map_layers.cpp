// What the drill map draws of a hazard, as the pure functions behind it: arrival isochrones by
// marching squares (ui/panels/isochrones.h) and the ground's cover toned and lit by the relief
// (ui/panels/ground_cover.h).
#include "ui/panels/ground_cover.h"
#include "ui/panels/isochrones.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace drillbase;
using namespace drillbase::ui;

TEST_CASE("isochrones of a fire spreading evenly from a point are circles") {
    // Arrival 1 s per metre from the centre of a 1 km square, never beyond 400 m.
    sim::FieldGrid g(0, 0, 10, 100, 100);
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            const double r = std::hypot(g.centreX(i) - 500, g.centreY(j) - 500);
            g.at(i, j) = r <= 400 ? r : std::numeric_limits<double>::quiet_NaN();
        }
    const auto isos = traceIsochrones(g, 100, 350);
    REQUIRE(isos.size() == 3);
    for (std::size_t k = 0; k < isos.size(); ++k) {
        CAPTURE(k);
        CHECK(isos[k].timeS == doctest::Approx(100.0 * (k + 1)));
        for (const auto& s : isos[k].segments) {
            CHECK(std::hypot(s[0] - 500, s[1] - 500) ==
                  doctest::Approx(isos[k].timeS).epsilon(0.03));
            CHECK(std::hypot(s[2] - 500, s[3] - 500) ==
                  doctest::Approx(isos[k].timeS).epsilon(0.03));
        }
        // A closed ring has about 2πr / cell segments.
        CHECK(isos[k].segments.size() > 4 * isos[k].timeS / 10);
        REQUIRE_FALSE(isos[k].labelAt.empty());
        CHECK(isos[k].labelAt.size() <= 12);
        for (const auto& at : isos[k].labelAt)
            CHECK(std::hypot(at[0] - 500, at[1] - 500) ==
                  doctest::Approx(isos[k].timeS).epsilon(0.03));
    }
    // The edge at one time is the same ring.
    const auto edge = traceIsochrone(g, 250);
    REQUIRE_FALSE(edge.segments.empty());
    for (const auto& s : edge.segments)
        CHECK(std::hypot(s[0] - 500, s[1] - 500) == doctest::Approx(250).epsilon(0.03));
    // Not yet burning: no lines; a time the fire has not reached yet: no line.
    sim::FieldGrid unburned(0, 0, 10, 10, 10);
    for (auto& v : unburned.values) v = std::numeric_limits<double>::infinity();
    CHECK(traceIsochrones(unburned, 600, 3600).empty());
    CHECK(traceIsochrones(g, 100, 50).empty());
}

TEST_CASE("fuel colours are toned under the overlay and lit by the relief") {
    const std::uint32_t grass = 0xd2e68cff, litter = 0x630000ff, farmland = 0x000000ff;
    const ImU32 flat = IM_COL32(100, 120, 80, 255), bright = IM_COL32(150, 180, 120, 255);
    auto channels = [](ImU32 c) {
        return std::array<int, 3>{static_cast<int>((c >> IM_COL32_R_SHIFT) & 0xff),
                                  static_cast<int>((c >> IM_COL32_G_SHIFT) & 0xff),
                                  static_cast<int>((c >> IM_COL32_B_SHIFT) & 0xff)};
    };
    // On a plane the relief is the same everywhere: each fuel keeps its own toned colour.
    const auto plane = blendCover({flat, flat, flat}, {grass, litter, farmland});
    REQUIRE(plane.size() == 3);
    const auto g = channels(plane[0]);
    CHECK(g[1] > g[0]);  // grass stays green-yellow
    CHECK(g[1] > g[2]);
    for (const ImU32 c : plane) {
        const auto ch = channels(c);
        const int hi = std::max({ch[0], ch[1], ch[2]}), lo = std::min({ch[0], ch[1], ch[2]});
        CAPTURE(hi);
        CAPTURE(lo);
        // No black, no white and no saturated red: those are the fire's and the burned ground's.
        CHECK(hi >= 100);
        CHECK(hi <= 210);
        CHECK(hi - lo <= 0.43 * hi);
    }
    // A sunlit slope is brighter than a shaded one; no cover: the relief itself.
    const auto slopes = blendCover({flat, bright, flat}, {grass, grass, 0});
    CHECK(channels(slopes[1])[1] > channels(slopes[0])[1]);
    CHECK(slopes[2] == flat);
    // Without relief the cover is drawn flat, as on the plane.
    CHECK(blendCover({}, {grass})[0] == plane[0]);
}
