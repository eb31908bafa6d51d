// content/chemicals.json: it loads, covers the gases common in Chinese industry with sourced
// and checked values, and broken files are reported with the field that is wrong.
#include "sim/chemicals.h"
#include "sim/dispersion/units.h"

#include <doctest/doctest.h>

#include <array>
#include <cmath>

using namespace drillbase;
using namespace drillbase::sim;

namespace {

ChemicalTable shipped() {
    std::vector<Diagnostic> diags;
    auto t = ChemicalTable::load(
        std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content" / "chemicals.json", diags);
    for (const auto& d : diags) MESSAGE(d.format());
    REQUIRE(t.has_value());
    return *t;
}

// Parses `text` as a chemicals file expected to fail; returns all messages joined.
std::string errorsOf(const std::string& text) {
    std::vector<Diagnostic> diags;
    auto doc = parseJsonText("bad.json", text, diags);
    REQUIRE(doc.has_value());
    CHECK_FALSE(ChemicalTable::fromDocument(*doc, diags).has_value());
    std::string all;
    for (const auto& d : diags) all += d.format() + "\n";
    return all;
}

// True when `text` loads as a chemicals file without any diagnostic.
bool loadsCleanly(const std::string& text) {
    std::vector<Diagnostic> diags;
    auto doc = parseJsonText("ok.json", text, diags);
    const bool ok = doc && ChemicalTable::fromDocument(*doc, diags).has_value();
    for (const auto& d : diags) MESSAGE(d.format());
    return ok && diags.empty();
}

const char* kGood = R"({"format": "drillbase-chemicals/1", "chemicals": [{
  "id": "x", "name": {"zh-CN": "某气", "en": "X"}, "cas": "1-1-1", "formula": "X",
  "molecularWeight": 50, "propertiesSource": "test",
  "aegl": {"unit": "ppm", "source": "test", "aegl1": null,
           "aegl2": {"60min": 2}, "aegl3": {"60min": 10},
           "checks": [{"values": ["aegl2", "aegl3"], "status": "confirmed",
                       "source": "test", "checked": "2026-12-01"}]}}]})";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

constexpr std::array<AeglDuration, 5> kDurations = {AeglDuration::Min10, AeglDuration::Min30,
                                                    AeglDuration::Min60, AeglDuration::Hour4,
                                                    AeglDuration::Hour8};

// Published final AEGLs, ppm at 10 min, 30 min, 60 min, 4 h, 8 h: US EPA compiled table of final
// AEGLs (www.epa.gov/oppt/aegl/pubs/compiled_aegls_050409.pdf, 2009), which carries the values
// of NRC "Acute Exposure Guideline Levels for Selected Airborne Chemicals" Vol. 4 (2004;
// hydrogen chloride, hydrogen fluoride) and Vol. 1 (2000; phosgene).
struct Published {
    const char* id;
    int level;
    std::array<double, 5> ppm;
};
constexpr std::array<Published, 6> kPublished = {{
    {"hydrogen_chloride", 2, {100, 43, 22, 11, 11}},
    {"hydrogen_chloride", 3, {620, 210, 100, 26, 26}},
    {"hydrogen_fluoride", 2, {95, 34, 24, 12, 12}},
    {"hydrogen_fluoride", 3, {170, 62, 44, 22, 22}},
    {"phosgene", 2, {0.60, 0.60, 0.30, 0.080, 0.040}},
    {"phosgene", 3, {3.6, 1.5, 0.75, 0.20, 0.090}},
}};

}  // namespace

TEST_CASE("the shipped chemicals load and every gas has MW, AEGL and sources") {
    const auto table = shipped();
    CHECK(table.all().size() >= 10);
    for (const char* id : {"chlorine", "ammonia", "hydrogen_sulfide", "sulfur_dioxide",
                           "hydrogen_chloride", "hydrogen_cyanide", "phosgene", "carbon_monoxide",
                           "nitrogen_dioxide", "hydrogen_fluoride"}) {
        CAPTURE(id);
        CHECK(table.find(id) != nullptr);
    }
    for (const auto& c : table.all()) {
        CAPTURE(c.id);
        CHECK(c.molecularWeight > 1);
        CHECK_FALSE(c.nameZh.empty());
        CHECK_FALSE(c.nameEn.empty());
        CHECK_FALSE(c.propertiesSource.empty());
        CHECK_FALSE(c.aeglSource.empty());
        CHECK(c.aeglMgPerM3(2).has_value());
        CHECK(c.aeglMgPerM3(3).has_value());
        CHECK(*c.aeglMgPerM3(2) < *c.aeglMgPerM3(3));
        if (c.idlhPpm) CHECK_FALSE(c.idlhSource.empty());
        if (c.probit) CHECK_FALSE(c.probit->source.empty());
    }
}

TEST_CASE("published values come through with their units") {
    const auto table = shipped();
    const Chemical* cl2 = table.find("Chlorine");
    REQUIRE(cl2);
    CHECK(cl2->molecularWeight == doctest::Approx(70.90));
    CHECK(*cl2->aegl[2].at(AeglDuration::Min60) == 20);  // ppm
    CHECK(*cl2->aeglMgPerM3(3) == doctest::Approx(20 * 70.90 / 24.45));
    CHECK(*cl2->idlhPpm == 10);
    const Chemical* cogcl2 = table.find("phosgene");
    REQUIRE(cogcl2);
    CHECK_FALSE(cogcl2->aeglMgPerM3(1).has_value());  // AEGL-1 not recommended
    CHECK(table.find("hydrogen sulfide") == table.find("hydrogen_sulfide"));
    CHECK(table.find("7664-41-7") == table.find("ammonia"));
    CHECK(table.find("argon") == nullptr);
}

TEST_CASE("hydrogen chloride, hydrogen fluoride and phosgene AEGL-2/3 are the published values") {
    const auto table = shipped();
    for (const auto& p : kPublished) {
        const Chemical* c = table.find(p.id);
        REQUIRE(c);
        const AeglTier& tier = c->aegl[static_cast<std::size_t>(p.level - 1)];
        for (std::size_t d = 0; d < kDurations.size(); ++d) {
            CAPTURE(p.id);
            CAPTURE(p.level);
            CAPTURE(kAeglDurationKeys[d]);
            REQUIRE(tier.at(kDurations[d]).has_value());
            CHECK(*tier.at(kDurations[d]) == doctest::Approx(p.ppm[d]).epsilon(1e-12));
            REQUIRE(tier.checkAt(kDurations[d]).has_value());
            CHECK(tier.checkAt(kDurations[d])->status == CheckStatus::Confirmed);
            CHECK(tier.checkAt(kDurations[d])->source.find("compiled_aegls_050409") !=
                  std::string::npos);
        }
    }
}

TEST_CASE("sulfur dioxide AEGL-3 is 30, 30, 30, 19, 9.6 ppm, marked corrected where it changed") {
    // US EPA AEGL table for sulfur dioxide (NRC Vol. 8 (2010), ch. 9), as quoted in the issue.
    const auto table = shipped();
    const Chemical* so2 = table.find("sulfur_dioxide");
    REQUIRE(so2);
    const std::array<double, 5> published = {30, 30, 30, 19, 9.6};
    const std::array<CheckStatus, 5> status = {CheckStatus::Corrected, CheckStatus::Corrected,
                                               CheckStatus::Corrected, CheckStatus::Confirmed,
                                               CheckStatus::Corrected};
    for (std::size_t d = 0; d < kDurations.size(); ++d) {
        CAPTURE(kAeglDurationKeys[d]);
        CHECK(*so2->aegl[2].at(kDurations[d]) == doctest::Approx(published[d]).epsilon(1e-12));
        REQUIRE(so2->aegl[2].checkAt(kDurations[d]));
        CHECK(so2->aegl[2].checkAt(kDurations[d])->status == status[d]);
    }
    // The old, extrapolated value is kept in the note of the correction.
    CHECK(so2->aegl[2].checkAt(AeglDuration::Min10)->note.find("42") != std::string::npos);
}

TEST_CASE("every shipped AEGL value carries a dated, sourced check mark") {
    const auto table = shipped();
    for (const auto& c : table.all()) {
        for (std::size_t lv = 0; lv < 3; ++lv) {
            for (std::size_t d = 0; d < kDurations.size(); ++d) {
                if (!c.aegl[lv].ppm[d]) continue;
                CAPTURE(c.id);
                CAPTURE(lv + 1);
                CAPTURE(kAeglDurationKeys[d]);
                const auto& mark = c.aegl[lv].check[d];
                REQUIRE(mark.has_value());
                CHECK_FALSE(mark->source.empty());
                CHECK(mark->checked.size() == 10);
                if (mark->status != CheckStatus::Confirmed) CHECK_FALSE(mark->note.empty());
            }
        }
    }
}

TEST_CASE("the chlorine probit gives a plausible lethality") {
    const auto table = shipped();
    const Chemical* cl2 = table.find("chlorine");
    REQUIRE(cl2->probit);
    // Withers & Lees: Y = -8.29 + 0.92 ln(C^2 t), C ppm, t min.
    const double mg = ppmToMgPerM3(400, 70.90);
    const double y = *cl2->probitValue(mg, 10);
    CHECK(y == doctest::Approx(-8.29 + 0.92 * std::log(400.0 * 400.0 * 10)).epsilon(1e-9));
    CHECK(probitToFraction(5) == doctest::Approx(0.5));
    CHECK(probitToFraction(y) > 0.3);
    CHECK(probitToFraction(y) < 0.7);  // ~433 ppm for 10 min is their LC50
}

TEST_CASE("a valid minimal file loads") {
    std::vector<Diagnostic> diags;
    auto doc = parseJsonText("ok.json", kGood, diags);
    REQUIRE(doc);
    CHECK(ChemicalTable::fromDocument(*doc, diags).has_value());
    CHECK(diags.empty());
}

TEST_CASE("invalid chemicals files name the field that is wrong") {
    SUBCASE("missing molecular weight") {
        const auto e = errorsOf(replaced(kGood, R"("molecularWeight": 50,)", ""));
        CHECK(e.find("/chemicals/0") != std::string::npos);
        CHECK(e.find("molecularWeight") != std::string::npos);
    }
    SUBCASE("molecular weight of the wrong type") {
        const auto e =
            errorsOf(replaced(kGood, R"("molecularWeight": 50)", R"("molecularWeight": "50")"));
        CHECK(e.find("bad.json:3:") != std::string::npos);
        CHECK(e.find("/chemicals/0/molecularWeight: must be a number") != std::string::npos);
    }
    SUBCASE("negative AEGL") {
        const auto e = errorsOf(replaced(kGood, R"({"60min": 2})", R"({"60min": -2})"));
        CHECK(e.find("/chemicals/0/aegl/aegl2/60min: must be greater than zero") !=
              std::string::npos);
    }
    SUBCASE("AEGL-3 below AEGL-2") {
        const auto e = errorsOf(replaced(kGood, R"({"60min": 10})", R"({"60min": 1})"));
        CHECK(e.find("/chemicals/0/aegl/aegl3/60min: AEGL-3 is below AEGL-2") != std::string::npos);
    }
    SUBCASE("no 60-minute AEGL-3") {
        const auto e = errorsOf(replaced(kGood, R"({"60min": 10})", R"({"30min": 10})"));
        CHECK(e.find("/chemicals/0/aegl/aegl3") != std::string::npos);
        CHECK(e.find("60min") != std::string::npos);
    }
    SUBCASE("empty source") {
        const auto e = errorsOf(replaced(kGood, R"("unit": "ppm", "source": "test")",
                                         R"("unit": "ppm", "source": "")"));
        CHECK(e.find("/chemicals/0/aegl/source: must name the published source") !=
              std::string::npos);
    }
    SUBCASE("unknown duration key") {
        const auto e = errorsOf(replaced(kGood, R"({"60min": 2})", R"({"60min": 2, "1h": 2})"));
        CHECK(e.find("/chemicals/0/aegl/aegl2/1h: unknown duration") != std::string::npos);
    }
    SUBCASE("wrong format") {
        const auto e = errorsOf(replaced(kGood, "drillbase-chemicals/1", "other/9"));
        CHECK(e.find("/format: unsupported format") != std::string::npos);
    }
}

TEST_CASE("a misspelt key anywhere in the file is a located error naming the key meant") {
    SUBCASE("in a chemical") {
        const auto e =
            errorsOf(replaced(kGood, R"("molecularWeight": 50)", R"("molecularWieght": 50)"));
        CHECK(e.find("bad.json:3:22: /chemicals/0/molecularWieght: unknown key "
                     "\"molecularWieght\"; did you mean \"molecularWeight\"?") !=
              std::string::npos);
    }
    SUBCASE("in a check mark") {
        const auto e = errorsOf(
            replaced(kGood, R"("source": "test", "checked")", R"("sorce": "test", "checked")"));
        CHECK(e.find("bad.json:7:33: /chemicals/0/aegl/checks/0/sorce: unknown key \"sorce\"; "
                     "did you mean \"source\"?") != std::string::npos);
    }
    SUBCASE("at the top") {
        const auto e = errorsOf(replaced(kGood, R"("format")", R"("fromat")"));
        CHECK(e.find("bad.json:1:12: /fromat: unknown key \"fromat\"; did you mean "
                     "\"format\"?") != std::string::npos);
    }
}

TEST_CASE("invalid check marks are located errors") {
    SUBCASE("unknown status, near a known one") {
        const auto e = errorsOf(replaced(kGood, R"("confirmed")", R"("confimed")"));
        CHECK(e.find("bad.json:6:64: /chemicals/0/aegl/checks/0/status: unknown status "
                     "\"confimed\"; did you mean \"confirmed\"?") != std::string::npos);
        CHECK(e.find("needs a \"note\"") == std::string::npos);  // one error, not two
    }
    SUBCASE("unknown status, near none") {
        const auto e = errorsOf(replaced(kGood, R"("confirmed")", R"("approved")"));
        CHECK(e.find("/chemicals/0/aegl/checks/0/status: unknown status \"approved\" (use "
                     "confirmed, corrected or unconfirmed)") != std::string::npos);
    }
    SUBCASE("a value without a mark") {
        const auto e = errorsOf(replaced(kGood, R"(["aegl2", "aegl3"])", R"(["aegl3"])"));
        CHECK(e.find("bad.json:5:31: /chemicals/0/aegl/aegl2/60min: no check mark") !=
              std::string::npos);
    }
    SUBCASE("a value marked twice") {
        const auto e = errorsOf(
            replaced(kGood, R"(["aegl2", "aegl3"])", R"(["aegl2", "aegl3", "aegl2/60min"])"));
        CHECK(e.find("/chemicals/0/aegl/checks/0/values/2: aegl2/60min is already marked at "
                     "/chemicals/0/aegl/checks/0/values/0") != std::string::npos);
    }
    SUBCASE("a value name that is not an AEGL") {
        const auto e = errorsOf(replaced(kGood, R"("aegl3"])", R"("aegl3", "aegl4"])"));
        CHECK(e.find("/chemicals/0/aegl/checks/0/values/2: unknown AEGL value \"aegl4\"; did "
                     "you mean") != std::string::npos);
    }
    SUBCASE("not a calendar date") {
        const auto e = errorsOf(replaced(kGood, "2026-12-01", "2026-02-30"));
        CHECK(e.find("/chemicals/0/aegl/checks/0/checked: must be the date of the check") !=
              std::string::npos);
    }
    SUBCASE("unconfirmed without a reason") {
        const auto e = errorsOf(replaced(kGood, R"("confirmed")", R"("unconfirmed")"));
        CHECK(e.find("/chemicals/0/aegl/checks/0: a corrected or unconfirmed value needs a "
                     "\"note\"") != std::string::npos);
        CHECK(loadsCleanly(replaced(kGood, R"("status": "confirmed")",
                                    R"("status": "unconfirmed", "note": "no copy")")));
    }
    SUBCASE("no checks at all") {
        const auto e = errorsOf(replaced(kGood, R"("checks")", R"("checkz")"));
        CHECK(e.find("did you mean \"checks\"?") != std::string::npos);
        CHECK(e.find("/chemicals/0/aegl: missing required field \"checks\"") != std::string::npos);
    }
}
