// Scenario validation: the shipped scenarios load; each class of mistake is reported, all
// of them at once, with line, column and JSON pointer.
#include "scenario_fixture.h"
#include "sim/hazards/gas/gas_config.h"
#include "sim/scenario/scenario_migrate.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace drillbase;
using namespace drillbase::sim;

TEST_CASE("the shipped scenarios load") {
    const auto sc = loadShipped("chlorine-waterworks-night.json");
    CHECK(sc.hazardType == "gas");
    const auto* gas = dynamic_cast<const GasConfig*>(sc.hazard.get());
    REQUIRE(gas);
    CHECK(gas->stability == 'F');
    CHECK(gas->releases.size() == 1);
    CHECK(gas->valves.size() == 1);
    CHECK(sc.rubric.totalPoints == doctest::Approx(100));
    CHECK(sc.map.buildings.size() == 6);
}

TEST_CASE("every class of error is reported at its place") {
    std::vector<Diagnostic> loadDiags;
    auto doc = loadJsonFile(shippedScenario("chlorine-waterworks-night.json"), loadDiags);
    REQUIRE(doc);
    auto& j = doc->value;
    j["format"] = "drillbase-scenario/9";
    j["hazard"]["releases"][0]["chemical"] = "unobtainium";
    j["hazard"]["releases"][0]["rate_kg_s"] = -1;
    j["people"][0]["x"] = 5000;
    j["people"][1]["id"] = "operator-1";
    j["units"][0]["kind"] = "navy";
    j["hazard"]["stability"] = "G";
    j["hazard"]["valves"][0]["release"] = "nope";
    j["hazard"]["valves"][0]["work_sec"] = 30;
    j["map"]["buildings"][0]["air_changes"] = 1;
    j["injects"] = {{{"t", 60}, {"command", {{"type", "raise_alarm"}}}},
                    {{"t", 90}, {"command", {{"type", "warp"}}}}};
    j["rubric"]["total_points"] = 90;
    // Re-serialise so line numbers are real.
    std::vector<Diagnostic> d;
    auto edited = parseJsonText("edited.json", j.dump(2), d);
    REQUIRE(edited);
    CHECK_FALSE(loadScenario(*edited, testContent(), d));
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
    CHECK(has("/hazard/releases/0/chemical", "unknown chemical \"unobtainium\""));
    CHECK(has("/hazard/releases/0/rate_kg_s", "must be positive"));
    CHECK(has("/people/0", "off the map"));
    CHECK(has("/people/1/id", "duplicate id \"operator-1\""));
    CHECK(has("/units/0/kind", "unknown unit kind \"navy\""));
    CHECK(has("/hazard/stability", "Pasquill"));
    CHECK(has("/hazard/valves/0/release", "no release with id \"nope\""));
    // A misspelt optional key is refused, not silently defaulted.
    CHECK(has("/hazard/valves/0/work_sec", "unknown key \"work_sec\"; did you mean \"work_s\"?"));
    CHECK(has("/map/buildings/0/air_changes", "did you mean \"air_changes_per_hour\"?"));
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
        CHECK(sc.hazardType == "gas");
        CHECK_FALSE(sc.titleZh.empty());
        CHECK_FALSE(sc.briefingEn.empty());
    }
}

TEST_CASE("a /1 scenario is refused with the way to migrate it, and the migration loads") {
    // The chlorine scenario as it was written in format /1.
    nlohmann::ordered_json v2;
    {
        std::ifstream in(shippedScenario("chlorine-waterworks-night.json"));
        v2 = nlohmann::ordered_json::parse(in);
    }
    nlohmann::ordered_json v1 = v2;
    v1["format"] = "drillbase-scenario/1";
    v1["weather"]["stability"] = v2["hazard"]["stability"];
    v1["weather"]["terrain"] = v2["hazard"]["terrain"];
    v1["map"]["valves"] = v2["hazard"]["valves"];
    v1["releases"] = v2["hazard"]["releases"];
    v1.erase("hazard");

    std::vector<Diagnostic> d;
    const auto doc = parseJsonText("old.json", v1.dump(2), d);
    REQUIRE(doc);
    CHECK_FALSE(loadScenario(*doc, testContent(), d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/format");
    CHECK(d[0].pos.line == 2);
    CHECK(d[0].message.find("drillctl scenario migrate old.json") != std::string::npos);

    std::string error;
    const auto migrated = migrateScenarioV1(v1, error);
    REQUIRE(migrated);
    CHECK((*migrated)["hazard"] == v2["hazard"]);
    std::vector<Diagnostic> d2;
    const auto mdoc = parseJsonText("new.json", migrated->dump(2), d2);
    REQUIRE(mdoc);
    const auto sc = loadScenario(*mdoc, testContent(), d2);
    for (const auto& x : d2) MESSAGE(x.format());
    CHECK(sc);
    CHECK_FALSE(migrateScenarioV1(v2, error));
    CHECK(error.find("not a") != std::string::npos);
}

TEST_CASE("an unknown hazard type is named with the ones there are") {
    std::vector<Diagnostic> ld;
    auto doc = loadJsonFile(shippedScenario("chlorine-waterworks-night.json"), ld);
    REQUIRE(doc);
    doc->value["hazard"]["type"] = "gass";
    std::vector<Diagnostic> d;
    const auto edited = parseJsonText("e.json", doc->value.dump(2), d);
    REQUIRE(edited);
    CHECK_FALSE(loadScenario(*edited, testContent(), d));
    REQUIRE_FALSE(d.empty());
    CHECK(d[0].pointer == "/hazard/type");
    CHECK(d[0].message.find("did you mean \"gas\"?") != std::string::npos);
}

TEST_CASE("a scenario that would crawl or exhaust memory when run is refused at validation") {
    std::vector<Diagnostic> ld;
    auto doc = loadJsonFile(shippedScenario("chlorine-waterworks-night.json"), ld);
    REQUIRE(doc);
    auto& j = doc->value;
    j["tick_ms"] = 1;
    j["map"]["width_m"] = 1e9;
    j["hazard"]["releases"][0]["rate_kg_s"] = 1e308;
    std::vector<Diagnostic> d;
    const auto edited = parseJsonText("huge.json", j.dump(2), d);
    REQUIRE(edited);
    CHECK_FALSE(loadScenario(*edited, testContent(), d));
    auto has = [&](const std::string& pointer, const std::string& text) {
        for (const auto& x : d)
            if (x.pointer == pointer && x.message.find(text) != std::string::npos) return true;
        return false;
    };
    CHECK(has("/tick_ms", "must be at least 100"));
    CHECK(has("/map", "larger than 50000"));
    CHECK(has("/hazard/releases/0/rate_kg_s", "max_release_kg_s"));
}
