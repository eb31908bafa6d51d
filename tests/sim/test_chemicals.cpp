// content/chemicals.json: it loads, covers the gases common in Chinese industry with sourced
// values, and broken files are reported with the field that is wrong.
#include "sim/chemicals.h"
#include "sim/dispersion/units.h"

#include <doctest/doctest.h>

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

const char* kGood = R"({"format": "drillbase-chemicals/1", "chemicals": [{
  "id": "x", "name": {"zh-CN": "某气", "en": "X"}, "cas": "1-1-1", "formula": "X",
  "molecularWeight": 50, "propertiesSource": "test",
  "aegl": {"unit": "ppm", "source": "test", "aegl1": null,
           "aegl2": {"60min": 2}, "aegl3": {"60min": 10}}}]})";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

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
