// The drill screens, headless: start the shipped chlorine scenario, give orders through the
// same request path the window uses, draw the drill and report screens in both languages.
#include "ui/frame.h"
#include "ui_fixture.h"

#include <doctest/doctest.h>

using namespace drillbase;
using namespace drillbase::ui;

namespace {
UiRequests frame(App& app) {
    ImGui::NewFrame();
    auto r = drawFrame(app.strings(), app.state(), app.info(), app.drillView(), app.recordsView());
    ImGui::Render();
    return r;
}

sim::Command order(const char* type) {
    return sim::makeCommand(type);
}
}  // namespace

TEST_CASE("the trainee starts the chlorine drill, gives orders and gets a report") {
    App app(sourceContent(), testDbPath("drill"));
    HeadlessImGui imgui(app);
    REQUIRE_FALSE(app.catalog().empty());
    std::size_t index = app.catalog().size();
    for (std::size_t i = 0; i < app.catalog().size(); ++i)
        if (app.catalog()[i].file.filename() == "chlorine-waterworks-night.json") index = i;
    REQUIRE(index < app.catalog().size());
    for (const auto& e : app.catalog()) {
        INFO(e.file.string());
        for (const auto& err : e.errors) MESSAGE(err);
        CHECK(e.scenario.has_value());
    }

    UiRequests start;
    start.startScenario = index;
    app.apply(start);
    REQUIRE(app.session());
    CHECK(app.state().screen == Screen::Drill);

    UiRequests orders;
    orders.drillCommands.push_back(order("raise_alarm"));
    auto report = order("report_to_authority");
    report.form = "oral";
    report.value = 3;
    orders.drillCommands.push_back(report);
    auto shelter = order("shelter_in_place");
    shelter.x = 1270;
    shelter.y = 700;
    shelter.radius = 300;
    orders.drillCommands.push_back(shelter);
    app.apply(orders);
    app.session()->runTicks(300);
    for (const char* loc : {"zh-CN", "en"}) {
        app.setLocale(loc);
        for (int i = 0; i < 3; ++i) frame(app);
    }
    // The gas has spread: the overlay shows some cell at the legend's first level (AEGL-1).
    const auto& grid = app.session()->overlay();
    double peak = 0;
    for (double v : grid.values) peak = std::max(peak, v);
    REQUIRE_FALSE(app.session()->legend().levels.empty());
    CHECK(peak > app.session()->legend().levels[0].threshold);
    // Every order was valid, so none was rejected.
    for (const auto& e : app.session()->drill().timeline()) CHECK(e.kind != "command_rejected");

    UiRequests end;
    end.drillCommands.push_back(order("end_drill"));
    app.apply(end);
    REQUIRE(app.session()->report());
    CHECK(app.state().screen == Screen::Report);
    const auto& rep = *app.session()->report();
    CHECK(rep.possible > 0);
    CHECK_FALSE(rep.complete);  // two manual items await the evaluator
    // The report's figures are the engine's generic ones plus the gas's names for its rubric.
    const auto& outcomes = app.session()->outcomes();
    for (const char* key : {"exposed_level1", "exposed_level2", "exposed_level3",
                            "public_above_level2", "workers_above_level2", "public_above_aegl2"})
        CHECK(outcomes.count(key) == 1);
    for (const char* loc : {"zh-CN", "en"}) {
        app.setLocale(loc);
        for (int i = 0; i < 3; ++i) frame(app);
    }
}

TEST_CASE("the drill screens fall back to the trainee list when no drill runs") {
    App app(sourceContent(), testDbPath("nodrill"));
    HeadlessImGui imgui(app);
    app.state().screen = Screen::Drill;
    frame(app);
    app.state().screen = Screen::Report;
    frame(app);
    CHECK(app.session() == nullptr);
}
