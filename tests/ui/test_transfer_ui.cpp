// The transfer work (人员转移) in the drill screen, headless, on the shipped levee-breach
// village: the orders' household, zone and shelter lists come from the scenario's register in
// the trainee's language and never show an id; a click on the map picks the nearest household;
// the event log names households, shelters and zones; orders whose lists are empty (a gas drill
// has no register) are left out; the panel draws in both languages.
#include "drill_ui_fixture.h"
#include "ui/frame.h"
#include "ui/panels/drill_format.h"
#include "ui/panels/drill_orders.h"
#include "ui/panels/order_params.h"
#include "ui/panels/transfer_map.h"
#include "ui/panels/transfer_names.h"
#include "ui_fixture.h"

#include <doctest/doctest.h>

using namespace drillbase;
using namespace drillbase::ui;

namespace {

// Every id of the register: none may appear in what the trainee reads.
std::vector<std::string> registerIds(const sim::TransferDef& reg) {
    std::vector<std::string> ids;
    for (const auto& h : reg.households) ids.push_back(h.id);
    for (const auto& z : reg.zones) ids.push_back(z.id);
    for (const auto& sh : reg.shelters) ids.push_back(sh.id);
    for (const auto& h : reg.households) {
        ids.push_back(h.cadre);
        for (const auto& m : h.members) ids.push_back(m.person);
    }
    return ids;
}

void checkNoId(const std::string& text, const std::vector<std::string>& ids) {
    CAPTURE(text);
    CHECK_FALSE(text.empty());
    for (const auto& id : ids) CHECK(text.find(id) == std::string::npos);
}

const sim::ParamSpec* paramFrom(const sim::CommandSpec& spec, sim::ChoiceSource source) {
    for (const auto& p : spec.params)
        if (p.source == source) return &p;
    return nullptr;
}

}  // namespace

TEST_CASE("household, zone and shelter choices are the register's names, never its ids") {
    App app(sourceContent(), testDbPath("transfer-options"));
    HeadlessImGui imgui(app);
    startShipped(app, "flood-levee-breach-village.json");
    const auto& session = *app.session();
    const auto& reg = session.scenario().transfer;
    REQUIRE(reg.households.size() == 10);
    const auto ids = registerIds(reg);
    const auto& cat = session.catalog();
    const auto* household =
        paramFrom(*cat.find("transfer_household"), sim::ChoiceSource::Households);
    const auto* zone = paramFrom(*cat.find("transfer_zone"), sim::ChoiceSource::Zones);
    const auto* shelter = paramFrom(*cat.find("staff_shelter"), sim::ChoiceSource::Shelters);
    REQUIRE(household);
    REQUIRE(zone);
    REQUIRE(shelter);

    for (const char* loc : {"zh-CN", "en"}) {
        CAPTURE(loc);
        app.setLocale(loc);
        const Strings& s = app.strings();
        const bool zh = std::string(loc) == "zh-CN";
        const auto hs = paramOptions(s, *household, session);
        REQUIRE(hs.size() == reg.households.size());
        for (std::size_t i = 0; i < hs.size(); ++i) {
            CHECK(hs[i].id == reg.households[i].id);  // the command still carries the id
            checkNoId(hs[i].label, ids);
            const auto& head = zh ? reg.households[i].headZh : reg.households[i].headEn;
            CHECK(hs[i].label.find(head) != std::string::npos);
            CHECK(hs[i].label.find(s.tr("household_status.at_home")) != std::string::npos);
        }
        const auto zs = paramOptions(s, *zone, session);
        REQUIRE(zs.size() == reg.zones.size());
        for (std::size_t i = 0; i < zs.size(); ++i) {
            CHECK(zs[i].id == reg.zones[i].id);
            CHECK(zs[i].label == (zh ? reg.zones[i].nameZh : reg.zones[i].nameEn));
        }
        const auto ss = paramOptions(s, *shelter, session);
        REQUIRE(ss.size() == reg.shelters.size());
        for (std::size_t i = 0; i < ss.size(); ++i) {
            checkNoId(ss[i].label, ids);
            const auto& name = zh ? reg.shelters[i].nameZh : reg.shelters[i].nameEn;
            CHECK(ss[i].label.find(name) != std::string::npos);
            CHECK(ss[i].label.find("0/" + std::to_string(reg.shelters[i].capacity)) !=
                  std::string::npos);
        }
        // Members by category, translated.
        const auto members = membersSummary(s, reg.households[0]);
        checkNoId(members, ids);
        CHECK(members.find(s.tr("category.child")) != std::string::npos);
    }

    // The household's label follows its status once it is ordered.
    auto c = sim::makeCommand("transfer_household");
    c.target = reg.households[1].id;
    app.session()->apply(c);
    app.session()->runTicks(1);
    app.setLocale("zh-CN");
    const auto after = paramOptions(app.strings(), *household, *app.session());
    CHECK(after[1].label.find(app.strings().tr("household_status.at_home")) == std::string::npos);
    CHECK(after[0].label.find(app.strings().tr("household_status.at_home")) != std::string::npos);
}

TEST_CASE("a click on the map orders the nearest household") {
    App app(sourceContent(), testDbPath("transfer-click"));
    HeadlessImGui imgui(app);
    app.setLocale("zh-CN");
    startShipped(app, "flood-levee-breach-village.json");
    const auto& t = app.session()->drill().state().transfer;

    SUBCASE("the pick itself") {
        for (std::size_t i = 0; i < t.households.size(); ++i) {
            const auto& h = t.households[i];
            CHECK(nearestHousehold(t, h.x + 4, h.y - 3) == static_cast<int>(i));
        }
        CHECK(nearestHousehold(sim::TransferState{}, 0, 0) == -1);
    }
    SUBCASE("through the map panel") {
        auto& ui = *app.drillView().ui;
        frameAt(app, ImVec2(-1, -1), false);
        ui.armed = "transfer_household";
        const ImVec2 onMap(300, 300);
        frameAt(app, onMap, false);
        const auto cmds = frameAt(app, onMap, true).drillCommands;
        frameAt(app, onMap, false);
        REQUIRE(cmds.size() == 1);
        CHECK(cmds[0].type == "transfer_household");
        bool known = false;
        for (const auto& h : t.households) known = known || h.id == cmds[0].target;
        CHECK(known);
        CHECK(ui.armed.empty());
    }
}

TEST_CASE("the event log names households, shelters and zones from the register") {
    App app(sourceContent(), testDbPath("transfer-events"));
    startShipped(app, "flood-levee-breach-village.json");
    const auto& reg = app.session()->scenario().transfer;
    sim::Event e;
    e.kind = "household_left";
    e.attrs = {
        {"household", reg.households[7].id}, {"shelter", reg.shelters[1].id}, {"moved", "1"}};
    sim::Event z;
    z.kind = "zone_transfer_ordered";
    z.attrs = {{"zone", reg.zones[0].id}, {"priority", "vulnerable_first"}};
    for (const char* loc : {"zh-CN", "en"}) {
        app.setLocale(loc);
        const bool zh = std::string(loc) == "zh-CN";
        const auto text = describeEvent(app.strings(), e, reg);
        CAPTURE(text);
        CHECK(text.find(zh ? reg.households[7].headZh : reg.households[7].headEn) !=
              std::string::npos);
        CHECK(text.find(zh ? reg.shelters[1].nameZh : reg.shelters[1].nameEn) != std::string::npos);
        CHECK(text.find(reg.households[7].id) == std::string::npos);
        CHECK(text.find(reg.shelters[1].id) == std::string::npos);
        const auto zone = describeEvent(app.strings(), z, reg);
        CAPTURE(zone);
        CHECK(zone.find(zh ? reg.zones[0].nameZh : reg.zones[0].nameEn) != std::string::npos);
        CHECK(zone.find(reg.zones[0].id) == std::string::npos);
    }
    // An id the register does not know stays as it is.
    sim::Event other;
    other.kind = "household_left";
    other.attrs = {{"household", "not-in-register"}};
    CHECK(describeEvent(app.strings(), other, reg).find("not-in-register") != std::string::npos);
}

TEST_CASE("the event log names units and people by kind, number and household, not by id") {
    App app(sourceContent(), testDbPath("transfer-agents"));
    startShipped(app, "flood-levee-breach-village.json");
    const auto& reg = app.session()->scenario().transfer;
    const auto& st = app.session()->drill().state();
    sim::Event e;
    e.kind = "rescue_started";
    e.attrs = {{"unit", "rescue-team-2"}, {"person", "villager-4"}};
    app.setLocale("en");
    auto text = describeEvent(app.strings(), e, reg, &st);
    CAPTURE(text);
    CHECK(text.find("Flood rescue team No. 2") != std::string::npos);
    CHECK(text.find("Li Xiuying household") != std::string::npos);
    CHECK(text.find("rescue-team-2") == std::string::npos);
    CHECK(text.find("villager-4") == std::string::npos);
    app.setLocale("zh-CN");
    text = describeEvent(app.strings(), e, reg, &st);
    CAPTURE(text);
    CHECK(text.find("李秀英家") != std::string::npos);
    CHECK(text.find("villager-4") == std::string::npos);
    CHECK(unitLabel(app.strings(), st, 0) == std::string("包保责任人 1号"));
}

TEST_CASE("transfer orders are left out of a drill without a register") {
    App app(sourceContent(), testDbPath("transfer-hidden"));
    HeadlessImGui imgui(app);
    for (const char* file : {"chlorine-waterworks-night.json", "flood-levee-breach-village.json"}) {
        CAPTURE(file);
        startShipped(app, file);
        const auto& session = *app.session();
        const bool hasRegister = !session.scenario().transfer.empty();
        for (const char* id :
             {"transfer_household", "transfer_zone", "staff_shelter", "household_returns"}) {
            CAPTURE(id);
            const auto* spec = session.catalog().find(id);
            REQUIRE(spec);
            CHECK(orderAvailable(app.strings(), *spec, session) == hasRegister);
        }
        // Orders that choose from nothing of the register stay.
        CHECK(orderAvailable(app.strings(), *session.catalog().find("raise_alarm"), session));
    }
}

TEST_CASE("the drill screen draws the transfer work mid-drill in both languages") {
    App app(sourceContent(), testDbPath("transfer-frames"));
    HeadlessImGui imgui(app);
    startShipped(app, "flood-levee-breach-village.json");
    auto w = sim::makeCommand("issue_warning");
    w.form = "orange";
    app.session()->apply(w);
    auto z = sim::makeCommand("transfer_zone");
    z.target = app.session()->scenario().transfer.zones[0].id;
    z.form = "vulnerable_first";
    app.session()->apply(z);
    app.session()->runTicks(400);
    const auto& t = app.session()->drill().state().transfer;
    CHECK(t.warningLevel == 3);
    bool progressed = false;
    for (const auto& h : t.households)
        progressed = progressed || h.status != sim::HouseholdStatus::AtHome;
    CHECK(progressed);
    for (const char* loc : {"zh-CN", "en"}) {
        app.setLocale(loc);
        for (int i = 0; i < 3; ++i) frameAt(app, ImVec2(-1, -1), false);
        CHECK(warningLabel(app.strings(), app.session()->drill().rules().transfer.warningLevels,
                           t.warningLevel) == app.strings().tr("transfer.warning.orange"));
    }
    for (const auto& e : app.session()->drill().timeline()) CHECK(e.kind != "command_rejected");
}
