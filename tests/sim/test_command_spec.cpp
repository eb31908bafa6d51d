// Command declarations: one place says which fields a command has, their ranges and choices;
// reading JSON, checking a command built in code and writing it back all follow it.
#include "scenario_fixture.h"

#include <doctest/doctest.h>

using namespace drillbase;
using namespace drillbase::sim;

namespace {
std::vector<Diagnostic> parseErrors(const std::string& text) {
    std::vector<Diagnostic> d;
    const auto doc = parseJsonText("c.json", text, d);
    REQUIRE(doc);
    CHECK_FALSE(testContent().catalogFor("gas").parse(*doc, "", d));
    return d;
}
}  // namespace

TEST_CASE("a command's fields are read, ranged and written back as declared") {
    const auto catalog = testContent().catalogFor("gas");
    std::vector<Diagnostic> d;
    const auto doc = parseJsonText(
        "c.json", R"({"type": "report_to_authority", "form": "oral", "value": 2})", d);
    const auto c = catalog.parse(*doc, "", d);
    REQUIRE(c);
    CHECK(c->form == "oral");
    CHECK(
        catalog.toJson(*c) ==
        nlohmann::json::parse(R"({"type": "report_to_authority", "form": "oral", "value": 2.0})"));
    CHECK(catalog.check(*c).empty());
}

TEST_CASE("every mistake in a command is located") {
    auto d = parseErrors(R"({"type": "report_to_authority", "form": "fax", "value": 7, "lvl": 1})");
    REQUIRE(d.size() == 3);
    CHECK(d[0].pointer == "/lvl");  // unknown keys first, then fields in declared order
    CHECK(d[1].pointer == "/form");
    CHECK(d[1].message == "must be one of \"oral\", \"written\"");
    CHECK(d[2].pointer == "/value");
    CHECK(d[2].message == "must be at most 4");
    d = parseErrors(R"({"type": "close_valv", "unit": "hazmat-1"})");
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "unknown command \"close_valv\"; did you mean \"close_valve\"?");
    d = parseErrors(R"({"type": "set_cordon", "x": 1, "y": 2, "radius": 0})");
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "must be more than 0 m");
    d = parseErrors(R"({"type": "report_to_authority", "form": "oral", "value": 2.5})");
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "must be a whole number");
}
