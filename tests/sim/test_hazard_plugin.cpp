// The seams of the multi-hazard engine, proven by a hazard that exists only here: a "zone"
// type registered beside the shipped ones without touching engine code. It reads its own
// scenario section (with an .asc grid next to the scenario), declares its own command, closes
// ground the navigator must route around, hurts people by its own rule, draws its own marker
// and replays from the log like any drill.
#include "scenario_fixture.h"
#include "sim/engine/action_script.h"
#include "sim/engine/drill_log.h"
#include "sim/engine/drill_pipeline.h"
#include "sim/engine/outcomes.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

using namespace drillbase;
using namespace drillbase::sim;

namespace {

struct ZoneConfig : HazardConfig {
    double x = 0, y = 0, radius = 0, heat = 0;
    AsciiGrid grid;  // scales the heat where people stand
};

// Inside the zone: `heat` × the grid's factor at that point; closed ground until sealed.
class ZoneHazard : public Hazard {
public:
    explicit ZoneHazard(const ZoneConfig& c) : c_(c) {
        legend_ = {"legend.zone",
                   "kW/m²",
                   {{"l1", "", 1, 0}, {"l2", "", 5, 0}, {"l3", "", 20, 0}},
                   2,
                   0,
                   0,
                   "",
                   {}};
    }
    void step(std::int64_t, double, const Wind&, DrillContext&) override {}
    double intensityAt(double x, double y, double) const override {
        if (sealed_ || std::hypot(x - c_.x, y - c_.y) > c_.radius) return 0;
        const int i =
            std::clamp(static_cast<int>((x - c_.grid.xll) / c_.grid.cellM), 0, c_.grid.ncols - 1);
        const int j =
            std::clamp(static_cast<int>((y - c_.grid.yll) / c_.grid.cellM), 0, c_.grid.nrows - 1);
        return c_.heat * c_.grid.at(i, j);
    }
    const HazardLegend& legend() const override { return legend_; }
    void harm(const Exposure& e, Harm& h, double dt) const override {
        const double q = intensityAt(e.x, e.y, 0);
        h.level = levelOf(q);
        h.worstLevel = std::max(h.worstLevel, h.level);
        h.peak = std::max(h.peak, q);
        h.dose += q * dt;
        h.load += q * q * dt;
    }
    double fatalityFraction(const Harm& h) const override { return h.load > 1e6 ? 1 : 0; }
    bool apply(const Command& c, DrillContext& ctx) override {
        if (!c.is("seal_zone")) return false;
        UnitState* u = ctx.unit(c.unit);
        if (!u) {
            ctx.reject(c, "unknown unit " + c.unit);
            return true;
        }
        ctx.assign(*u, {"seal_zone", "", c_.x, c_.y + c_.radius + 5, true, c.value, {}});
        return true;
    }
    void finishTask(UnitState& u, const std::string&, const std::string&,
                    DrillContext& ctx) override {
        sealed_ = true;
        ++version_;
        ctx.emit("zone_sealed", {{"unit", u.id}});
    }
    double passCost(double x, double y) const override {
        return !sealed_ && std::hypot(x - c_.x, y - c_.y) <= c_.radius ? kClosed : 1;
    }
    std::uint64_t passabilityVersion() const override { return version_; }
    std::vector<MapMarker> markers() const override {
        return {{"marker.zone", "zone", c_.x, c_.y, MarkerShape::Circle, 0xff0000ff, !sealed_}};
    }
    void hashInto(StateHasher& h) const override {
        h.add(sealed_);
        h.add(version_);
    }

private:
    ZoneConfig c_;
    HazardLegend legend_;
    bool sealed_ = false;
    std::uint64_t version_ = 1;  // closed ground from the start
};

class ZoneType : public HazardType {
public:
    ZoneType() {
        CommandSpec s;
        s.id = "seal_zone";
        s.labelKey = "command.seal_zone";
        ParamSpec unit;
        unit.slot = Slot::Unit;
        unit.source = ChoiceSource::Units;
        ParamSpec work;
        work.slot = Slot::Value;
        work.unit = "s";
        work.min = 1;
        work.max = 600;
        s.params = {unit, work};
        commands_ = {s};
    }
    std::string name() const override { return "zone"; }
    bool loadContent(const std::filesystem::path&, std::vector<Diagnostic>&) override {
        return true;
    }
    std::shared_ptr<const HazardConfig> parse(HazardSection& s) const override {
        auto& r = s.reader;
        r.knownKeys("/hazard", {"type", "x", "y", "radius", "heat_kw_m2", "factor_grid"});
        auto c = std::make_shared<ZoneConfig>();
        c->x = r.number("/hazard", "x").value_or(0);
        c->y = r.number("/hazard", "y").value_or(0);
        s.onMap("/hazard", c->x, c->y);
        c->radius = r.number("/hazard", "radius").value_or(0);
        c->heat = r.number("/hazard", "heat_kw_m2").value_or(0);
        if (auto g = s.loadGrid("/hazard/factor_grid")) c->grid = std::move(*g);
        return c;
    }
    const std::vector<CommandSpec>& commands() const override { return commands_; }
    std::unique_ptr<Hazard> make(const Scenario& sc) const override {
        const auto* c = dynamic_cast<const ZoneConfig*>(sc.hazard.get());
        return c ? std::make_unique<ZoneHazard>(*c) : nullptr;
    }

private:
    std::vector<CommandSpec> commands_;
};

// The shipped content's rules with the built-in hazards and the zone beside them.
const SimContent& zoneContent() {
    static const SimContent content = [] {
        HazardRegistry reg = builtinHazards();
        std::vector<Diagnostic> d;
        reg.loadContent(std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content", d);
        reg.add(std::make_unique<ZoneType>());
        return SimContent(testContent().rules(), std::move(reg));
    }();
    return content;
}

// A scenario folder with the zone scenario and its grid.
std::filesystem::path writeZoneScenario(const std::string& extra = "") {
    const auto dir = std::filesystem::temp_directory_path() / "drillbase-zone-test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "factor.asc") << "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\n"
                                         "cellsize 100\nNODATA_value -9999\n2 2\n1 1\n";
    std::ofstream(dir / "zone.json") << R"({
  "format": "drillbase-scenario/2",
  "id": "zone-test", "title_zh": "测试", "title_en": "Test", "briefing_zh": "", "briefing_en": "",
  "map": {"width_m": 200, "height_m": 200, "cell_m": 5,
          "assembly_points": [{"id": "ap", "x": 190, "y": 100}]},
  "weather": {"wind_speed_m_s": 2, "wind_from_deg": 270},
  "hazard": {"type": "zone", "x": 100, "y": 100, "radius": 30, "heat_kw_m2": 10,
             "factor_grid": "factor.asc")" + extra +
                                            R"(},
  "people": [{"id": "p1", "kind": "resident", "x": 100, "y": 100},
             {"id": "p2", "kind": "worker", "x": 10, "y": 100}],
  "units": [{"id": "u1", "kind": "fire", "x": 10, "y": 90, "speed_m_s": 5}],
  "rubric": {"total_points": 10, "areas": [{"id": "a", "title_zh": "甲", "title_en": "A",
    "items": [{"id": "sealed", "title_zh": "封", "title_en": "Sealed", "max_points": 10,
               "rule": {"type": "within", "event": "zone_sealed", "seconds": 600}}]}]}
})";
    return dir / "zone.json";
}

Scenario loadZone(std::vector<Diagnostic>& d, const std::string& extra = "") {
    const auto sc = loadScenarioFile(writeZoneScenario(extra), zoneContent(), d);
    for (const auto& x : d) MESSAGE(x.format());
    REQUIRE(sc);
    return *sc;
}

}  // namespace

TEST_CASE("a hazard type registered outside the engine reads its section and grid") {
    std::vector<Diagnostic> d;
    const auto sc = loadZone(d);
    CHECK(sc.hazardType == "zone");
    REQUIRE(sc.inputs.size() == 1);
    CHECK(sc.inputs[0].path == "factor.asc");
    CHECK(sc.inputs[0].hash.size() == 16);
    // Its own keys are checked by its own parser, with the engine's located errors.
    std::vector<Diagnostic> bad;
    CHECK_FALSE(loadScenarioFile(writeZoneScenario(R"(, "heat_kw_m": 3)"), zoneContent(), bad));
    REQUIRE_FALSE(bad.empty());
    CHECK(bad[0].pointer == "/hazard/heat_kw_m");
    CHECK(bad[0].message.find("did you mean \"heat_kw_m2\"?") != std::string::npos);
}

TEST_CASE("the plugged-in hazard's command, harm, closed ground and marker work in a drill") {
    std::vector<Diagnostic> d;
    const auto sc = loadZone(d);
    const auto drill = makeDrill(zoneContent(), sc, 1);
    const auto catalog = zoneContent().catalogFor("zone");
    REQUIRE(catalog.find("seal_zone"));
    CHECK(catalog.find("raise_alarm"));        // the engine's commands are there too
    CHECK_FALSE(catalog.find("close_valve"));  // a gas command is not

    // Harm by the hazard's rule: p1 stands in the zone where the grid's factor is 2.
    drill->step();
    const auto& p1 = drill->state().people[0];
    CHECK(p1.harm.peak == doctest::Approx(20));
    CHECK(p1.harm.worstLevel == 3);
    CHECK(drill->state().people[1].harm.peak == 0);

    // The unit walks from west to the north rim of the zone: the closed disc is routed around.
    Command seal = makeCommand("seal_zone");
    seal.unit = "u1";
    seal.value = 10;
    drill->apply(seal);
    double closest = 1e9;
    bool sealed = false;
    for (int i = 0; i < 200 && !sealed; ++i) {
        drill->step();
        const auto& u = drill->state().units[0];
        closest = std::min(closest, std::hypot(u.x - 100, u.y - 100));
        for (const auto& e : drill->events()) sealed = sealed || e.kind == "zone_sealed";
    }
    CHECK(sealed);
    CHECK(closest >= 30 - 5.0 * 0.75);  // never inside the zone (within one nav cell's slack)
    CHECK(drill->hazard()->markers().at(0).active == false);

    // An out-of-range parameter is refused by the catalog, once, in sim.
    Command tooLong = seal;
    tooLong.value = 6000;
    CHECK(catalog.check(tooLong) == "value: must be at most 600 s");
    drill->apply(tooLong);
    CHECK(drill->events().back().kind == "command_rejected");

    // Outcomes come from the generic engine plus the hazard's fatality rule.
    const auto out = computeOutcomes(drill->state(), drill->hazard());
    CHECK(out.at("exposed_level3") == 1);
}

TEST_CASE("after the ground opens, routes are re-planned at the fixed interval") {
    std::vector<Diagnostic> d;
    const auto sc = loadZone(d);
    const auto drill = makeDrill(zoneContent(), sc, 1);
    Command seal = makeCommand("seal_zone");
    seal.unit = "u1";
    seal.value = 1;
    drill->apply(seal);
    // The unit is sent on across the map once it has sealed the zone: its route is re-planned.
    // (Nobody on the way: no event, routes are planned afresh when someone next moves.)
    Command onward = makeCommand("move_unit");
    onward.unit = "u1";
    onward.x = 190;
    onward.y = 190;
    std::int64_t sealedAt = -1, replannedAt = -1;
    for (int i = 0; i < 300 && replannedAt < 0; ++i) {
        drill->step();
        for (const auto& e : drill->events()) {
            if (e.kind == "zone_sealed") sealedAt = e.tick;
            if (e.kind == "routes_replanned") replannedAt = e.tick;
        }
        if (sealedAt == drill->state().tick) drill->apply(onward);
    }
    REQUIRE(sealedAt > 0);
    const auto every = static_cast<std::int64_t>(zoneContent().rules().replanIntervalS);
    CHECK(replannedAt % every == 0);
    CHECK(replannedAt - sealedAt < every + 1);
}

TEST_CASE("a drill of the plugged-in hazard logs and replays to the same hash") {
    std::vector<Diagnostic> d;
    const auto sc = loadZone(d);
    const auto catalog = zoneContent().catalogFor("zone");
    std::vector<Diagnostic> sd;
    const auto sdoc =
        parseJsonText("script.json",
                      R"([{"t": 5, "command": {"type": "seal_zone", "unit": "u1", "value": 20}},
            {"t": 5, "command": {"type": "raise_alarm"}}])",
                      sd);
    REQUIRE(sdoc);
    const auto script = parseActionScript(*sdoc, catalog, sd);
    REQUIRE(script);
    std::stringstream log;
    std::uint64_t hash = 0;
    {
        const auto drill = makeDrill(zoneContent(), sc, 9);
        DrillRecorder rec(*drill, log, sc.file, "text", 9, 30);
        runScript(rec, *drill, *script, 300);
        rec.finish();
        hash = drill->hash();
    }
    auto parsed = readDrillLog(log, "zone.jsonl");
    CHECK(parsed.header.hazardType == "zone");
    REQUIRE(parsed.header.inputs.size() == 1);
    resolveCommands(parsed, catalog, "zone.jsonl");
    const auto fresh = makeDrill(zoneContent(), sc, 9);
    const auto res = replay(parsed, *fresh);
    CHECK(res.ok);
    CHECK(res.checkedHashes == 300 / 30 + 1);
    CHECK(fresh->hash() == hash);

    // A command the catalog does not know is refused with the log's line.
    std::stringstream bad(R"({"format":"drillbase-drill-log/2","seed":1}
{"tick":0,"command":{"type":"seal_zone","unit":"u1","value":20,"valu":3}}
)");
    auto badLog = readDrillLog(bad, "bad.jsonl");
    try {
        resolveCommands(badLog, catalog, "bad.jsonl");
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("bad.jsonl:2: /command/valu: unknown key") == 0);
    }
}
