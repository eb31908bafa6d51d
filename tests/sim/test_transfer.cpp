// The transfer work (人员转移) on the shipped levee-breach village's register, with a fixture
// hazard standing in for the water so each rule is checked in isolation: cadres calling in
// order, members not at home, vulnerable first, shelters over capacity, head counts, returns
// stopped by shelter staff, "moved before the water", warnings, and located register errors.
#include "fake_hazard.h"
#include "scenario_fixture.h"
#include "sim/engine/drill.h"
#include "sim/engine/outcomes.h"

#include <doctest/doctest.h>

using namespace drillbase;
using namespace drillbase::sim;

namespace {

constexpr const char* kVillage = "flood-levee-breach-village.json";

// The village with its injects removed (a test adds what it needs) and water nowhere yet.
struct Village {
    Scenario sc = [] {
        auto s = loadShipped(kVillage);
        s.injects.clear();
        return s;
    }();
    DiscHazard* water = nullptr;
    std::unique_ptr<Drill> drill;

    Village() {
        auto h = std::make_unique<DiscHazard>();
        water = h.get();
        drill = std::make_unique<Drill>(sc, 7, std::move(h), testContent().rules(),
                                        testContent().catalogFor("flood"));
    }
    void order(const char* type, const char* target = "", const char* form = "",
               const char* unit = "") {
        Command c = makeCommand(type);
        c.target = target;
        c.form = form;
        c.unit = unit;
        drill->apply(c);
    }
    void run(int seconds) {
        for (int i = 0; i < seconds; ++i) drill->step();
    }
    const HouseholdState& household(const std::string& id) const {
        for (const auto& h : drill->state().transfer.households)
            if (h.id == id) return h;
        FAIL("no household " << id);
        throw;
    }
    const PersonState& person(const std::string& id) const {
        for (const auto& p : drill->state().people)
            if (p.id == id) return p;
        FAIL("no person " << id);
        throw;
    }
    double outcome(const char* key) const { return computeOutcomes(drill->state())[key]; }
    const Event* last(const std::string& kind) const {
        const Event* e = nullptr;
        for (const auto& x : drill->timeline())
            if (x.kind == kind) e = &x;
        return e;
    }
    int count(const std::string& kind) const {
        int n = 0;
        for (const auto& x : drill->timeline()) n += x.kind == kind;
        return n;
    }
};

}  // namespace

TEST_CASE("the register gives each member a household, a category and a cadre") {
    Village v;
    const auto& t = v.drill->state().transfer;
    REQUIRE(t.households.size() == 10);
    REQUIRE(t.shelters.size() == 2);
    CHECK(t.shelters[0].capacity == 12);
    const auto& bedridden = v.person("villager-16");
    CHECK(bedridden.vulnerable);
    CHECK(bedridden.speedFactor == doctest::Approx(0.3));
    CHECK(v.person("villager-5").speedFactor == 1);
    CHECK_FALSE(v.person("villager-5").vulnerable);
    CHECK(v.household("hh-8").vulnerable);
    CHECK_FALSE(v.household("hh-3").vulnerable);
    CHECK(v.drill->state().units[static_cast<std::size_t>(v.household("hh-8").cadre)].id ==
          "cadre-3");
    CHECK(v.outcome("transfer_households") == 10);
}

TEST_CASE("a cadre calls, works the handling time, and the household walks to its shelter") {
    Village v;
    v.order("transfer_household", "hh-8");
    CHECK(v.household("hh-8").status == HouseholdStatus::Ordered);
    v.run(1);
    CHECK(v.household("hh-8").status == HouseholdStatus::CadreOnWay);
    // cadre-3 walks about 85 m at 3 m/s, then 180 s + 600 s for a bedridden member.
    v.run(60);
    const auto& h = v.household("hh-8");
    REQUIRE(h.status == HouseholdStatus::Handling);
    const auto visit = h.visitTick;
    CHECK(visit < 60);
    v.run(static_cast<int>(visit + 779 - v.drill->state().tick));
    CHECK(v.household("hh-8").status == HouseholdStatus::Handling);
    v.run(1);
    REQUIRE(v.household("hh-8").status == HouseholdStatus::Moving);
    CHECK(v.household("hh-8").leftTick == visit + 780);
    CHECK(v.person("villager-16").action == PersonAction::Evacuating);
    // To the east ridge (planned for group 2), carried at 0.3 × 1.2 m/s.
    const auto& shelters = v.drill->state().transfer.shelters;
    CHECK(v.person("villager-16").tx == shelters[1].x);
    v.run(6000);
    CHECK(v.household("hh-8").status == HouseholdStatus::Sheltered);
    CHECK(v.drill->state().transfer.shelters[1].count == 1);
    CHECK(v.outcome("transfer_households_sheltered") == 1);
    CHECK(v.outcome("transfer_unaccounted") == 0);
}

TEST_CASE("a member not at home is reported, counted as unaccounted until found") {
    Village v;
    v.order("transfer_household", "hh-7");
    v.run(600);
    const auto* missing = v.last("household_member_missing");
    REQUIRE(missing);
    CHECK(missing->attrs.at("person") == "villager-15");
    CHECK(v.household("hh-7").missing == 1);
    v.order("head_count");
    v.run(1);
    const auto* hc = v.last("head_count_taken");
    REQUIRE(hc);
    CHECK(hc->attrs.at("expected") == "3");
    CHECK(hc->attrs.at("unaccounted") == "1");
    REQUIRE(v.last("person_unaccounted"));
    CHECK(v.last("person_unaccounted")->attrs.at("person") == "villager-15");
    CHECK(v.outcome("transfer_unaccounted") == 1);
    // A rescue team finds them in the fields and brings them to the nearest shelter.
    Command r = makeCommand("rescue_casualty");
    r.unit = "rescue-team-1";
    r.target = "villager-15";
    v.drill->apply(r);
    v.run(4000);
    CHECK(v.person("villager-15").shelter >= 0);
    CHECK(v.outcome("transfer_unaccounted") == 0);
}

TEST_CASE("a zone order calls on the vulnerable first only when told to") {
    // Group 2 lists hh-6 (ordinary) before hh-7 (a child) and hh-8 (bedridden), all cadre-3's,
    // and hh-9 (ordinary) before hh-10 (an elderly person living alone), cadre-4's.
    Village plain;
    plain.order("transfer_zone", "group-2", "register_order");
    plain.run(3000);
    CHECK(plain.outcome("transfer_vulnerable_not_first") == 3);
    Village careful;
    careful.order("transfer_zone", "group-2", "vulnerable_first");
    CHECK(careful.last("zone_transfer_ordered")->attrs.at("households") == "5");
    careful.run(3000);
    CHECK(careful.outcome("transfer_vulnerable_not_first") == 0);
    CHECK(careful.household("hh-7").visitTick < careful.household("hh-6").visitTick);
    // A household already on its way cannot be ordered again.
    careful.order("transfer_household", "hh-6");
    REQUIRE(careful.last("command_rejected"));
}

TEST_CASE("one shelter for the whole village runs over its capacity") {
    Village v;
    Command c = makeCommand("evacuate_area");
    c.x = 1100;
    c.y = 600;
    c.radius = 1000;
    c.target = "school-shelter";
    v.drill->apply(c);
    v.run(5000);
    const auto* over = v.last("shelter_over_capacity");
    REQUIRE(over);
    CHECK(over->attrs.at("capacity") == "12");
    CHECK(v.count("shelter_over_capacity") == 1);
    CHECK(v.drill->state().transfer.shelters[0].peak > 12);
    CHECK(v.outcome("transfer_shelter_over_capacity") ==
          v.drill->state().transfer.shelters[0].peak - 12);
}

TEST_CASE("nobody leaves a staffed shelter before the warning is lifted") {
    auto sheltered = [](Village& v) {
        v.order("issue_warning", "", "red");
        v.order("transfer_household", "hh-3");
        v.run(2500);
        REQUIRE(v.household("hh-3").status == HouseholdStatus::Sheltered);
    };
    Village unmanaged;
    sheltered(unmanaged);
    // cadre-1 went with them and stayed: staffed. Sent back to the village, nobody is left.
    CHECK(unmanaged.last("unit_dispatched")->attrs.count("shelter") == 1);
    Command away = makeCommand("move_unit");
    away.unit = "cadre-1";
    away.x = 1150;
    away.y = 610;
    unmanaged.drill->apply(away);
    unmanaged.run(1);
    unmanaged.order("household_returns", "hh-3");
    REQUIRE(unmanaged.last("household_returned"));
    CHECK(unmanaged.last("household_returned")->attrs.at("during_warning") == "yes");
    unmanaged.run(2000);
    CHECK(unmanaged.person("villager-5").action == PersonAction::Unaware);
    CHECK(unmanaged.outcome("transfer_returned_during_warning") == 2);
    CHECK(unmanaged.outcome("transfer_unaccounted") == 2);
    // Ordered again, they come back and the finding is cleared.
    unmanaged.order("transfer_household", "hh-3");
    unmanaged.run(2500);
    CHECK(unmanaged.outcome("transfer_returned_during_warning") == 0);

    Village managed;  // a rescue team sent to manage the school, and cadre-1 staying there
    managed.order("staff_shelter", "school-shelter", "", "rescue-team-2");
    sheltered(managed);
    REQUIRE(managed.last("shelter_staffed"));
    managed.order("household_returns", "hh-3");
    CHECK(managed.last("return_stopped"));
    CHECK_FALSE(managed.last("household_returned"));
    CHECK(managed.household("hh-3").status == HouseholdStatus::Sheltered);
    // Once the warning is lifted, going home is no finding.
    managed.order("lift_warning");
    managed.order("household_returns", "hh-3");
    REQUIRE(managed.last("household_returned"));
    CHECK(managed.last("household_returned")->attrs.at("during_warning") == "no");
}

TEST_CASE("a household the water reaches with people at home is late") {
    Village v;
    v.order("transfer_household", "hh-2");
    v.run(700);
    REQUIRE(v.household("hh-2").status >= HouseholdStatus::Moving);
    // Water arrives over the north row: hh-2 has left, hh-1 was never ordered.
    v.water->cx = 980;
    v.water->cy = 700;
    v.water->radius = 60;
    v.water->level = 5;
    v.run(1);
    CHECK(v.household("hh-1").waterTick == v.drill->state().tick);
    CHECK(v.household("hh-1").homeWhenReached == 3);
    CHECK(v.household("hh-2").homeWhenReached == 0);
    CHECK(v.outcome("transfer_households_at_risk") == 2);
    CHECK(v.outcome("transfer_households_late") == 1);
    CHECK(v.count("household_water_reached") == 2);
}

TEST_CASE("warnings and response stages are raised, lifted and refused when unknown") {
    Village v;
    v.order("issue_warning", "", "orange");
    CHECK(v.drill->state().transfer.warningLevel == 3);
    v.order("set_response_stage", "", "II");
    CHECK(v.drill->state().transfer.responseStage == 2);
    v.order("lift_warning");
    CHECK(v.drill->state().transfer.warningLevel == 0);
    v.order("lift_warning");
    CHECK(v.last("command_rejected"));
    v.order("issue_warning", "", "purple");
    CHECK(v.count("command_rejected") == 2);
    v.order("transfer_household", "hh-99");
    CHECK(v.count("command_rejected") == 3);
}

TEST_CASE("an interrupted visit is resumed and the same orders give the same hash") {
    auto play = [](bool interrupt) {
        Village v;
        v.order("transfer_zone", "group-1", "vulnerable_first");
        v.run(30);
        if (interrupt) {
            Command m = makeCommand("move_unit");
            m.unit = "cadre-1";
            m.x = 1150;
            m.y = 600;
            v.drill->apply(m);
        }
        v.run(3000);
        return std::make_pair(v.drill->hash(), v.count("household_visit_interrupted"));
    };
    const auto a = play(false), b = play(false), c = play(true);
    CHECK(a.first == b.first);
    CHECK(a.second == 0);
    CHECK(c.second == 1);
    CHECK(c.first != a.first);
}

TEST_CASE("register errors are located and name what is wrong") {
    std::vector<Diagnostic> d;
    auto doc = loadJsonFile(shippedScenario(kVillage), d);
    REQUIRE(doc);
    auto& j = doc->value;
    auto& hh = j["transfer"]["households"];
    hh[0]["members"][0]["person"] = "nobody";
    hh[1]["members"][0]["category"] = "elderly";
    hh[2]["members"].push_back({{"person", "villager-2"}, {"category", "adult"}});
    hh[3]["cadre"] = "cadre-9";
    j["transfer"]["shelters"][1]["id"] = "hill";
    j["transfer"]["shelters"][0]["capacity"] = 0;
    const auto edited = parseJsonText(shippedScenario(kVillage).string(), j.dump(1), d);
    REQUIRE(edited);
    CHECK_FALSE(loadScenario(*edited, testContent(), d));
    std::string all;
    for (const auto& x : d) all += x.format() + "\n";
    CHECK(all.find("/transfer/households/0/members/0/person: unknown person \"nobody\"") !=
          std::string::npos);
    CHECK(all.find("/transfer/households/1/members/0/category: unknown category \"elderly\"") !=
          std::string::npos);
    CHECK(all.find("\"villager-2\" is already a member of \"hh-1\"") != std::string::npos);
    CHECK(all.find("/transfer/households/3/cadre: unknown unit \"cadre-9\"") != std::string::npos);
    CHECK(all.find("/transfer/shelters/1/id: \"hill\" is not an assembly point") !=
          std::string::npos);
    CHECK(all.find("/transfer/shelters/0/capacity: must be 1 to") != std::string::npos);
}

TEST_CASE("content/transfer.json: the shipped file equals the defaults; bad values are located") {
    std::vector<Diagnostic> d;
    const auto doc =
        loadJsonFile(std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content" / "transfer.json", d);
    REQUIRE(doc);
    const auto shipped = parseTransferRules(*doc, d);
    REQUIRE(shipped);
    const TransferRules defaults;
    CHECK(shipped->householdHandlingS == defaults.householdHandlingS);
    CHECK(shipped->homeRadiusM == defaults.homeRadiusM);
    CHECK(shipped->staffedRadiusM == defaults.staffedRadiusM);
    REQUIRE(shipped->categories.size() == defaults.categories.size());
    for (std::size_t i = 0; i < defaults.categories.size(); ++i) {
        CHECK(shipped->categories[i].id == defaults.categories[i].id);
        CHECK(shipped->categories[i].vulnerable == defaults.categories[i].vulnerable);
        CHECK(shipped->categories[i].extraHandlingS == defaults.categories[i].extraHandlingS);
        CHECK(shipped->categories[i].speedFactor == defaults.categories[i].speedFactor);
    }
    CHECK(shipped->warningLevels == defaults.warningLevels);
    CHECK(shipped->responseStages == defaults.responseStages);

    const auto bad = parseJsonText("t.json", R"({
  "format": "drillbase-transfer-rules/1",
  "household_handling_s": {"value": -5, "unit": "s", "source": "x", "verified": false},
  "categories": [{"id": "child", "vulnerable": true, "extra_handling_s": 60, "speed_factor": 2}],
  "warning_levels": ["blue", "red"]
})",
                                   d);
    REQUIRE(bad);
    std::vector<Diagnostic> out;
    CHECK_FALSE(parseTransferRules(*bad, out));
    std::string all;
    for (const auto& x : out) all += x.format() + "\n";
    CHECK(all.find("t.json:3:") != std::string::npos);
    INFO(all);
    CHECK(all.find("/household_handling_s/value: must be in [0") != std::string::npos);
    CHECK(all.find("/categories/0/speed_factor: must be in (0, 1]") != std::string::npos);
    CHECK(all.find("/categories: must define \"adult\"") != std::string::npos);
    CHECK(all.find("/warning_levels: must list 4 names") != std::string::npos);
}

TEST_CASE("a head count tells those waiting for their cadre from those unaccounted for") {
    Village v;
    v.order("transfer_household", "hh-7");  // cadre-3 first calls here (villager-15 is out)
    v.order("transfer_household", "hh-8");  // then here: bedridden, still at home meanwhile
    v.run(600);
    REQUIRE(v.household("hh-7").status >= HouseholdStatus::Moving);
    REQUIRE(v.household("hh-8").status < HouseholdStatus::Moving);
    v.order("head_count");
    const auto* hc = v.last("head_count_taken");
    REQUIRE(hc);
    CHECK(hc->attrs.at("expected") == "4");
    CHECK(hc->attrs.at("awaiting_cadre") == "1");
    CHECK(hc->attrs.at("unaccounted") == "1");
    CHECK(v.count("person_unaccounted") == 1);
}
