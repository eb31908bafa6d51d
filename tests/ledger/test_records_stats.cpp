// Records statistics (records_stats.h) on a hand-built ledger whose figures are known for
// every group; the organisation fields they group by; the projection schema upgrade.
#include "ledger/event_kinds.h"
#include "ledger/id_number.h"
#include "ledger/ledger.h"
#include "ledger/records_stats.h"
#include "ledger/regions.h"
#include "ledger/synth.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "stats";
const char* kOrgA = "914403001922038216";  // manufacturing; region from its code: 440300
const char* kOrgB = "9137030312353597XX";  // metal smelting; region from its code: 370303
const char* kOrgC = "91370602123456788P";  // hazardous chemicals; region given: 370103

std::string idNumber(int n) {
    std::string first17 = "37010219850606" + std::to_string(100 + n);
    return first17 + gb11643CheckChar(first17);
}

std::string person(Ledger& l, int n, const char* org, Role role, const CivilDate& since) {
    const auto doc = *parseResidentId(idNumber(n), {2026, 11, 23}).document;
    std::string name = "李";
    name += std::to_string(n);
    const auto id = l.registerPerson(name, doc, kAt);
    l.assignRole(id, org, role, since, kAt);
    return id;
}

void certificate(Ledger& l, const std::string& p, int n, const CivilDate& theory,
                 const CivilDate& issued) {
    l.recordExam(p, "special_operations", ExamPart::Theory, theory, 85, kAt);
    l.recordExam(p, "special_operations", ExamPart::Practical, theory.addDays(3), 90, kAt);
    std::string number = "T";
    number += idNumber(n);
    l.issueSpecialOpsCertificate(p, number, "焊接与热切割作业", issued, kAt);
}

// Period 2026-01-01 .. 2026-06-30:
//  P1 A new worker since 2026-01-05, 24 h on 01-06
//  P2 A safety manager since 2025-06-01, 32 h on 2025-06-02 (before), 12 h annual on 03-10
//  P3 B special ops since 2025-01-01, 48 h on 01-20, theory failed 02-01, passed 02-08,
//     practical 02-11, certificate 02-20
//  P4 B new worker since 2026-05-01, no training
//  P5 C special ops since 2023-07-01, certificate 2023-08-01: review due 2026-08-01, its
//     window opens 2026-06-02
struct Province {
    fs::path file;
    SqliteDb db;
    Ledger ledger;
    explicit Province(const std::string& name)
        : file(freshDb(kDbFolder, name)),
          db(file),
          ledger(db, LookupKey::generate(), industries(), rules(), trainingKinds()) {
        ledger.registerOrganisation(kOrgA, "甲公司", "manufacturing", kAt);
        ledger.registerOrganisation(kOrgB, "乙冶金", "metal_smelting", kAt);
        ledger.registerOrganisation(
            {kOrgC, "丙化工", "hazardous_chemicals", "370103", "", "city", "red"}, kAt);
        const auto p1 = person(ledger, 1, kOrgA, Role::NewWorker, {2026, 1, 5});
        ledger.recordTraining(p1, {2026, 1, 6}, 24, "initial", "三级安全教育", kAt);
        const auto p2 = person(ledger, 2, kOrgA, Role::SafetyManager, {2025, 6, 1});
        ledger.recordTraining(p2, {2025, 6, 2}, 32, "initial", "安全管理", kAt);
        ledger.recordTraining(p2, {2026, 3, 10}, 12, "annual", "再培训", kAt);
        const auto p3 = person(ledger, 3, kOrgB, Role::SpecialOperationsWorker, {2025, 1, 1});
        ledger.recordTraining(p3, {2026, 1, 20}, 48, "initial", "焊接培训", kAt);
        ledger.recordExam(p3, "special_operations", ExamPart::Theory, {2026, 2, 1}, 60, kAt);
        certificate(ledger, p3, 3, {2026, 2, 8}, {2026, 2, 20});
        person(ledger, 4, kOrgB, Role::NewWorker, {2026, 5, 1});
        const auto p5 = person(ledger, 5, kOrgC, Role::SpecialOperationsWorker, {2023, 7, 1});
        certificate(ledger, p5, 5, {2023, 7, 10}, {2023, 8, 1});
    }
    std::map<std::string, StatsRow> stats(StatsGroup by, const CivilDate& to = {2026, 6, 30}) {
        std::map<std::string, StatsRow> out;
        for (auto& r :
             recordsStats(db, by, {2026, 1, 1}, to, regions().regions, rules(), industries()))
            out[r.key] = r;
        return out;
    }
};

void checkRow(const StatsRow& r, std::int64_t people, std::int64_t trained, std::int64_t taken,
              std::int64_t passed, std::int64_t valid, std::int64_t due) {
    INFO("row " << r.key);
    CHECK(r.people == people);
    CHECK(r.trained == trained);
    CHECK(r.examsTaken == taken);
    CHECK(r.examsPassed == passed);
    CHECK(r.certificatesValid == valid);
    CHECK(r.certificatesDue == due);
}

}  // namespace

TEST_CASE("records stats by region: the organisation's region, else its credit code's") {
    Province p("region");
    auto rows = p.stats(StatsGroup::Region);
    REQUIRE(rows.size() == 3);
    checkRow(rows.at("440300"), 2, 2, 0, 0, 0, 0);
    checkRow(rows.at("370303"), 2, 1, 3, 2, 1, 0);
    checkRow(rows.at("370103"), 1, 0, 0, 0, 1, 1);
    CHECK(rows.at("370303").label == "淄博市张店区");
    CHECK(rows.at("370303").labelEn == "Zhangdian District, Zibo");
    CHECK(rows.at("370103").label == "济南市市中区");
    CHECK(rows.at("440300").label == "440300");  // not in regions.json: the code itself
    // P5's review window opens on 2026-06-02: not yet due on 2026-06-01.
    rows = p.stats(StatsGroup::Region, {2026, 6, 1});
    CHECK(rows.at("370103").certificatesDue == 0);
    CHECK(rows.at("370103").certificatesValid == 1);
    // P4 took the post on 2026-05-01: not counted in a period ending the day before.
    CHECK(p.stats(StatsGroup::Region, {2026, 4, 30}).at("370303").people == 1);
}

TEST_CASE("records stats: records of people holding no role in the period are left out") {
    // A regression: someone with training, exams and a certificate but no role by the period's
    // end once made the statistics read past the end of an array.
    Province p("no-role");
    const auto doc = *parseResidentId(idNumber(9), {2026, 11, 23}).document;
    const auto loose = p.ledger.registerPerson("李9", doc, kAt);
    p.ledger.recordTraining(loose, {2026, 2, 1}, 8, "initial", "无岗位培训", kAt);
    certificate(p.ledger, loose, 9, {2026, 2, 10}, {2026, 2, 20});
    auto rows = p.stats(StatsGroup::Region);
    REQUIRE(rows.size() == 3);
    checkRow(rows.at("440300"), 2, 2, 0, 0, 0, 0);
    checkRow(rows.at("370303"), 2, 1, 3, 2, 1, 0);
    checkRow(rows.at("370103"), 1, 0, 0, 0, 1, 1);
    // A one-day period with that person's certificate in it.
    for (const auto by : {StatsGroup::Region, StatsGroup::Industry, StatsGroup::Month})
        CHECK_NOTHROW(recordsStats(p.db, by, {2026, 2, 20}, {2026, 2, 20}, regions().regions,
                                   rules(), industries()));
}

TEST_CASE("records stats by industry") {
    Province p("industry");
    const auto rows = p.stats(StatsGroup::Industry);
    REQUIRE(rows.size() == 3);
    checkRow(rows.at("manufacturing"), 2, 2, 0, 0, 0, 0);
    checkRow(rows.at("metal_smelting"), 2, 1, 3, 2, 1, 0);
    checkRow(rows.at("hazardous_chemicals"), 1, 0, 0, 0, 1, 1);
    CHECK(rows.at("metal_smelting").label == "金属冶炼");
    CHECK(rows.at("metal_smelting").labelEn == "Metal smelting");
}

TEST_CASE("records stats by month: head count at each month's end, records in the month") {
    Province p("month");
    const auto rows = p.stats(StatsGroup::Month);
    REQUIRE(rows.size() == 6);
    checkRow(rows.at("2026-01"), 4, 2, 0, 0, 1, 0);
    checkRow(rows.at("2026-02"), 4, 0, 3, 2, 2, 0);
    checkRow(rows.at("2026-03"), 4, 1, 0, 0, 2, 0);
    checkRow(rows.at("2026-04"), 4, 0, 0, 0, 2, 0);
    checkRow(rows.at("2026-05"), 5, 0, 0, 0, 2, 0);
    checkRow(rows.at("2026-06"), 5, 0, 0, 0, 2, 1);
    // A period ending mid-month takes that month's figures on its last day.
    const auto part = p.stats(StatsGroup::Month, {2026, 6, 1});
    CHECK(part.at("2026-06").certificatesDue == 0);
}

TEST_CASE("records stats refuse a period that ends before it starts") {
    Province p("period");
    CHECK_THROWS_AS(recordsStats(p.db, StatsGroup::Region, {2026, 6, 1}, {2026, 5, 31},
                                 regions().regions, rules(), industries()),
                    std::invalid_argument);
    CHECK(statsGroupFromName("industry") == StatsGroup::Industry);
    CHECK_FALSE(statsGroupFromName("town"));
}

TEST_CASE("organisation fields: stored when given, left out of the event when not") {
    const auto file = freshDb(kDbFolder, "org-fields");
    SqliteDb db(file);
    Ledger ledger(db, LookupKey::generate(), industries(), rules(), trainingKinds());
    ledger.registerOrganisation(kOrgA, "甲公司", "manufacturing", kAt);
    ledger.registerOrganisation(
        {kOrgC, "丙化工", "hazardous_chemicals", "370103", "七里河街道", "county", "orange"}, kAt);
    // The three-field form writes exactly the payload of earlier versions (same hashes).
    CHECK(count(db, "SELECT count(*) FROM events WHERE payload = '{\"credit_code\":\"" +
                        std::string(kOrgA) +
                        "\",\"industry\":\"manufacturing\",\"name\":\"甲公司\"}'") == 1);
    CHECK(count(db, "SELECT count(*) FROM organisations WHERE credit_code = '" +
                        std::string(kOrgA) +
                        "' AND region = '440300' AND town = '' AND risk_colour = ''") == 1);
    CHECK(count(db,
                "SELECT count(*) FROM organisations WHERE region = '370103' AND "
                "town = '七里河街道' AND supervision_level = 'county' AND "
                "risk_colour = 'orange'") == 1);

    const auto before = count(db, "SELECT count(*) FROM events");
    const auto refused = [&](OrganisationInput o, const char* field) {
        INFO(field);
        CHECK_THROWS_WITH_AS(ledger.registerOrganisation(o, kAt), doctest::Contains(field),
                             LedgerError);
    };
    refused({kOrgB, "乙", "metal_smelting", "37030", "", "", ""}, "region");
    refused({kOrgB, "乙", "metal_smelting", "3703A3", "", "", ""}, "region");
    refused({kOrgB, "乙", "metal_smelting", "", "", "township", ""}, "supervision level");
    refused({kOrgB, "乙", "metal_smelting", "", "", "", "green"}, "risk colour");
    refused({kOrgB, "乙", "metal_smelting", "", std::string(65, 'x'), "", ""}, "town");
    refused({kOrgB, "乙", "metal_smelting", "", "\xff", "", ""}, "town");
    CHECK(count(db, "SELECT count(*) FROM events") == before);
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("projection schema upgrade: an old-shape organisations table is rebuilt") {
    const auto file = freshDb(kDbFolder, "upgrade");
    {
        // A database written before the organisation fields: the old table, one event, and
        // no projection_schema entry.
        SqliteDb db(file);
        SqliteEventStorage storage(db);
        EventStore store(storage);
        store.append(
            {kinds::kOrganisationRegistered,
             kAt,
             {{"credit_code", kOrgB}, {"name", "乙冶金"}, {"industry", "metal_smelting"}}});
        db.exec(
            "CREATE TABLE organisations(credit_code TEXT PRIMARY KEY, name TEXT NOT NULL, "
            "industry TEXT NOT NULL, event_id TEXT NOT NULL);"
            "INSERT INTO organisations VALUES('" +
            std::string(kOrgB) +
            "', '乙冶金', 'metal_smelting', 'base-test:1');"
            "INSERT INTO ledger_meta(key, value) VALUES('projected_through', '1')");
        CHECK_THROWS_AS(db.prepare("SELECT region FROM organisations"), DbError);
    }
    SqliteDb db(file);
    Ledger ledger(db, LookupKey::generate(), industries(), rules(), trainingKinds());
    CHECK(count(db, "SELECT count(*) FROM organisations WHERE credit_code = '" +
                        std::string(kOrgB) + "' AND region = '370303'") == 1);
    CHECK(count(db, "SELECT value FROM ledger_meta WHERE key = 'projection_schema'") ==
          kProjectionSchemaVersion);
    CHECK(count(db, "SELECT value FROM ledger_meta WHERE key = 'projected_through'") == 1);
    // And the upgraded ledger records as usual.
    ledger.registerOrganisation({kOrgA, "甲公司", "manufacturing", "", "", "", "blue"}, kAt);
    CHECK(count(db, "SELECT count(*) FROM organisations") == 2);
    CHECK(ledger.events().verify().ok());
}

TEST_CASE("regions: the shipped list, labels, and refused documents") {
    const auto& r = regions();
    REQUIRE(r.find("370102"));
    CHECK(r.find("370102")->cityCode == "370100");
    CHECK(r.find("370100")->level == RegionLevel::City);
    CHECK(r.labelZh("370102") == "济南市历下区");
    CHECK(r.labelZh("370100") == "山东省济南市");
    CHECK(r.labelEn("370000") == "Shandong Province");
    CHECK(r.synthCounties.size() == 14);
    CHECK(r.synthCounties.front() == "370102");

    nlohmann::json doc = {{"format", "drillbase-regions/1"},
                          {"version", "t"},
                          {"synth_counties", {"370102", "370100"}},
                          {"regions",
                           {{{"code", "370000"}, {"zh", "山东省"}, {"en", "Shandong"}},
                            {{"code", "370100"}, {"zh", "济南市"}, {"en", "Jinan"}},
                            {{"code", "370102"}, {"zh", "历下区"}, {"en", "Lixia"}},
                            {{"code", "370102"}, {"zh", "历下区"}, {"en", "Lixia"}},
                            {{"code", "41000"}, {"zh", "?"}, {"en", "?"}},
                            {{"code", "410102"}, {"zh", "?"}, {"en", "?"}}}}};
    const auto load = readRegions(doc);
    CHECK_FALSE(load.list);
    std::map<std::string, std::string> issues;
    for (const auto& i : load.issues) issues[i.pointer] = i.message;
    CHECK(issues["/regions/3/code"].find("duplicate") != std::string::npos);
    CHECK(issues["/regions/4/code"].find("six-digit") != std::string::npos);
    CHECK(issues["/regions/5/code"].find("province 410000") != std::string::npos);
    CHECK(issues["/synth_counties/1"].find("county-level") != std::string::npos);
}

TEST_CASE("synth: organisations carry a supervision level and a risk colour, mostly blue/yellow") {
    const auto file = freshDb(kDbFolder, "synth-fields");
    SqliteDb db(file);
    BulkWriter writer(db, LookupKey::generate(), rules());
    SynthOptions o;
    o.people = 6000;  // 40 organisations
    o.seed = 5;
    synthesizeProvince(writer, industries(), regions(), o);
    const auto orgs = count(db, "SELECT count(*) FROM organisations");
    REQUIRE(orgs == 40);
    CHECK(count(db,
                "SELECT count(*) FROM organisations WHERE supervision_level IN "
                "('national', 'provincial', 'city', 'county')") == orgs);
    CHECK(count(db,
                "SELECT count(*) FROM organisations WHERE risk_colour IN "
                "('red', 'orange', 'yellow', 'blue')") == orgs);
    const auto low = count(db,
                           "SELECT count(*) FROM organisations WHERE risk_colour IN "
                           "('blue', 'yellow')");
    CHECK(low * 2 > orgs);
    CHECK(count(db, "SELECT count(*) FROM organisations WHERE risk_colour = 'red'") * 5 < orgs);
    // No region given: each counts in its credit code's county, one of the synth counties.
    CHECK(
        count(db, "SELECT count(*) FROM organisations WHERE region = substr(credit_code, 3, 6)") ==
        orgs);
    auto st = db.prepare("SELECT DISTINCT region FROM organisations");
    while (st.step()) {
        const auto& c = regions().synthCounties;
        CHECK(std::find(c.begin(), c.end(), st.columnText(0)) != c.end());
    }
}
