// The fire hazard in the engine (sim/hazards/fire): a fireline holds a front whose flames are
// shorter than its holding length and is crossed by longer ones (Andrews & Rothermel 1982), a
// safety zone is judged against four flame lengths (Butler & Cohen 1998), the satellite hot spot
// can only be verified once reported, the instructor's spot fire starts a new fire, and bad fire
// scenarios are refused with the file, the place and the reason.
#include "scenario_fixture.h"
#include "sim/engine/drill_pipeline.h"
#include "sim/hazards/fire/fire_hazard.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

using namespace drillbase;
using namespace drillbase::sim;

namespace {

std::filesystem::path scratch() {
    const auto dir =
        std::filesystem::temp_directory_path() / ("drillbase-fire-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

// A 400 x 1000 m flat strip of one fuel; a crew at its west edge on y = 600, an engine, a
// ranger and a helicopter; `hazard` is the rest of the fire section after "type".
std::optional<Scenario> strip(const std::string& hazard, double windMS,
                              std::vector<Diagnostic>& d) {
    const auto file = scratch() / "strip.json";
    std::ofstream(file) << R"({"format": "drillbase-scenario/2", "id": "strip",
  "title_zh": "火", "title_en": "Fire", "briefing_zh": "", "briefing_en": "",
  "map": {"width_m": 400, "height_m": 1000, "cell_m": 10, "buildings": [
            {"id": "hut", "x": 180, "y": 900, "w": 20, "h": 20}],
          "assembly_points": [{"id": "ap", "x": 200, "y": 980}]},
  "weather": {"wind_speed_m_s": )" +
                               std::to_string(windMS) + R"(, "wind_from_deg": 180},
  "hazard": {"type": "fire", )" +
                               hazard + R"(},
  "units": [{"id": "crew-1", "kind": "forest_crew", "x": 1, "y": 600, "speed_m_s": 1.5},
            {"id": "ranger-1", "kind": "ranger", "x": 390, "y": 990, "speed_m_s": 1.5},
            {"id": "heli-1", "kind": "helicopter", "x": 390, "y": 990, "speed_m_s": 40}],
  "rubric": {"total_points": 10, "areas": [{"id": "a", "title_zh": "甲", "title_en": "A",
    "items": [{"id": "m", "title_zh": "评", "title_en": "M", "max_points": 10,
               "rule": {"type": "manual"}}]}]}})";
    return loadScenarioFile(file, testContent(), d);
}

Scenario mustLoad(const std::string& hazard, double windMS) {
    std::vector<Diagnostic> d;
    auto sc = strip(hazard, windMS, d);
    for (const auto& x : d) MESSAGE(x.format());
    REQUIRE(sc);
    return *sc;
}

const FireHazard& fireOf(const Drill& d) {
    return dynamic_cast<const FireHazard&>(*d.hazard());
}

int count(const Drill& d, const std::string& kind) {
    int n = 0;
    for (const auto& e : d.timeline()) n += e.kind == kind ? 1 : 0;
    return n;
}

const Event* first(const Drill& d, const std::string& kind) {
    for (const auto& e : d.timeline())
        if (e.kind == kind) return &e;
    return nullptr;
}

Command at(const char* type, const char* unit, double x, double y, double radius = 0) {
    Command c = makeCommand(type);
    c.unit = unit;
    c.x = x;
    c.y = y;
    c.radius = radius;
    return c;
}

// A hand line across the strip at y = 600, finished before the fire starts at 1 h 20 min
// south of it; the wind from the south drives the head into the line.
bool lineHolds(double windMS, int& breaches) {
    const auto sc = mustLoad(R"("procedural": {"cell_m": 10, "fuel": "GR2"},
        "moisture_pct": {"m1": 3, "m10": 4, "m100": 5, "herb": 30, "woody": 60},
        "ignitions": [{"id": "i", "x": 200, "y": 300, "t_s": 4800}])",
                             windMS);
    const auto d = makeDrill(testContent(), sc, 1);
    d->apply(at("build_fireline", "crew-1", 399, 600));
    d->apply(at("set_safety_zone", "crew-1", 200, 990, 30));
    for (int t = 0; t < 4700; ++t) d->step();
    CHECK(count(*d, "fireline_completed") == 1);
    Command back = makeCommand("retreat_to_safety_zone");
    back.unit = "crew-1";
    d->apply(back);
    for (int t = 0; t < 6 * 3600 && d->hazard()->sample(200, 595, 0)[0].second == "unburned"; ++t)
        d->step();
    for (int t = 0; t < 1800; ++t) d->step();  // let the front work on the line
    breaches = count(*d, "fireline_breached");
    const auto north = d->hazard()->sample(200, 640, 0);
    return north[0].second == "unburned";
}

}  // namespace

TEST_CASE("fire: a hand line holds flames under 1.2 m and is crossed by longer ones") {
    int breaches = 0;
    CHECK(lineHolds(1.0, breaches));
    CHECK(breaches == 0);
    CHECK_FALSE(lineHolds(9.0, breaches));
    CHECK(breaches >= 1);
}

TEST_CASE("fire: a safety zone is judged against four flame lengths") {
    const auto sc = mustLoad(R"("procedural": {"cell_m": 10, "fuel": "GR4"},
        "moisture_pct": {"m1": 3, "m10": 4, "m100": 5, "herb": 30, "woody": 60},
        "ignitions": [{"id": "i", "x": 200, "y": 100}])",
                             8.0);
    const auto d = makeDrill(testContent(), sc, 1);
    d->apply(at("set_safety_zone", "crew-1", 200, 800, 5));
    d->step();
    const Event* small = first(*d, "safety_zone_set");
    REQUIRE(small);
    CHECK(small->attrs.at("adequate") == "no");
    // The flame length of GR4 under this wind, times four (content/hazards/fire.json).
    const double need = std::stod(small->attrs.at("required_m"));
    CHECK(need > 4 * 1.0);
    d->apply(at("set_safety_zone", "crew-1", 200, 800, need + 20));
    d->step();
    CHECK(d->timeline().back().attrs.at("adequate") == "yes");
    // A crew left on the open grass in front of the head: its escape route to the zone is cut
    // by the flames first (reported), then it is overrun.
    for (int t = 0; t < 7200; ++t) d->step();
    const Event* cut = first(*d, "escape_route_cut");
    const Event* trapped = first(*d, "crew_entrapped");
    REQUIRE(cut);
    REQUIRE(trapped);
    CHECK(cut->tick <= trapped->tick);
    bool routeDrawn = false;
    for (const MapLine& l : d->hazard()->lines()) routeDrawn |= l.kindKey == "marker.escape_route";
    CHECK(routeDrawn);
}

TEST_CASE("fire: the hot spot is verified only after it is reported; a spot fire starts a fire") {
    const auto sc = mustLoad(R"("procedural": {"cell_m": 10, "fuel": "GR2"},
        "ignitions": [{"id": "i", "x": 200, "y": 500}],
        "hot_spot": {"id": "hs", "x": 240, "y": 520, "report_s": 60})",
                             2.0);
    const auto d = makeDrill(testContent(), sc, 1);
    Command v = makeCommand("verify_hotspot");
    v.unit = "ranger-1";
    v.target = "hs";
    d->apply(v);
    d->step();
    const Event* refused = first(*d, "command_rejected");
    REQUIRE(refused);
    CHECK(refused->attrs.at("reason") == "no hot spot has been reported yet");
    for (int t = 0; t < 70; ++t) d->step();
    CHECK(count(*d, "hotspot_reported") == 1);
    d->apply(v);
    for (int t = 0; t < 1800; ++t) d->step();
    const Event* ok = first(*d, "hotspot_verified");
    REQUIRE(ok);
    CHECK(ok->attrs.at("fire") == "yes");
    CHECK(fireOf(*d).spread().burnedCells() > 0);
    Command spot = makeCommand("spot_fire");
    spot.x = 200;
    spot.y = 950;
    d->apply(spot);
    d->step();
    CHECK(count(*d, "spot_fire") == 1);
    CHECK(d->hazard()->sample(200, 950, 0)[0].second != "unburned");
}

TEST_CASE("fire: bad scenarios are refused with the place and the reason") {
    auto errors = [](const std::string& hazard) {
        std::vector<Diagnostic> d;
        const auto sc = strip(hazard, 2, d);
        CHECK_FALSE(sc);
        std::string all;
        for (const auto& x : d) all += x.format() + "\n";
        return all;
    };
    auto e = errors(R"("procedural": {"fuel": "XX9"}, "ignitions": [{"id": "i", "x": 1, "y": 1}])");
    CHECK(e.find("/hazard/procedural/fuel: unknown fuel model or forest type \"XX9\"") !=
          std::string::npos);
    e = errors(R"("procedural": {"fuel": "GR2", "patches": [{"fuel": "NB1", "x": 0, "y": 0,
        "w": 400, "h": 200}]}, "ignitions": [{"id": "i", "x": 100, "y": 100}])");
    CHECK(e.find("/hazard/ignitions/0: the ignition is on ground that does not burn") !=
          std::string::npos);
    e = errors(R"("procedural": {"fuel": "GR2"}, "landscape": "x",
        "ignitions": [{"id": "i", "x": 1, "y": 1}])");
    CHECK(e.find("give either \"landscape\"") != std::string::npos);
    // A landscape folder whose elevation grid is not the fuel grid's shape.
    const auto dir = scratch() / "land";
    std::filesystem::create_directories(dir);
    const std::string head = "ncols 4\nnrows 10\nxllcorner 0\nyllcorner 0\ncellsize 100\n";
    std::string fuels = head, elev = "ncols 5\nnrows 10\nxllcorner 0\nyllcorner 0\ncellsize 100\n";
    for (int j = 0; j < 10; ++j) {
        fuels += "102 102 102 102\n";
        elev += "1 2 3 4 5\n";
    }
    std::ofstream(dir / "fuels.asc") << fuels;
    std::ofstream(dir / "elevation.asc") << elev;
    std::ofstream(dir / "spain_lookup_table.csv")
        << "grid_value,export_value,descriptive_name,fuel_type,r,g,b,h,s,l\n"
           "102,102,grass,GR2,209,255,115,57,255,185\n";
    e = errors(R"("landscape": "land", "ignitions": [{"id": "i", "x": 50, "y": 50}])");
    CHECK(e.find("/hazard/landscape: landscape \"land\"") != std::string::npos);
    CHECK(e.find("elevation.asc") != std::string::npos);
    CHECK(e.find("5 x 10 cells, fuels.asc has 4 x 10") != std::string::npos);
    // An unknown fuel code in the lookup table the grid uses.
    std::ofstream(dir / "elevation.asc") << head + std::string(10, ' ');
    std::filesystem::remove(dir / "elevation.asc");
    std::ofstream(dir / "spain_lookup_table.csv")
        << "grid_value,export_value,descriptive_name,fuel_type,r,g,b,h,s,l\n"
           "102,102,moon dust,MD7,209,255,115,57,255,185\n";
    e = errors(R"("landscape": "land", "ignitions": [{"id": "i", "x": 50, "y": 50}])");
    CHECK(e.find("MD7") != std::string::npos);
    CHECK(e.find("spain_lookup_table.csv") != std::string::npos);
    std::filesystem::remove_all(scratch());
}
