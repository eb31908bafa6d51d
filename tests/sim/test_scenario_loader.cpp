// Scenario validation: the shipped scenarios load; each class of mistake is reported, all
// of them at once, with line, column and JSON pointer.
#include "scenario_fixture.h"

#include <doctest/doctest.h>

using namespace drillbase;
using namespace drillbase::sim;

TEST_CASE("the shipped scenarios load") {
    const auto sc = loadShipped("chlorine-waterworks-night.json");
    CHECK(sc.weather.stability == 'F');
    CHECK(sc.releases.size() == 1);
    CHECK(sc.rubric.totalPoints == doctest::Approx(100));
    CHECK(sc.map.buildings.size() == 6);
}

TEST_CASE("every class of error is reported at its place") {
    std::vector<Diagnostic> loadDiags;
    auto doc = loadJsonFile(shippedScenario("chlorine-waterworks-night.json"), loadDiags);
    REQUIRE(doc);
    auto& j = doc->value;
    j["format"] = "drillbase-scenario/9";
    j["releases"][0]["chemical"] = "unobtainium";
    j["releases"][0]["rate_kg_s"] = -1;
    j["people"][0]["x"] = 5000;
    j["people"][1]["id"] = "operator-1";
    j["units"][0]["kind"] = "navy";
    j["weather"]["stability"] = "G";
    j["map"]["valves"][0]["release"] = "nope";
    j["injects"] = {{{"t", 60}, {"command", {{"type", "raise_alarm"}}}},
                    {{"t", 90}, {"command", {{"type", "warp"}}}}};
    j["rubric"]["total_points"] = 90;
    // Re-serialise so line numbers are real.
    std::vector<Diagnostic> d;
    auto edited = parseJsonText("edited.json", j.dump(2), d);
    REQUIRE(edited);
    CHECK_FALSE(loadScenario(*edited, testChemicals(), d));
    std::string all;
    for (const auto& x : d) all += x.format() + "\n";
    INFO(all);
    auto has = [&](const std::string& pointer, const std::string& text) {
        for (const auto& x : d)
            if (x.pointer == pointer && x.message.find(text) != std::string::npos && x.pos.line > 1)
                return true;
        return false;
    };
    CHECK(has("/format", "unsupported format"));
    CHECK(has("/releases/0/chemical", "unknown chemical \"unobtainium\""));
    CHECK(has("/releases/0/rate_kg_s", "must be positive"));
    CHECK(has("/people/0", "off the map"));
    CHECK(has("/people/1/id", "duplicate id \"operator-1\""));
    CHECK(has("/units/0/kind", "unknown kind \"navy\""));
    CHECK(has("/weather/stability", "Pasquill"));
    CHECK(has("/map/valves/0/release", "no release with id \"nope\""));
    CHECK(has("/injects/0/command/type", "trainee command, not an instructor inject"));
    CHECK(has("/injects/1/command/type", "unknown command \"warp\""));
    // The rubric is otherwise clean, so its total is judged too.
    CHECK(has("/rubric/total_points", "items add up to 100.0, not 90"));
}

TEST_CASE("a scenario file that is not JSON names line and column") {
    std::vector<Diagnostic> d;
    const auto doc = parseJsonText("x.json", "{\n \"format\": \"drillbase-scenario/1\",,\n}", d);
    CHECK_FALSE(doc);
    REQUIRE(d.size() == 1);
    CHECK(d[0].pos.line == 2);
}

TEST_CASE("all three shipped scenarios load, with rubrics of 100 points") {
    for (const char* name : {"chlorine-waterworks-night.json", "ammonia-cold-storage-day.json",
                             "h2s-chemical-park-wind-shift.json"}) {
        CAPTURE(name);
        const auto sc = loadShipped(name);
        CHECK(sc.rubric.totalPoints == doctest::Approx(100));
        CHECK_FALSE(sc.releases.empty());
        CHECK_FALSE(sc.titleZh.empty());
        CHECK_FALSE(sc.briefingEn.empty());
    }
}
