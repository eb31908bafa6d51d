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

sim::Command order(sim::CommandType t) {
    sim::Command c;
    c.type = t;
    return c;
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
    orders.drillCommands.push_back(order(sim::CommandType::RaiseAlarm));
    auto report = order(sim::CommandType::ReportToAuthority);
    report.form = "oral";
    report.value = 3;
    orders.drillCommands.push_back(report);
    auto shelter = order(sim::CommandType::ShelterInPlace);
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
    // The gas has spread: the overlay shows some cell at AEGL-1 or more downwind (east).
    const auto& grid = app.session()->overlay();
    double peak = 0;
    for (double v : grid.values) peak = std::max(peak, v);
    CHECK(peak > app.session()->levels()[0]);

    UiRequests end;
    end.drillCommands.push_back(order(sim::CommandType::EndDrill));
    app.apply(end);
    REQUIRE(app.session()->report());
    CHECK(app.state().screen == Screen::Report);
    const auto& rep = *app.session()->report();
    CHECK(rep.possible > 0);
    CHECK_FALSE(rep.complete);  // two manual items await the evaluator
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
