// The drill engine on the shipped chlorine scenario with a fixture hazard: commands, warning
// delay, shelter-in-place air exchange, valve work time, determinism and replay.
#include "fake_hazard.h"
#include "scenario_fixture.h"
#include "sim/engine/drill.h"
#include "sim/engine/drill_log.h"
#include "sim/engine/outcomes.h"

#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

using namespace drillbase::sim;

namespace {

std::unique_ptr<DiscHazard> villageGas(double level) {
    auto h = std::make_unique<DiscHazard>();
    h->cx = 1270;
    h->cy = 700;
    h->radius = 150;
    h->level = level;
    return h;
}

const PersonState& person(const Drill& d, const std::string& id) {
    for (const auto& p : d.state().people)
        if (p.id == id) return p;
    FAIL("no person " << id);
    throw;
}

bool happened(const Drill& d, const std::string& kind) {
    for (const auto& e : d.timeline())
        if (e.kind == kind) return true;
    return false;
}

}  // namespace

TEST_CASE("people react only after the warning delay") {
    Drill d(loadShipped("chlorine-waterworks-night.json"), 1, villageGas(0));
    d.apply(makeCommand("raise_alarm"));
    CHECK(happened(d, "alarm_raised"));
    // The scenario's warning delay is 120 s; each person reacts within ±25 % of it.
    for (int i = 0; i < 89; ++i) d.step();
    CHECK(person(d, "operator-1").action == PersonAction::Unaware);
    CHECK(person(d, "operator-2").action == PersonAction::Unaware);
    for (int i = 0; i < 61; ++i) d.step();
    CHECK(person(d, "operator-1").action == PersonAction::Evacuating);
    CHECK(person(d, "operator-2").action == PersonAction::Evacuating);
    CHECK(person(d, "villager-1").action ==
          PersonAction::Unaware);  // the site alarm is for workers
    for (int i = 0; i < 600; ++i) d.step();
    CHECK(person(d, "operator-1").action == PersonAction::Safe);
    CHECK(happened(d, "person_evacuated"));
}

TEST_CASE("the hazard decides what sheltering does (the fixture: a tenth indoors)") {
    const auto sc = loadShipped("chlorine-waterworks-night.json");
    Drill d(sc, 1, villageGas(50));
    // villager-1 is inside house-1 from the start; villager-3 too (house-2).
    REQUIRE(person(d, "villager-1").building == 0 + 2);
    for (int i = 0; i < 100; ++i) d.step();
    CHECK(person(d, "villager-1").harm.dose == doctest::Approx(5.0 * 100));
    CHECK(person(d, "villager-1").harm.worstLevel == 1);
}

TEST_CASE("a resident ordered out walks into the gas; one sheltering stays below AEGL-3") {
    const auto sc = loadShipped("chlorine-waterworks-night.json");
    Drill shelter(sc, 1, villageGas(500));
    Command s = makeCommand("shelter_in_place");
    s.x = 1270;
    s.y = 700;
    s.radius = 300;
    shelter.apply(s);
    Drill evacuate(sc, 1, villageGas(500));
    Command e = makeCommand("evacuate_area");
    e.x = 1270;
    e.y = 700;
    e.radius = 300;
    e.target = "ap-north-school";
    evacuate.apply(e);
    CHECK(happened(evacuate, "public_protection_ordered"));
    for (int i = 0; i < 600; ++i) {
        shelter.step();
        evacuate.step();
    }
    CHECK(person(evacuate, "villager-1").harm.worstLevel == 3);
    CHECK(person(shelter, "villager-1").harm.worstLevel < 3);
    const auto out = computeOutcomes(evacuate.state());
    CHECK(out.at("public_above_level2") >= 1);
}

TEST_CASE("closing a valve takes travel plus the valve's work time, then stops the source") {
    auto hz = villageGas(5);
    DiscHazard* raw = hz.get();
    Drill d(loadShipped("chlorine-waterworks-night.json"), 1, std::move(hz));
    Command c = makeCommand("close_valve");
    c.unit = "hazmat-1";
    c.target = "cylinder-valve-1";
    d.apply(c);
    // hazmat-1 at (120, 640) → valve (580, 675): 461.3 m in a straight line at 3 m/s = 154 s;
    // the valve is inside the chlorination room, entered through its wall cells, 2 s more; then
    // 180 s of work.
    std::int64_t closedAt = -1;
    for (int i = 0; i < 600 && closedAt < 0; ++i) {
        d.step();
        for (const auto& ev : d.events())
            if (ev.kind == "valve_closed") closedAt = ev.tick;
    }
    CHECK(closedAt == 156 + 180);
    CHECK(raw->stopped);
}

TEST_CASE("unknown targets are rejected as events, not crashes") {
    Drill d(loadShipped("chlorine-waterworks-night.json"), 1, villageGas(0));
    Command c = makeCommand("close_valve");
    c.unit = "nobody";
    c.target = "cylinder-valve-1";
    d.apply(c);
    CHECK(happened(d, "command_rejected"));
}

TEST_CASE("pause stops the clock; end stops everything") {
    Drill d(loadShipped("chlorine-waterworks-night.json"), 1, villageGas(0));
    d.step();
    d.apply(makeCommand("pause"));
    d.step();
    CHECK(d.state().tick == 1);
    d.apply(makeCommand("resume"));
    d.step();
    CHECK(d.state().tick == 2);
    d.apply(makeCommand("end_drill"));
    d.step();
    CHECK(d.state().tick == 2);
    CHECK(d.state().ended);
}

TEST_CASE("same scenario, seed and commands give the same hash; the log replays to it") {
    const auto sc = loadShipped("chlorine-waterworks-night.json");
    auto run = [&](std::ostream& log) {
        Drill d(sc, 42, villageGas(30));
        DrillRecorder rec(d, log, "chlorine-waterworks-night.json", "scenario-text", 42, 60);
        rec.apply(makeCommand("raise_alarm"));
        for (int i = 0; i < 300; ++i) rec.step();
        Command s = makeCommand("shelter_in_place");
        s.x = 1270;
        s.y = 700;
        s.radius = 200;
        rec.apply(s);
        Command w = makeCommand("wind_shift");
        w.value = 200;
        rec.apply(w);
        for (int i = 0; i < 900; ++i) rec.step();
        rec.finish();
        return d.hash();
    };
    std::stringstream a, b;
    const auto h1 = run(a);
    const auto h2 = run(b);
    CHECK(h1 == h2);
    CHECK(a.str() == b.str());

    auto log = readDrillLog(a, "a.jsonl");
    CHECK(log.header.seed == 42);
    Drill fresh(sc, 42, villageGas(30));
    resolveCommands(log, fresh.catalog(), "a.jsonl");
    const auto res = replay(log, fresh);
    CHECK(res.ok);
    CHECK(res.checkedHashes == 1200 / 60 + 1);
    CHECK(fresh.hash() == h1);

    // A different seed is a different drill: replay finds the first differing hash.
    Drill other(sc, 43, villageGas(30));
    const auto bad = replay(log, other);
    CHECK_FALSE(bad.ok);
    CHECK(bad.firstBadTick == 60);
}

TEST_CASE("a tampered log is found at the first differing tick") {
    const auto sc = loadShipped("chlorine-waterworks-night.json");
    std::stringstream out;
    {
        Drill d(sc, 7, villageGas(30));
        DrillRecorder rec(d, out, "s.json", "t", 7, 30);
        for (int i = 0; i < 100; ++i) rec.step();
        Command s = makeCommand("shelter_in_place");
        s.x = 1270;
        s.y = 700;
        s.radius = 200;
        rec.apply(s);
        for (int i = 0; i < 200; ++i) rec.step();
        rec.finish();
    }
    std::string text = out.str();
    const auto at = text.find("\"radius\":200.0");
    REQUIRE(at != std::string::npos);
    text.replace(at, 14, "\"radius\":20.0");  // a smaller shelter order than was given
    std::stringstream in(text);
    Drill fresh(sc, 7, villageGas(30));
    auto log = readDrillLog(in, "t.jsonl");
    resolveCommands(log, fresh.catalog(), "t.jsonl");
    const auto res = replay(log, fresh);
    CHECK_FALSE(res.ok);
    CHECK(res.firstBadTick == 120);  // first hash after the altered command (every 30 ticks)
}

TEST_CASE("malformed log lines are named by line number") {
    std::stringstream in(
        "{\"format\":\"drillbase-drill-log/2\",\"seed\":1}\n{\"tick\":1,\"hash\":\"00\"}\n{oops\n");
    try {
        readDrillLog(in, "x.jsonl");
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).rfind("x.jsonl:3:2: invalid JSON", 0) == 0);
    }
}

TEST_CASE("the H2S scenario's wind-shift inject fires at its time") {
    const auto sc = loadShipped("h2s-chemical-park-wind-shift.json");
    Drill d(sc, 1, villageGas(0));
    for (int i = 0; i < 899; ++i) d.step();
    CHECK(d.state().wind.fromDeg == doctest::Approx(90));
    d.step();
    CHECK(d.state().wind.fromDeg == doctest::Approx(0));
    CHECK(d.state().wind.speedMS == doctest::Approx(2.5));
    CHECK(happened(d, "wind_changed"));
}

TEST_CASE("a log with only its header does not match anything") {
    const auto sc = loadShipped("chlorine-waterworks-night.json");
    std::stringstream in("{\"format\":\"drillbase-drill-log/2\",\"seed\":1}\n");
    auto log = readDrillLog(in, "h.jsonl");
    Drill fresh(sc, 1, villageGas(0));
    const auto res = replay(log, fresh);
    CHECK_FALSE(res.ok);
    CHECK(res.error == "the log holds no state hash to check");
}

TEST_CASE("a number beyond a double in a log line is a located error, not an abort") {
    std::stringstream in(
        "{\"format\":\"drillbase-drill-log/2\",\"seed\":1}\n{\"tick\":1e999,\"hash\":\"00\"}\n");
    try {
        readDrillLog(in, "n.jsonl");
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).rfind("n.jsonl:2:", 0) == 0);
        CHECK(std::string(e.what()).find("number overflow") != std::string::npos);
    }
}
