// The gas hazard as a plugged-in hazard: its section, commands, tasks, shelter model, legend
// and markers, on the shipped chlorine scenario.
#include "scenario_fixture.h"
#include "sim/engine/drill_pipeline.h"
#include "sim/hazards/gas/gas_hazard.h"
#include "sim/math/det_math.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace drillbase;
using namespace drillbase::sim;

namespace {
bool happened(const Drill& d, const std::string& kind) {
    for (const auto& e : d.timeline())
        if (e.kind == kind) return true;
    return false;
}
}  // namespace

TEST_CASE("indoor air follows the single-zone air-exchange model exactly") {
    // C_in(t) = C_out (1 − e^(−λt)), λ = 0.5 /h, t = 1 h of 1-s steps: 50 (1 − e^−0.5).
    double inside = 0;
    for (int i = 0; i < 3600; ++i) inside = relaxIndoor(inside, 50, 0.5, 1);
    CHECK(inside == doctest::Approx(50 * (1 - std::exp(-0.5))).epsilon(1e-9));
}

TEST_CASE("gas commands are the hazard's: PPE, valve, curtain; stability is an inject") {
    const auto catalog = testContent().catalogFor("gas");
    for (const char* id :
         {"don_ppe", "close_valve", "set_water_curtain", "set_stability", "secondary_leak"})
        CHECK(catalog.find(id));
    CHECK(catalog.find("set_stability")->inject());
    CHECK_FALSE(testContent().catalogFor("").find("close_valve"));

    const auto sc = loadShipped("chlorine-waterworks-night.json");
    const auto d = makeDrill(testContent(), sc, 1);
    Command ppe = makeCommand("don_ppe");
    ppe.unit = "hazmat-1";
    d->apply(ppe);
    for (int i = 0; i < 59; ++i) d->step();
    CHECK_FALSE(d->state().units[0].ppe);
    d->step();  // content/hazards/gas.json: 60 s to don
    CHECK(d->state().units[0].ppe);
    CHECK(happened(*d, "ppe_donned"));

    Command v = makeCommand("close_valve");
    v.unit = "hazmat-1";
    v.target = "no-such-valve";
    d->apply(v);
    CHECK(d->events().back().kind == "command_rejected");
    CHECK(d->events().back().attrs.at("reason") == "unknown valve no-such-valve");

    Command cls = makeCommand("set_stability");
    cls.target = "G";
    d->apply(cls);
    CHECK(d->events().back().attrs.at("reason").find("must be one of") != std::string::npos);
}

TEST_CASE("the gas legend is AEGL-1/2/3 in mg/m³ with ppm, and the map shows its markers") {
    const auto sc = loadShipped("chlorine-waterworks-night.json");
    const auto d = makeDrill(testContent(), sc, 1);
    const auto& lg = d->hazard()->legend();
    REQUIRE(lg.levels.size() == 3);
    CHECK(lg.unit == "mg/m³");
    CHECK(lg.levels[1].labelKey == "legend.aegl2");
    // Chlorine AEGL-2 (60 min) 2.0 ppm = 2.0 × 70.906 / 24.45 mg/m³.
    CHECK(lg.levels[1].threshold == doctest::Approx(2.0 * 70.906 / 24.45).epsilon(1e-3));
    CHECK(lg.levels[1].detail.find("ppm") != std::string::npos);
    const auto markers = d->hazard()->markers();
    REQUIRE(markers.size() == 2);
    CHECK(markers[0].kindKey == "marker.release");
    CHECK(markers[1].kindKey == "marker.valve");
    CHECK(markers[1].active);
}

TEST_CASE("a resident sheltering in a tight house breathes less than one outdoors") {
    auto sc = loadShipped("chlorine-waterworks-night.json");
    // villager-1 is in house-1; put an outdoor twin next to the house.
    PersonDef twin = sc.people[3];
    twin.id = "twin";
    twin.x = 1195;
    twin.y = 687;
    sc.people.push_back(twin);
    const auto d = makeDrill(testContent(), sc, 1);
    for (int i = 0; i < 1800; ++i) d->step();
    const auto& in = d->state().people[3];
    const auto& out = d->state().people.back();
    REQUIRE(in.building >= 0);
    REQUIRE(out.harm.dose > 0);
    CHECK(in.harm.dose < 0.8 * out.harm.dose);
    CHECK(in.harm.peak < out.harm.peak);
}

TEST_CASE("a release due at time zero is logged at tick 0, so timed rules can refer to it") {
    const auto d = makeDrill(testContent(), loadShipped("chlorine-waterworks-night.json"), 1);
    REQUIRE_FALSE(d->timeline().empty());
    CHECK(d->timeline().front().kind == "release_started");
    CHECK(d->timeline().front().tick == 0);
}
