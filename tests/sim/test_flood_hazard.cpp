// The flood hazard plugged into the drill engine, on the shipped levee-breach scenario: the
// FD2320 hazard rating and its classes, the breach and gauge events, people caught by the water
// against people moved in time, upper floors as refuge, closed ground for the navigator, crews'
// sandbags and pumps, and a replay-stable state hash.
#include "scenario_fixture.h"
#include "sim/engine/drill_pipeline.h"
#include "sim/engine/outcomes.h"
#include "sim/hazards/flood/flood_hazard.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace drillbase;
using namespace drillbase::sim;

namespace {

bool happened(const Drill& d, const std::string& kind) {
    for (const auto& e : d.timeline())
        if (e.kind == kind) return true;
    return false;
}

const FloodHazard& flood(const Drill& d) {
    const auto* f = dynamic_cast<const FloodHazard*>(d.hazard());
    REQUIRE(f);
    return *f;
}

const char* kLevee = "flood-levee-breach-village.json";

}  // namespace

TEST_CASE("FD2320 hazard rating: HR = d(v + 0.5) + DF and its four classes") {
    FloodRules r;
    // 0.2 m still water on pasture: below the debris depth, HR = 0.1 (low hazard).
    CHECK(r.hazardRatingOf(0.2, 0, "pasture") == doctest::Approx(0.1));
    // 0.5 m at 1 m/s over pasture: 0.5 × 1.5 + 0.5 = 1.25, danger for most.
    CHECK(r.hazardRatingOf(0.5, 1, "pasture") == doctest::Approx(1.25));
    CHECK(r.hazardClass(1.25) == 2);
    // 1.0 m at 1.5 m/s in town: 1 × 2 + 1 = 3, danger for all.
    CHECK(r.hazardClass(r.hazardRatingOf(1.0, 1.5, "urban")) == 3);
    CHECK(r.hazardClass(0.74) == 0);
    CHECK(r.hazardClass(0.75) == 1);
    CHECK(r.hazardRatingOf(0, 3, "urban") == 0.0);
}

TEST_CASE("the flood section loads: grids, land use, breach, inflow, legend, commands") {
    const auto sc = loadShipped(kLevee);
    CHECK(sc.hazardType == "flood");
    REQUIRE(sc.inputs.size() == 2);  // the DEM and the land-use grid, with their hashes
    CHECK(sc.inputs[0].path == "data/levee-village/dem.asc");
    const auto catalog = testContent().catalogFor("flood");
    for (const char* id : {"place_sandbags", "deploy_pump", "open_breach", "set_rain"})
        CHECK(catalog.find(id));
    CHECK(catalog.find("open_breach")->inject());
    const auto d = makeDrill(testContent(), sc, 1);
    const auto& lg = d->hazard()->legend();
    REQUIRE(lg.levels.size() == 3);
    CHECK(lg.levels[0].threshold == 0.75);
    CHECK(lg.levels[2].labelKey == "legend.flood_danger_all");
    const auto& m = flood(*d).model();
    CHECK(m.nx == 200);
    CHECK(m.ny == 140);
    // Land use 4 (water) → Manning's n 0.030 from content/hazards/flood.json.
    CHECK(m.manning[m.index(100, 115)] == doctest::Approx(0.030));
}

TEST_CASE("left alone, the breach floods the village and catches the people in it") {
    const auto d = makeDrill(testContent(), loadShipped(kLevee), 1);
    for (int i = 0; i < 7200; ++i) d->step();
    CHECK(happened(*d, "flood_breach_opened"));
    CHECK(happened(*d, "flood_water_reached"));
    CHECK(happened(*d, "flood_inflow_started"));
    const auto& f = flood(*d);
    CHECK(f.depthAt(1100, 600) > 0.3);  // the village centre is under water
    const auto o = computeOutcomes(d->state(), d->hazard());
    CHECK(o.at("flood_people_in_danger") > 0);
    CHECK(o.at("flood_volume_balance_error") < 1e-6);
    // Someone upstairs in a two-storey house is safer than a neighbour downstairs.
    int upstairs = 0, caught = 0;
    for (const auto& p : d->state().people)
        if (p.harm.worstLevel >= 2)
            ++caught;
        else if (p.building >= 0 && d->scenario().map.buildings[p.building].floors > 1)
            ++upstairs;
    CHECK(caught > 0);
    CHECK(upstairs > 0);
}

TEST_CASE("moved to the school on the hill before the breach, nobody is caught") {
    // The water alone: without the scenario's inject of a household going home at 40 min.
    auto sc = loadShipped(kLevee);
    sc.injects.clear();
    const auto d = makeDrill(testContent(), sc, 1);
    Command alarm = makeCommand("raise_alarm");
    d->apply(alarm);
    Command ev = makeCommand("evacuate_area");
    ev.x = 1100;
    ev.y = 600;
    ev.radius = 400;
    ev.target = "school-shelter";
    d->apply(ev);
    for (int i = 0; i < 7200; ++i) d->step();
    const auto o = computeOutcomes(d->state(), d->hazard());
    CHECK(o.at("flood_people_in_danger") == 0.0);
    // villager-15 works in the fields outside the ordered circle (the register's 人在哪).
    CHECK(o.at("evacuated") == 18.0);
}

TEST_CASE("deep fast water is closed ground; a pump drains and sandbags raise the ground") {
    const auto d = makeDrill(testContent(), loadShipped(kLevee), 1);
    for (int i = 0; i < 1500; ++i) d->step();
    const auto& f = flood(*d);
    // Through the open breach the water is deep and fast: closed to people on foot.
    CHECK(std::isinf(f.passCost(640, 1095)));
    CHECK(f.passCost(300, 250) == 1.0);  // the school on the hill stays dry
    const auto v0 = f.passabilityVersion();
    CHECK(v0 > 1);

    Command pump = makeCommand("deploy_pump");
    pump.unit = "pump-1";
    pump.x = 1100;
    pump.y = 600;
    d->apply(pump);
    Command bags = makeCommand("place_sandbags");
    bags.unit = "rescue-team-1";
    bags.x = 500;
    bags.y = 900;
    d->apply(bags);
    const double before = f.solver().bed(cellAt(f.model(), 500, 900));
    for (int i = 0; i < 3000; ++i) d->step();
    CHECK(happened(*d, "pump_running"));
    CHECK(happened(*d, "sandbags_placed"));
    CHECK(f.solver().bed(cellAt(f.model(), 500, 900)) == doctest::Approx(before + 0.8));
    CHECK(f.solver().budget().outflowM3 > 0);
    CHECK(std::fabs(f.solver().budget().relativeError()) < 1e-6);
}

TEST_CASE("the instructor opens the breach early; the same commands give the same hash") {
    auto run = [](bool early) {
        const auto d = makeDrill(testContent(), loadShipped(kLevee), 3);
        if (early) {
            Command b = makeCommand("open_breach");
            b.target = "nw-levee";
            d->apply(b);
        }
        for (int i = 0; i < 300; ++i) d->step();
        return std::make_pair(d->hash(), happened(*d, "flood_breach_opened"));
    };
    const auto a = run(true), b = run(true), c = run(false);
    CHECK(a.second);
    CHECK_FALSE(c.second);  // not due until 900 s
    CHECK(a.first == b.first);
    CHECK(a.first != c.first);
}

TEST_CASE("sample gives depth, speed and hazard rating at a point") {
    const auto d = makeDrill(testContent(), loadShipped(kLevee), 1);
    for (int i = 0; i < 5400; ++i) d->step();
    const auto s = d->hazard()->sample(1100, 600, 0);
    REQUIRE(s.size() == 3);
    CHECK(s[0].first == "flood_depth_m");
    CHECK(s[0].second.get<double>() > 0);
    CHECK(s[2].first == "flood_hazard_rating");
    CHECK(s[2].second.get<double>() == doctest::Approx(d->hazard()->intensityAt(1100, 600, 0)));
}

TEST_CASE("a flood scenario is refused with located errors: bad land use, no friction") {
    const auto dir =
        std::filesystem::temp_directory_path() / ("drillbase-flood-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        std::ofstream dem(dir / "dem.asc");
        dem << "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 10\n1 2 3\n4 5 6\n";
    }
    auto load = [&](const std::string& hazard, std::vector<Diagnostic>& d) {
        std::ofstream(dir / "s.json") << R"({"format": "drillbase-scenario/2", "id": "f",
  "title_zh": "洪", "title_en": "F", "briefing_zh": "", "briefing_en": "",
  "map": {"width_m": 30, "height_m": 20, "cell_m": 5, "buildings": [],
          "assembly_points": [{"id": "ap", "x": 5, "y": 5}]},
  "weather": {"wind_speed_m_s": 2, "wind_from_deg": 0},
  "hazard": )" + hazard + R"(,
  "rubric": {"total_points": 10, "areas": [{"id": "a", "title_zh": "甲", "title_en": "A",
    "items": [{"id": "m", "title_zh": "评", "title_en": "M", "max_points": 10,
               "rule": {"type": "manual"}}]}]}})";
        return loadScenarioFile(dir / "s.json", testContent(), d);
    };
    std::vector<Diagnostic> d;
    REQUIRE(load(R"({"type": "flood", "dem": "dem.asc", "manning_n": 0.03})", d));

    d.clear();
    REQUIRE(load(R"({"type": "flood", "dem": "dem.asc", "land_use": "dem.asc",
                     "land_use_codes": {"1": "pasture", "2": "moonrock"}})",
                 d) == std::nullopt);
    std::string all;
    for (const auto& x : d) all += x.format() + "\n";
    CHECK(all.find("/hazard/land_use_codes/2: unknown land use \"moonrock\"") != std::string::npos);
    // Located in the scenario file, at the offending value (line 7 of the file written above).
    CHECK(all.find("s.json:7:62: /hazard/land_use_codes/2") != std::string::npos);
    d.clear();
    REQUIRE(load(R"({"type": "flood", "dem": "dem.asc"})", d) == std::nullopt);
    all.clear();
    for (const auto& x : d) all += x.format() + "\n";
    CHECK(all.find("give exactly one of \"manning_n\", \"manning\" or \"land_use\"") !=
          std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("vehicles stall where people can still wade; boats go on the water") {
    const auto d = makeDrill(testContent(), loadShipped(kLevee), 1);
    for (int i = 0; i < 5400; ++i) d->step();
    const auto& f = flood(*d);
    // Through the breach: closed to people and vehicles, open to a boat.
    CHECK(std::isinf(f.passCostFor(Mobility::Vehicle, 640, 1095)));
    CHECK(f.passCostFor(Mobility::Boat, 640, 1095) == 1.0);
    // Somewhere a person wades (finite cost) the water is deeper than 30 cm: a car stalls.
    int wadeOnly = 0, dryForAll = 0;
    for (double y = 5; y < 1200; y += 10)
        for (double x = 5; x < 2000; x += 10) {
            const double foot = f.passCost(x, y), car = f.passCostFor(Mobility::Vehicle, x, y);
            if (std::isfinite(foot) && foot > 1 && std::isinf(car)) ++wadeOnly;
            if (foot == 1 && car == 1) ++dryForAll;
            CHECK(f.passCostFor(Mobility::OnFoot, x, y) == foot);
            if (std::isfinite(car)) CHECK(std::isfinite(foot));
        }
    MESSAGE("cells a person wades and a car cannot: " << wadeOnly);
    CHECK(wadeOnly > 0);
    CHECK(dryForAll > 0);
    // The pump truck is a vehicle, the boat a boat, teams and cadres go on foot.
    for (const auto& u : d->state().units) {
        if (u.kind == "pump_truck") CHECK(u.mobility == Mobility::Vehicle);
        if (u.kind == "boat") CHECK(u.mobility == Mobility::Boat);
        if (u.kind == "cadre" || u.kind == "flood_rescue") CHECK(u.mobility == Mobility::OnFoot);
    }
}

TEST_CASE("the store holds what the scenario says: a third sandbag wall is refused") {
    const auto d = makeDrill(testContent(), loadShipped(kLevee), 1);  // 2 walls, 1 pump
    auto order = [&](const char* type, const char* unit, double x, double y) {
        Command c = makeCommand(type);
        c.unit = unit;
        c.x = x;
        c.y = y;
        d->apply(c);
    };
    auto rejected = [&] {
        int n = 0;
        for (const auto& e : d->timeline()) n += e.kind == "command_rejected";
        return n;
    };
    order("place_sandbags", "rescue-team-1", 640, 1095);
    order("place_sandbags", "rescue-team-2", 700, 1095);
    CHECK(rejected() == 0);
    order("place_sandbags", "boat-1", 760, 1095);
    REQUIRE(rejected() == 1);
    CHECK(d->timeline().back().attrs.at("reason").find("no sandbags left") != std::string::npos);
    order("deploy_pump", "pump-1", 1100, 560);
    order("deploy_pump", "pump-1", 1000, 560);
    CHECK(rejected() == 2);
}
