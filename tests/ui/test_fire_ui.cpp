// The forest-fire drill (森林防灭火) in the drill screen, headless, on the shipped grass fire above
// a village: each fire order with a map gesture is given by arming it and clicking its place on
// the map and reaches the drill and its log; the map has the hazard's lines, ground circles
// and isochrones to draw; the report charts the burned area and the front over the drill; every
// event the fire logs reads in both languages without an id. The hot spot and firebreaks are in
// test_fire_hotspot_ui.cpp, the isochrones and the fuel colours in test_map_layers.cpp.
#include "drill_ui_fixture.h"
#include "sim/engine/action_script.h"
#include "ui/frame.h"
#include "ui/panels/drill_format.h"
#include "ui/panels/drill_orders.h"
#include "ui/panels/drill_outcomes_panel.h"
#include "ui/panels/hazard_chart.h"
#include "ui/panels/map_names.h"
#include "ui/panels/map_probe.h"
#include "ui/panels/order_params.h"
#include "ui_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace drillbase;
using namespace drillbase::ui;

namespace {

constexpr const char* kScenario = "fire-grass-hillside-village.json";

Catalog loadCatalog(const char* locale) {
    std::vector<Diagnostic> diags;
    auto c = Catalog::load(sourceContent() / "i18n" / (std::string(locale) + ".json"), diags);
    REQUIRE(diags.empty());
    return c;
}

int unitIndex(const DrillSession& session, const std::string& id) {
    const auto& units = session.drill().state().units;
    for (std::size_t i = 0; i < units.size(); ++i)
        if (units[i].id == id) return static_cast<int>(i);
    FAIL("no unit " << id);
    return -1;
}

// Arms `command` for `unit` ("" for an instructor's order) and clicks (x, y) of the map, as a
// trainee does; the app applies what the click sent. Returns what it sent.
std::vector<sim::Command> orderByClick(App& app, const std::string& command,
                                       const std::string& unit, double x, double y) {
    auto& ui = *app.drillView().ui;
    if (!unit.empty()) ui.selectedUnit = unitIndex(*app.session(), unit);
    ui.armed = command;
    // The map lays itself out (a new screen settles over its first frames) and keeps its
    // projection for the click.
    for (int i = 0; i < 3; ++i) frameAt(app, ImVec2(-1, -1), false);
    const ImVec2 p = ui.map.toScreen(x, y);
    frameAt(app, p, false);
    UiRequests r = frameAt(app, p, true);
    frameAt(app, p, false);
    CHECK(ui.armed.empty());
    app.apply(r);
    return r.drillCommands;
}

bool logged(const DrillSession& session, const std::string& kind) {
    for (const auto& e : session.drill().timeline())
        if (e.kind == kind) return true;
    return false;
}

// The ids of the scenario that must never be what a trainee reads.
std::vector<std::string> scenarioIds(const DrillSession& session) {
    std::vector<std::string> ids;
    const auto& st = session.drill().state();
    for (const auto& u : st.units) ids.push_back(u.id);
    for (const auto& p : st.people) ids.push_back(p.id);
    for (const auto& b : session.scenario().map.buildings) ids.push_back(b.id);
    for (const auto& ap : session.scenario().map.assemblyPoints) ids.push_back(ap.id);
    for (const auto& m : session.hazard()->markers()) ids.push_back(m.id);
    for (const auto& l : session.hazard()->lines()) ids.push_back(l.id);
    for (const char* prefix : {"line-", "drop-", "ign-"}) ids.push_back(prefix);
    return ids;
}

}  // namespace

TEST_CASE("each fire order with a map gesture is given by a click and reaches the drill log") {
    App app(sourceContent(), testDbPath("fire-orders"));
    HeadlessImGui imgui(app);
    app.setLocale("zh-CN");
    startShipped(app, kScenario);
    auto& session = *app.session();
    const auto& cat = session.catalog();
    for (const char* id : {"build_fireline", "water_drop", "backfire", "spot_fire"})
        CHECK(cat.find(id)->gesture == sim::Gesture::Point);
    CHECK(cat.find("set_safety_zone")->gesture == sim::Gesture::Area);
    CHECK(cat.find("retreat_to_safety_zone")->gesture == sim::Gesture::Button);

    auto& ui = *app.drillView().ui;
    draftFor(*cat.find("set_safety_zone"), session, ui).radius = 80;
    const auto zone = orderByClick(app, "set_safety_zone", "crew-1", 1170, 270);
    REQUIRE(zone.size() == 1);
    CHECK(zone[0].unit == "crew-1");
    CHECK(zone[0].radius == 80);
    // A click lands within a pixel of the place meant: a pixel is under 5 m on this map.
    CHECK(std::fabs(zone[0].x - 1170) < 5);
    CHECK(std::fabs(zone[0].y - 270) < 5);

    const auto line = orderByClick(app, "build_fireline", "crew-1", 1000, 560);
    REQUIRE(line.size() == 1);
    CHECK(line[0].type == "build_fireline");
    CHECK(line[0].unit == "crew-1");
    REQUIRE(orderByClick(app, "water_drop", "heli-1", 1150, 900).size() == 1);
    REQUIRE(orderByClick(app, "backfire", "crew-2", 1300, 640).size() == 1);
    // The instructor's spot fire takes no unit: it falls on the grass west of the road.
    REQUIRE(orderByClick(app, "spot_fire", "", 600, 700).size() == 1);
    // The retreat is a button: the order for the selected crew, as the button sends it.
    ui.selectedUnit = unitIndex(session, "crew-1");
    std::vector<sim::Command> out;
    const auto* retreat = cat.find("retreat_to_safety_zone");
    REQUIRE(sendOrder(app.strings(), *retreat, draftFor(*retreat, session, ui), session, ui, out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].unit == "crew-1");
    // The verification needs a reported hot spot: this scenario has none, so it is not offered.
    CHECK_FALSE(orderAvailable(app.strings(), *cat.find("verify_hotspot"), session));

    for (const auto& e : session.drill().timeline()) {
        CAPTURE(e.kind);
        CHECK(e.kind != "command_rejected");
    }
    CHECK(logged(session, "safety_zone_set"));
    CHECK(logged(session, "fireline_ordered"));
    CHECK(logged(session, "water_drop_ordered"));
    CHECK(logged(session, "spot_fire"));
    // The drill log the session records has every order, for replay and the ledger.
    const std::string log = session.log();
    for (const char* id :
         {"set_safety_zone", "build_fireline", "water_drop", "backfire", "spot_fire"}) {
        CAPTURE(id);
        CHECK(log.find(std::string("\"") + id + "\"") != std::string::npos);
    }

    // Give the crew its line again (the retreat took it off), then let the drill run.
    orderByClick(app, "build_fireline", "crew-1", 1000, 560);
    session.runTicks(900);
    CHECK(logged(session, "water_dropped"));
    // The crew walked to the backfire's place and lit it in the unburned grass.
    CHECK(logged(session, "backfire_lit"));
    const auto lines = session.hazard()->lines();
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].kindKey == "marker.hand_line");
    CHECK(lines[0].points.size() >= 2);
    bool zoneCircle = false, dropCircle = false;
    for (const auto& m : session.hazard()->markers()) {
        zoneCircle = zoneCircle || (m.kindKey == "marker.safety_zone" && m.radiusM == 80);
        dropCircle = dropCircle || (m.kindKey == "marker.water_drop" && m.radiusM > 0);
    }
    CHECK(zoneCircle);
    CHECK(dropCircle);
    // 15 minutes in: the 10-minute isochrone is on the map.
    REQUIRE_FALSE(session.isochrones().empty());
    CHECK(session.isochrones().front().timeS == DrillSession::kIsochroneStepS);
    CHECK_FALSE(session.isochrones().front().segments.empty());
    // The fire's edge now: its cells flame for seconds only, the line shows where it is.
    CHECK_FALSE(session.front().segments.empty());
    CHECK(session.front().timeS == doctest::Approx(session.drill().state().timeS()).epsilon(0.05));
    // The fuel colours over the relief cover the map.
    std::size_t painted = 0;
    for (const ImU32 c : session.ground()) painted += c != 0;
    CHECK(painted == session.ground().size());
    CHECK(session.hasCover());
    CHECK(session.ground() != session.terrain());
    // The point under the mouse: burned ground at the ignition, unburned grass with the flames
    // the head would bring, in words and numbers; nothing off the map.
    app.setLocale("zh-CN");
    const Strings& s = app.strings();
    const auto burned = pointSummary(s, session, 1150, 950);
    REQUIRE(burned.size() == 5);
    CHECK(burned[0] == std::string(s.tr("sample.fire_state")) + "  " + s.tr("sample.fire_state.burned"));
    CHECK(burned[1].find("00:00:00") != std::string::npos);
    const auto grass = pointSummary(s, session, 600, 500);
    REQUIRE(grass.size() == 5);
    CHECK(grass[0].find(s.tr("sample.fire_state.unburned")) != std::string::npos);
    CHECK(grass[1].find(s.tr("sample.not_yet")) != std::string::npos);
    CHECK(pointSummary(s, session, -10, 500).empty());
    // Hovering the map over the fire draws that tooltip.
    frameAt(app, ui.map.toScreen(1150, 950), false);
    for (const char* loc : {"zh-CN", "en"}) {
        app.setLocale(loc);
        for (int i = 0; i < 2; ++i) frameAt(app, ImVec2(-1, -1), false);
    }
}

TEST_CASE("the fire's events, markers and lines read without ids in both languages") {
    App app(sourceContent(), testDbPath("fire-events"));
    startShipped(app, kScenario);
    auto& session = *app.session();
    std::vector<Diagnostic> diags;
    const auto doc = loadJsonFile(
        sourceContent().parent_path() / "scenarios/actions/fire-grass-hillside-village.model.json",
        diags);
    REQUIRE(doc);
    const auto script = sim::parseActionScript(*doc, session.catalog(), diags);
    REQUIRE(script);
    session.runScript(*script, 3000);
    auto spot = sim::makeCommand("spot_fire");
    spot.x = 600;
    spot.y = 700;
    session.apply(spot);
    session.runTicks(60);
    const auto ids = scenarioIds(session);
    const auto& sc = session.scenario();
    const auto& st = session.drill().state();
    std::set<std::string> kinds;
    for (const char* loc : {"zh-CN", "en"}) {
        app.setLocale(loc);
        const Strings& s = app.strings();
        for (const auto& e : session.drill().timeline()) {
            kinds.insert(e.kind);
            const auto text = describeEvent(s, e, sc.transfer, &st, &sc.map, session.hazard());
            CAPTURE(text);
            CHECK(s.primary().has("event." + e.kind));
            for (const auto& [k, v] : e.attrs) CHECK(s.primary().has("attr." + k));
            for (const auto& id : ids) CHECK(text.find(id) == std::string::npos);
        }
        for (const auto& m : session.hazard()->markers()) {
            const auto name = markerName(s, *session.hazard(), &st, m);
            CAPTURE(name);
            for (const auto& id : ids) CHECK(name.find(id) == std::string::npos);
        }
    }
    for (const char* kind :
         {"fire_ignited", "fire_reported", "fireline_ordered", "fireline_completed",
          "safety_zone_set", "water_dropped", "fire_attack_started", "spot_fire"})
        CHECK(kinds.count(kind));
    app.setLocale("zh-CN");
    sim::Event breached;
    breached.kind = "fireline_breached";
    breached.attrs = {{"line", "line-2"}, {"line_kind", "hand_line"}, {"flame_m", "1.8"}};
    const auto text =
        describeEvent(app.strings(), breached, sc.transfer, &st, &sc.map, session.hazard());
    CAPTURE(text);
    CHECK(text.find("控制线 2号") != std::string::npos);
    CHECK(text.find("控制线 控制线") == std::string::npos);
    CHECK(text.find("人工控制线") != std::string::npos);
    app.setLocale("en");
    const auto en =
        describeEvent(app.strings(), breached, sc.transfer, &st, &sc.map, session.hazard());
    CAPTURE(en);
    CHECK(en.find("Hand line No. 2") != std::string::npos);
    CHECK(en.find("line Control line") == std::string::npos);
    CHECK(en.find("kind hand line") != std::string::npos);
}

TEST_CASE("every fire event, order, legend and report word has both names") {
    const Catalog zh = loadCatalog("zh-CN"), en = loadCatalog("en");
    std::vector<std::string> keys;
    // Every event the fire hazard emits (sim/hazards/fire), with its attributes and the words
    // among their values.
    for (const char* kind :
         {"fire_ignited",        "fire_reported",       "hotspot_reported",
          "hotspot_verified",    "fire_attack_started", "fireline_ordered",
          "fireline_completed",  "fireline_stopped",    "fireline_breached",
          "water_drop_ordered",  "water_dropped",       "water_drop_dried",
          "backfire_lit",        "backfire_failed",     "safety_zone_set",
          "crew_in_safety_zone", "crew_entrapped",      "crew_too_close_to_flames",
          "fire_reached_site",   "fire_contained",      "spot_fire"})
        keys.push_back(std::string("event.") + kind);
    for (const char* attr :
         {"line",           "line_kind",  "adequate", "required_m", "flame_m", "holds_below_m",
          "in_safety_zone", "distance_m", "area_ha",  "minutes",    "by",      "id",
          "hot_spot",       "site",       "x",        "y",          "cells",   "length_m",
          "fire",           "to",         "radius_m", "unit",       "reason"})
        keys.push_back(std::string("attr.") + attr);
    for (const char* value : {"hand_line", "engine_line", "break", "yes", "no", "fireline",
                              "water_drop", "backfire", "safety_zone", "no unburned fuel here"})
        keys.push_back(std::string("value.") + value);
    for (const char* key : {"legend.flame_length",
                            "legend.fire_flames",
                            "legend.fire_beyond_hand",
                            "legend.fire_beyond_lines",
                            "legend.fire_burned",
                            "marker.ignition",
                            "marker.hot_spot",
                            "marker.safety_zone",
                            "marker.water_drop",
                            "marker.hand_line",
                            "marker.engine_line",
                            "marker.break",
                            "marker.firebreak",
                            "marker.escape_route",
                            "harm.fire_near",
                            "harm.fire_radiant",
                            "harm.fire_overrun",
                            "event.fire_burned_out",
                            "event.escape_route_cut",
                            "event.escape_route_clear",
                            "validity.fire_narrow_head",
                            "validity.fire_surface_only",
                            "validity.fire_crowning_likely",
                            "cond.fuel_moisture_1h",
                            "cond.fire_area",
                            "chart.fire_area_ha",
                            "chart.fire_front_km",
                            "unit.forest_crew",
                            "unit.ranger",
                            "unit.dozer",
                            "unit.helicopter",
                            "value.forest_crew",
                            "value.helicopter",
                            "hazard.fire",
                            "task.build_fireline",
                            "task.water_drop",
                            "task.backfire",
                            "task.retreat",
                            "task.verify_hotspot",
                            "drill.isochrone_minutes",
                            "drill.legend.isochrones",
                            "report.hazard_charts"})
        keys.push_back(key);
    for (const char* metric :
         {"fire_burned_area_ha", "fire_front_length_m", "fire_contained", "fire_contained_s",
          "fire_crews_entrapped", "fire_crews_too_close", "fire_crews_unsafe", "fire_sites_reached",
          "fire_lines_breached", "fire_hotspot_verified_s", "fire_attack_s", "fire_peak_flame_m",
          "fire_uncontained"})
        keys.push_back(std::string("outcome.") + metric);
    // What the running drill shows: its conditions beside the wind, its chart labels.
    App app(sourceContent(), testDbPath("fire-keys"));
    startShipped(app, kScenario);
    const auto* hazard = app.session()->hazard();
    for (const auto& [key, value] : hazard->conditions()) keys.push_back(key);
    for (const auto& [key, value] : hazard->chartValues()) keys.push_back(key);
    for (const auto& [name, value] : hazard->sample(600, 500, 1.5))
        keys.push_back("sample." + name);
    keys.push_back(hazard->legend().shownKey);
    for (const auto& k : keys) {
        CAPTURE(k);
        CHECK(zh.has(k));
        CHECK(en.has(k));
    }
}

TEST_CASE("the report charts the burned area and the front length over the drill") {
    App app(sourceContent(), testDbPath("fire-report"));
    HeadlessImGui imgui(app);
    startShipped(app, kScenario);
    auto& session = *app.session();
    REQUIRE(session.chartKeys() ==
            std::vector<std::string>{"chart.fire_area_ha", "chart.fire_front_km"});
    std::vector<Diagnostic> diags;
    const auto doc = loadJsonFile(
        sourceContent().parent_path() / "scenarios/actions/fire-grass-hillside-village.model.json",
        diags);
    REQUIRE(doc);
    auto script = sim::parseActionScript(*doc, session.catalog(), diags);
    REQUIRE(script);
    auto end = sim::makeCommand("end_drill");
    script->push_back({5400, end});
    session.runScript(*script, 5500);
    REQUIRE(session.report());
    UiRequests none;
    app.apply(none);
    CHECK(app.state().screen == Screen::Report);
    const auto& h = session.chartHistory();
    // Sampled as the drill ran, every 10 s of its 90 minutes.
    CHECK(h.size() >= 500);
    CHECK(h.back().timeS == doctest::Approx(5400).epsilon(0.01));
    const float area = h.back().values[0], front = h.back().values[1];
    CHECK(area > 1);
    CHECK(front > 0.1f);
    CHECK(h.front().values[0] <= area);
    CHECK(chartPeak(h, 0) >= area);
    // The burned area only grows; the samples agree with the outcome the report scored.
    for (std::size_t k = 1; k < h.size(); ++k) CHECK(h[k].values[0] >= h[k - 1].values[0]);
    CHECK(session.outcomes().at("fire_burned_area_ha") == doctest::Approx(area).epsilon(1e-4));
    // The fire's own figures are listed by name after the engine's, moments as clock times.
    app.setLocale("zh-CN");
    const auto own = hazardOutcomeKeys(app.strings(), session);
    for (const char* key : {"fire_burned_area_ha", "fire_front_length_m", "fire_contained_s",
                            "fire_crews_entrapped", "fire_peak_flame_m"})
        CHECK(std::find(own.begin(), own.end(), key) != own.end());
    CHECK(formatOutcome(app.strings(), session, "fire_attack_s", 394) == "00:06:34");
    CHECK(formatOutcome(app.strings(), session, "fire_hotspot_verified_s", -1) ==
          app.strings().tr("report.never"));
    for (const char* loc : {"zh-CN", "en"}) {
        app.setLocale(loc);
        for (int i = 0; i < 2; ++i) frameAt(app, ImVec2(-1, -1), false);
    }
}

TEST_CASE("fast-forward runs fewer ticks a frame after slow frames, more after fast ones") {
    App app(sourceContent(), testDbPath("fire-pace"));
    startShipped(app, kScenario);
    auto& session = *app.session();
    auto fast = sim::makeCommand("set_speed");
    fast.value = 1e6;
    session.apply(fast);
    const auto tick = [&] { return session.drill().state().tick; };
    auto before = tick();
    app.tick(0.5);  // a slow frame: half the budget (2000 → 1000 ticks)
    CHECK(tick() - before == 1000);
    before = tick();
    app.tick(0.5);
    CHECK(tick() - before == 500);
    before = tick();
    app.tick(0.01);  // fast again: the budget grows by a quarter
    CHECK(tick() - before == 626);
    for (int i = 0; i < 40; ++i) app.tick(0.01);
    before = tick();
    app.tick(0.01);
    CHECK(tick() - before == 2000);  // never beyond the cap
}
