// Exports: CSV (BOM, RFC 4180) and xAPI, and above all that no identity number leaves the
// ledger in the clear, nor its look-up hash.
#include "ledger/bulk_writer.h"
#include "ledger/export_csv.h"
#include "ledger/export_xapi.h"
#include "ledger/records_archive.h"
#include "ledger/records_csv.h"
#include "ledger/synth.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "export";
constexpr const char* kBaseId = "base-exp";

struct Province {
    std::vector<std::string> ids;     // every identity number registered
    std::vector<std::string> hashes;  // their keyed look-up hashes
};

Province build(SqliteDb& db, std::int64_t people) {
    const auto key = LookupKey::generate();
    BulkWriter writer(db, key, rules());
    Province p;
    SynthOptions o;
    o.people = people;
    o.seed = 11;
    o.today = kToday;
    o.registeredIdNumbers = &p.ids;
    synthesizeProvince(writer, industries(), regions(), o);
    // A name that needs quoting, and a passport holder (masked differently).
    writer.registerOrganisation("914403001922038216", "华为 \"技术\", 有限公司", "manufacturing",
                                kAt);
    const auto doc = *parseResidentId("11010519491231002X", kToday).document;
    const auto zhang = writer.registerPerson("张三, \"小张\"", doc, kAt);
    writer.assignRole(zhang, "914403001922038216", Role::SafetyManager, kToday, kAt);
    writer.recordTraining(zhang, kToday, 32, "initial", "主要负责人\n安全培训", kAt);
    p.ids.push_back("11010519491231002X");
    auto st = db.prepare("SELECT id_hash FROM people");
    while (st.step()) p.hashes.push_back(st.columnText(0));
    return p;
}

// No full number, no address+birth-date prefix (the masked middle), no look-up hash.
void checkNothingLeaks(const std::string& out, const Province& p) {
    int leaks = 0;
    for (const auto& id : p.ids) {
        if (out.find(id) != std::string::npos || out.find(id.substr(0, 14)) != std::string::npos) {
            ++leaks;
            FAIL_CHECK("identity number " << id << " leaked");
        }
    }
    for (const auto& h : p.hashes)
        if (out.find(h) != std::string::npos) ++leaks;
    CHECK(leaks == 0);
}

}  // namespace

TEST_CASE("CSV export: BOM, header, one row per person-record, RFC 4180, masked numbers") {
    SqliteDb db(freshDb(kDbFolder, "csv", kBaseId));
    const auto p = build(db, 400);
    REQUIRE(p.hashes.size() == 401);
    std::ostringstream out;
    const auto rows = exportCsv(db, out);
    const std::string text = out.str();
    CHECK(text.rfind("\xEF\xBB\xBF"
                     "person_id,name,id_number_masked,record,",
                     0) == 0);
    checkNothingLeaks(text, p);

    const auto doc = parseCsv(text);
    REQUIRE_FALSE(doc.error);
    REQUIRE(doc.records.size() == static_cast<std::size_t>(rows) + 1);
    CHECK(doc.records[0].fields == csvExportHeader());
    // Rows equal the records in the derived tables.
    auto total = db.prepare(
        "SELECT (SELECT count(*) FROM roles) + (SELECT count(*) FROM training) + "
        "(SELECT count(*) FROM assessments) + (SELECT count(*) FROM certificates) + "
        "(SELECT count(*) FROM certificate_reviews)");
    total.step();
    CHECK(rows == total.columnInt(0));
    std::set<std::string> kinds;
    bool sawZhang = false;
    for (std::size_t i = 1; i < doc.records.size(); ++i) {
        const auto& f = doc.records[i].fields;
        REQUIRE(f.size() == csvExportHeader().size());
        kinds.insert(f[3]);
        // Masked: 6 digits, 8 stars, 4 characters.
        CHECK(f[2].size() == 18);
        CHECK(f[2].substr(6, 8) == "********");
        if (!f[15].empty()) CHECK(f[15].substr(7, 8) == "********");
        if (f[1] == "张三, \"小张\"") {
            sawZhang = true;
            CHECK(f[2] == "110105********002X");
            if (f[3] == "role") CHECK(f[7] == "华为 \"技术\", 有限公司");
            if (f[3] == "training") CHECK(f[9] == "主要负责人\n安全培训");
        }
    }
    CHECK(sawZhang);
    CHECK(kinds ==
          std::set<std::string>{"role", "training", "exam", "certificate", "certificate_review"});
}

TEST_CASE("xAPI export: statements with a pseudonymous account actor, no identity number") {
    SqliteDb db(freshDb(kDbFolder, "xapi", kBaseId));
    const auto p = build(db, 300);
    std::ostringstream out;
    const auto n = exportXapi(db, out, {});
    const std::string text = out.str();
    checkNothingLeaks(text, p);
    const auto all = nlohmann::json::parse(text);
    REQUIRE(all.is_array());
    CHECK(all.size() == static_cast<std::size_t>(n));
    std::set<std::string> ids, verbs;
    for (const auto& s : all) {
        const auto& actor = s.at("actor");
        CHECK(actor.at("objectType") == "Agent");
        CHECK(actor.at("account").at("homePage") == "https://drillbase.local");
        const std::string name = actor.at("account").at("name");
        CHECK(name.rfind("base-exp:", 0) == 0);  // the ledger's person id
        CHECK_FALSE(actor.contains("mbox"));
        CHECK_FALSE(actor.contains("name"));  // no personal name sent
        const std::string id = s.at("id");
        CHECK(id.size() == 36);
        CHECK(id[14] == '8');  // RFC 9562 version 8
        ids.insert(id);
        verbs.insert(s.at("verb").at("id").get<std::string>());
        if (s.at("result").contains("score")) {
            const auto& sc = s.at("result").at("score");
            CHECK(sc.at("raw").get<int>() <= sc.at("max").get<int>());
            CHECK(s.at("result").at("success") == (sc.at("raw").get<int>() >= 80));
        }
    }
    CHECK(ids.size() == all.size());  // unique statement ids
    CHECK(verbs.count("http://adlnet.gov/expapi/verbs/attended"));
    CHECK(verbs.count("http://adlnet.gov/expapi/verbs/passed"));
    CHECK(verbs.count("http://adlnet.gov/expapi/verbs/failed"));
    CHECK(verbs.count("http://id.tincanapi.com/verb/earned"));
    // Exporting again gives the same statement ids (an LRS de-duplicates on them).
    std::ostringstream again;
    exportXapi(db, again, {});
    CHECK(again.str() == text);
}

TEST_CASE("records CSV reader: quoting, CRLF, BOM, and unbalanced quotes located") {
    const auto doc = parseCsv(
        "\xEF\xBB\xBF"
        "a,\"b,\"\"c\"\"\",d\r\n\r\n1,\"x\ny\",3\n");
    REQUIRE_FALSE(doc.error);
    REQUIRE(doc.records.size() == 2);
    CHECK(doc.records[0].fields == std::vector<std::string>{"a", "b,\"c\"", "d"});
    CHECK(doc.records[1].line == 3);
    CHECK(doc.records[1].fields == std::vector<std::string>{"1", "x\ny", "3"});
    const auto bad = parseCsv("a,b\n1,\"open,3\n4,5,6\n");
    REQUIRE(bad.error);
    CHECK(bad.error->line == 2);
    CHECK(bad.error->column == 2);
    CHECK(bad.records.size() == 1);
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

TEST_CASE("exports: complete drill and quiz results appear, scored in tenths out of 100") {
    SqliteDb db(freshDb(kDbFolder, "results", kBaseId));
    const auto p = build(db, 20);
    {
        auto t =
            db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'results'");
        if (!t.step()) {
            MESSAGE("no results table in this build's projections: nothing to export");
            return;
        }
    }
    std::string person;
    {
        auto st = db.prepare("SELECT person_id FROM people ORDER BY rowid LIMIT 1");
        st.step();
        person = st.columnText(0);
    }
    // Rows as the projection writes them for AssessmentRecorded events.
    auto ins = db.prepare(
        "INSERT INTO results(event_id, person_id, kind, title, reference, on_date, score_tenths, "
        "pass_tenths, passed, attempt, grade, source_hash, complete) "
        "VALUES(?, ?, ?, '氯气泄漏处置', 'chlorine-waterworks-night', '2026-11-20', ?, 600, ?, 1, "
        "?, 'abc', ?)");
    ins.bind(1, std::string("base-exp:9001")).bind(2, person).bind(3, std::string("drill"));
    ins.bind(4, 789).bind(5, 1).bind(6, std::string("良")).bind(7, 1);
    ins.step();
    ins.reset();
    ins.bind(1, std::string("base-exp:9002")).bind(2, person).bind(3, std::string("drill"));
    ins.bind(4, 500).bind(5, 0).bind(6, std::string("")).bind(7, 0);  // awaiting an evaluator
    ins.step();

    const auto a = ArchiveReader(db).person(person);
    REQUIRE(a);
    int results = 0;
    for (const auto& r : a->records)
        if (r.record == "drill_result") {
            ++results;
            CHECK(r.score == 789);
            CHECK(r.grade == "良");
            CHECK(r.reference == "chlorine-waterworks-night");
        }
    CHECK(results == 1);  // the incomplete one is not a record yet

    std::ostringstream csv;
    exportCsv(db, csv);
    CHECK(csv.str().find(
              ",drill_result,base-exp:9001,2026-11-20,,,,氯气泄漏处置,,,78.9,100,yes,,,良") !=
          std::string::npos);
    CHECK(csv.str().find("base-exp:9002") == std::string::npos);
    std::ostringstream xapi;
    exportXapi(db, xapi, {});
    bool found = false;
    for (const auto& s : nlohmann::json::parse(xapi.str())) {
        if (s.at("result")
                .at("extensions")
                .value("https://drillbase.local/xapi/activities/extensions/record-id", "") !=
            "base-exp:9001")
            continue;
        found = true;
        CHECK(s.at("verb").at("id") == "http://adlnet.gov/expapi/verbs/passed");
        CHECK(s.at("object").at("id") ==
              "https://drillbase.local/xapi/activities/drill/chlorine-waterworks-night");
        CHECK(s.at("result").at("score").at("raw").get<double>() == doctest::Approx(78.9));
        CHECK(s.at("result").at("score").at("scaled").get<double>() == doctest::Approx(0.789));
    }
    CHECK(found);
    checkNothingLeaks(csv.str() + xapi.str(), p);
}

TEST_CASE("exports: passport holders are masked too, in CSV and in xAPI") {
    SqliteDb db(freshDb(kDbFolder, "passport", kBaseId));
    BulkWriter writer(db, LookupKey::generate(), rules());
    const std::string org = "914403001922038216";
    writer.registerOrganisation(org, "华为技术有限公司", "manufacturing", kAt);
    // The same number from two states is two people (the look-up hash covers the state).
    const std::pair<const char*, const char*> passports[] = {
        {"C01X00T47", "DEU"}, {"C01X00T47", "FRA"}, {"TK1234567", "JPN"}};
    std::set<std::string> people;
    for (const auto& [number, country] : passports) {
        const auto id = writer.registerPerson(std::string("Staff ") + country,
                                              *parsePassport(number, country).document, kAt);
        writer.assignRole(id, org, Role::NewWorker, kToday, kAt);
        writer.recordTraining(id, kToday, 24, "initial", "三级安全教育", kAt);
        people.insert(id);
    }
    REQUIRE(people.size() == 3);
    std::vector<std::string> hashes;
    auto st = db.prepare("SELECT id_hash FROM people");
    while (st.step()) hashes.push_back(st.columnText(0));
    auto leaks = [&](const std::string& text) {
        int n = 0;
        for (const char* part : {"C01X00T47", "TK1234567", "C01X00T", "TK12345"})
            if (text.find(part) != std::string::npos) ++n;
        for (const auto& h : hashes)
            if (text.find(h) != std::string::npos) ++n;
        return n;
    };

    std::ostringstream csv;
    CHECK(exportCsv(db, csv) == 6);  // a role and a training record each
    CHECK(leaks(csv.str()) == 0);
    const auto doc = parseCsv(csv.str());
    REQUIRE_FALSE(doc.error);
    REQUIRE(doc.records.size() == 7);
    for (std::size_t i = 1; i < doc.records.size(); ++i) {
        const auto& f = doc.records[i].fields;
        CHECK(people.count(f[0]) == 1);
        CHECK(f[2] == (f[1] == "Staff JPN" ? "******567" : "******T47"));
    }

    std::ostringstream xapi;
    CHECK(exportXapi(db, xapi, {}) == 3);  // one "attended" per training
    CHECK(leaks(xapi.str()) == 0);
    for (const auto& s : nlohmann::json::parse(xapi.str()))
        CHECK(people.count(s.at("actor").at("account").at("name").get<std::string>()) == 1);
}
