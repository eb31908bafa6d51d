// The orders panel is built from the drill's CommandCatalog: every command and parameter it can
// show has a name in both languages, a Button order is checked before it is sent (an invalid
// one is refused with the reason in the trainee's language), and a map click completes an armed
// order by its gesture.
#include "drill_ui_fixture.h"
#include "sim/hazards/builtin_hazards.h"
#include "ui/frame.h"
#include "ui/panels/drill_orders.h"
#include "ui_fixture.h"

#include <doctest/doctest.h>

using namespace drillbase;
using namespace drillbase::ui;

namespace {

Catalog loadCatalog(const char* locale) {
    std::vector<Diagnostic> diags;
    auto c = Catalog::load(sourceContent() / "i18n" / (std::string(locale) + ".json"), diags);
    REQUIRE(diags.empty());
    return c;
}

void startChlorine(App& app) {
    startShipped(app, "chlorine-waterworks-night.json");
}

// A click at `p` on the drill screen: the commands it produced.
std::vector<sim::Command> clickAt(App& app, ImVec2 p) {
    frameAt(app, p, false);
    auto r = frameAt(app, p, true);
    frameAt(app, p, false);
    return r.drillCommands;
}

}  // namespace

TEST_CASE(
    "every order, parameter, legend level, marker, line and chart the drill shows has both names") {
    std::vector<Diagnostic> diags;
    const auto content = sim::loadSimContent(sourceContent(), diags);
    REQUIRE(content);
    const Catalog zh = loadCatalog("zh-CN"), en = loadCatalog("en");
    std::vector<std::string> keys;
    for (const auto& type : content->hazards().all()) {
        const auto catalog = content->catalogFor(type->name());
        for (const auto& spec : catalog.all()) {
            keys.push_back(spec.labelKey);
            for (const auto& p : spec.params) keys.push_back(p.labelKey);
            // Fixed choices that are words ("oral", "hazmat") are shown translated; a class
            // letter ("F") is not a word.
            for (const auto& p : spec.params)
                if (p.source == sim::ChoiceSource::Fixed)
                    for (const auto& choice : p.choices)
                        if (choice.size() > 1) keys.push_back("value." + choice);
        }
    }
    App app(sourceContent(), testDbPath("order-keys"));
    for (const auto& e : app.catalog()) {
        if (!e.scenario) continue;
        const auto drill = sim::makeDrill(*content, *e.scenario, 1);
        const auto& legend = drill->hazard()->legend();
        keys.push_back(legend.quantityKey);
        for (const auto& l : legend.levels) keys.push_back(l.labelKey);
        for (const auto& m : drill->hazard()->markers()) keys.push_back(m.kindKey);
        for (const auto& l : drill->hazard()->lines()) keys.push_back(l.kindKey);
        if (!legend.shownKey.empty()) keys.push_back(legend.shownKey);
        // The map's conditions beside the wind, the report's charts, the kind of drill.
        for (const auto& [key, value] : drill->hazard()->conditions()) keys.push_back(key);
        for (const auto& [key, value] : drill->hazard()->chartValues()) keys.push_back(key);
        // What the map's tooltip names at a point.
        const auto& map = e.scenario->map;
        for (const auto& [name, value] :
             drill->hazard()->sample(map.widthM / 2, map.heightM / 2, 1.5))
            keys.push_back("sample." + name);
        keys.push_back("hazard." + e.scenario->hazardType);
        for (const auto& u : drill->state().units) keys.push_back("unit." + u.kind);
    }
    for (const auto& k : keys) {
        CAPTURE(k);
        CHECK(zh.has(k));
        CHECK(en.has(k));
    }
}

TEST_CASE("an invalid order is refused before it is sent, with the reason in Chinese") {
    App app(sourceContent(), testDbPath("order-check"));
    HeadlessImGui imgui(app);
    app.setLocale("zh-CN");
    startChlorine(app);
    const auto& session = *app.session();
    auto& ui = *app.drillView().ui;
    const auto* cordon = session.catalog().find("set_cordon");
    REQUIRE(cordon);
    std::vector<sim::Command> out;

    sim::Command c = draftFor(*cordon, session, ui);
    CHECK(c.radius > 0);  // the draft starts valid
    c.x = 700;
    c.y = 690;
    c.radius = 0;
    CHECK_FALSE(sendOrder(app.strings(), *cordon, c, session, ui, out));
    CHECK(out.empty());
    CHECK(ui.problemCommand == "set_cordon");
    CHECK(ui.problem.find("半径") != std::string::npos);
    CHECK(ui.problemDetail.find("radius") != std::string::npos);

    c.radius = 500;
    CHECK(sendOrder(app.strings(), *cordon, c, session, ui, out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].type == "set_cordon");
    CHECK(ui.problem.empty());

    // A unit order without a selected unit names the missing unit.
    const auto* ppe = session.catalog().find("don_ppe");
    REQUIRE(ppe);
    ui.selectedUnit = -1;
    CHECK_FALSE(sendOrder(app.strings(), *ppe, draftFor(*ppe, session, ui), session, ui, out));
    CHECK(ui.problem.find(app.strings().tr("param.unit")) != std::string::npos);
    ui.selectedUnit = 0;
    CHECK(sendOrder(app.strings(), *ppe, draftFor(*ppe, session, ui), session, ui, out));
    CHECK(out.back().unit == session.drill().state().units[0].id);
}

TEST_CASE("a map click completes the armed order by its gesture") {
    App app(sourceContent(), testDbPath("order-click"));
    HeadlessImGui imgui(app);
    app.setLocale("en");
    startChlorine(app);
    auto& ui = *app.drillView().ui;
    frameAt(app, ImVec2(-1, -1), false);  // lay the screen out once
    // The map fills the left of the screen; this point is well inside it.
    const ImVec2 onMap(300, 400);

    SUBCASE("an area order takes the click as its centre and the slider's radius") {
        ui.armed = "shelter_in_place";
        draftFor(*app.session()->catalog().find("shelter_in_place"), *app.session(), ui).radius =
            420;
        const auto cmds = clickAt(app, onMap);
        REQUIRE(cmds.size() == 1);
        CHECK(cmds[0].type == "shelter_in_place");
        CHECK(cmds[0].radius == 420);
        const auto& map = app.session()->scenario().map;
        CHECK(cmds[0].x > 0);
        CHECK(cmds[0].x < map.widthM);
        CHECK(cmds[0].y > 0);
        CHECK(cmds[0].y < map.heightM);
        CHECK(ui.armed.empty());
        // The order reaches the drill through the app, as the window applies it.
        UiRequests r;
        r.drillCommands = cmds;
        app.apply(r);
        bool sheltered = false;
        for (const auto& e : app.session()->drill().timeline()) {
            CHECK(e.kind != "command_rejected");
            sheltered = sheltered || e.kind == "shelter_ordered";
        }
        CHECK(sheltered);
    }
    SUBCASE("a person order picks the nearest person for the selected unit") {
        ui.selectedUnit = 2;
        ui.armed = "rescue_casualty";
        const auto cmds = clickAt(app, onMap);
        REQUIRE(cmds.size() == 1);
        CHECK(cmds[0].type == "rescue_casualty");
        CHECK(cmds[0].unit == app.session()->drill().state().units[2].id);
        bool known = false;
        for (const auto& p : app.session()->drill().state().people)
            known = known || p.id == cmds[0].target;
        CHECK(known);
    }
    SUBCASE("with nothing armed a click selects the nearest unit and sends nothing") {
        ui.selectedUnit = -1;
        CHECK(clickAt(app, onMap).empty());
        CHECK(ui.selectedUnit >= 0);
    }
}
