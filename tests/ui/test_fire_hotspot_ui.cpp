// A forest-fire scenario with a satellite hot spot (卫星监测热点) and a firebreak, as landscape
// scenarios have them: the shipped grass fire with both added, run in a DrillSession of its own.
// The hot spot is shown, chosen by name in the verification order and verified within the hour;
// the firebreak is one of the map's lines; nothing of them reaches the screen by its id.
#include "drill_ui_fixture.h"
#include "sim/hazards/builtin_hazards.h"
#include "sim/scenario/scenario_loader.h"
#include "ui/panels/drill_format.h"
#include "ui/panels/drill_legend_panel.h"
#include "ui/panels/drill_map_panel.h"
#include "ui/panels/drill_orders.h"
#include "ui/panels/map_names.h"
#include "ui/panels/order_params.h"
#include "ui_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace drillbase;
using namespace drillbase::ui;

namespace {

constexpr const char* kScenario = "fire-grass-hillside-village.json";

int unitIndex(const DrillSession& session, const std::string& id) {
    const auto& units = session.drill().state().units;
    for (std::size_t i = 0; i < units.size(); ++i)
        if (units[i].id == id) return static_cast<int>(i);
    FAIL("no unit " << id);
    return -1;
}

bool logged(const DrillSession& session, const std::string& kind) {
    for (const auto& e : session.drill().timeline())
        if (e.kind == kind) return true;
    return false;
}

}  // namespace

TEST_CASE("a satellite hot spot is verified from the orders and a firebreak is on the map") {
    // The shipped grass fire with a hot spot reported a minute in and a dozer break along the
    // foot of the ridge: what a landscape scenario gives, on the same small ground.
    const auto file = sourceContent().parent_path() / "scenarios" / kScenario;
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto j = nlohmann::json::parse(text.str());
    j["hazard"]["hot_spot"] = {{"id", "hs-modis-1"}, {"x", 1300}, {"y", 1000}, {"report_s", 60}};
    j["hazard"]["firebreaks"] = nlohmann::json::array(
        {{{"id", "break-ridge"}, {"x0", 100}, {"y0", 1140}, {"x1", 2300}, {"y1", 1140}}});
    std::vector<Diagnostic> diags;
    const auto content = sim::loadSimContent(sourceContent(), diags);
    REQUIRE(content);
    const auto doc = parseJsonText(file.string(), j.dump(), diags);
    REQUIRE(doc);
    const auto scenario = sim::loadScenario(*doc, *content, diags);
    for (const auto& d : diags) MESSAGE(d.format());
    REQUIRE(scenario);
    const auto gradesDoc = loadJsonFile(sourceContent() / "grading.json", diags);
    REQUIRE(gradesDoc);
    const auto grades = sim::parseGradeScale(*gradesDoc, diags);
    REQUIRE(grades);
    DrillSession session(*content, *scenario, file, j.dump(), *grades, 1);

    App app(sourceContent(), testDbPath("fire-hotspot"));
    HeadlessImGui imgui(app);
    app.setLocale("zh-CN");
    const Strings& s = app.strings();
    session.runTicks(90);
    const sim::MapMarker* hot = nullptr;
    const auto markers = session.hazard()->markers();
    for (const auto& m : markers)
        if (m.kindKey == "marker.hot_spot") hot = &m;
    REQUIRE(hot);
    CHECK(hot->shape == sim::MarkerShape::Diamond);
    CHECK(hot->active);
    const auto& st = session.drill().state();
    CHECK(markerName(s, *session.hazard(), &st, *hot) == s.tr("marker.hot_spot"));
    bool firebreak = false;
    for (const auto& l : session.hazard()->lines())
        firebreak = firebreak || l.kindKey == "marker.firebreak";
    CHECK(firebreak);

    // The verification is a button order with the hot spot chosen by its name, not its id.
    const auto* verify = session.catalog().find("verify_hotspot");
    REQUIRE(verify);
    CHECK(orderAvailable(s, *verify, session));
    const sim::ParamSpec* spot = nullptr;
    for (const auto& p : verify->params)
        if (p.source == sim::ChoiceSource::Hazard) spot = &p;
    REQUIRE(spot);
    const auto options = paramOptions(s, *spot, session);
    REQUIRE(options.size() == 1);
    CHECK(options[0].id == "hs-modis-1");
    CHECK(options[0].label == s.tr("marker.hot_spot"));
    DrillUiState ui;
    ui.selectedUnit = unitIndex(session, "crew-2");
    std::vector<sim::Command> out;
    REQUIRE(sendOrder(s, *verify, draftFor(*verify, session, ui), session, ui, out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].target == "hs-modis-1");
    session.apply(out[0]);
    session.runTicks(1800);
    CHECK(logged(session, "hotspot_reported"));
    CHECK(logged(session, "hotspot_verified"));
    for (const auto& e : session.drill().timeline()) {
        CHECK(e.kind != "command_rejected");
        const auto line =
            describeEvent(s, e, scenario->transfer, &st, &scenario->map, session.hazard());
        CAPTURE(line);
        CHECK(line.find("hs-modis") == std::string::npos);
        CHECK(line.find("break-ridge") == std::string::npos);
    }
    // Verified: the marker stays, faded.
    for (const auto& m : session.hazard()->markers())
        if (m.kindKey == "marker.hot_spot") CHECK_FALSE(m.active);
    // The map and its legend draw it all, in both languages.
    for (const char* loc : {"zh-CN", "en"}) {
        app.setLocale(loc);
        for (int i = 0; i < 2; ++i) {
            ImGui::NewFrame();
            ImGui::SetNextWindowSize(ImVec2(1000, 700));
            ImGui::Begin("map");
            std::vector<sim::Command> none;
            drawDrillMap(app.strings(), session, ui, none);
            ImGui::End();
            ImGui::Begin("legend");
            drawDrillLegend(app.strings(), session);
            ImGui::End();
            ImGui::Render();
        }
    }
}
