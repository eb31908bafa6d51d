#include "common/json_source.h"

#include <doctest/doctest.h>

using namespace drillbase;

TEST_CASE("positionOf counts lines and characters, not bytes") {
    const std::string text = "{\n  \"名称\": 1,\n  \"x\": 2\n}";
    // "x" key: line 3, col 3
    const auto off = text.find("\"x\"");
    const auto p = positionOf(text, off);
    CHECK(p.line == 3);
    CHECK(p.col == 3);
    const auto v = positionOf(text, text.find('1'));
    CHECK(v.line == 2);
    CHECK(v.col == 9);  // {2 spaces}"名称": -> 2 + 4 chars + ':' + ' ' = col 9
}

TEST_CASE("source map finds nested values by JSON pointer") {
    const std::string text = R"({"a": {"b/c": [10, {"d~e": "x"}]}, "z": null})";
    std::vector<Diagnostic> diags;
    auto doc = parseJsonText("t.json", text, diags);
    REQUIRE(doc);
    CHECK(diags.empty());
    CHECK(doc->map.offsetOf("/a/b~1c/1/d~0e") == text.find("\"x\""));
    CHECK(doc->map.offsetOf("/a/b~1c/0") == text.find("10"));
    CHECK(doc->map.offsetOf("/z") == text.find("null"));
    CHECK_FALSE(doc->map.offsetOf("/missing").has_value());
    // A missing key is reported at its nearest existing parent.
    const auto d = doc->diag("/a/missing", "required");
    CHECK(d.format() == "t.json:1:7: /a/missing: required");
}

TEST_CASE("escaped keys and strings with quotes do not confuse the scanner") {
    const std::string text = "{\"q\\\"k\": \"a \\\"b\\\" ]}\", \"n\": [1,2]}";
    std::vector<Diagnostic> diags;
    auto doc = parseJsonText("t.json", text, diags);
    REQUIRE(doc);
    CHECK(doc->map.offsetOf("/q\"k").has_value());
    CHECK(doc->map.offsetOf("/n/1") == text.rfind('2'));
}

TEST_CASE("syntax errors name file, line and column") {
    std::vector<Diagnostic> diags;
    auto doc = parseJsonText("broken.json", "{\n  \"a\": 1,\n  \"b\" 2\n}", diags);
    CHECK_FALSE(doc);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "broken.json");
    CHECK(diags[0].pos.line == 3);
    CHECK(diags[0].pos.col == 7);
    CHECK(diags[0].format().rfind("broken.json:3:7: invalid JSON: ", 0) == 0);
}

TEST_CASE("unreadable file is a diagnostic, not an exception") {
    std::vector<Diagnostic> diags;
    CHECK_FALSE(loadJsonFile("/nonexistent/file.json", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message == "cannot read file");
}

TEST_CASE("numbers beyond a double, deep nesting, long strings and repeated keys are located") {
    std::vector<Diagnostic> d;
    CHECK_FALSE(parseJsonText("n.json", "{\n  \"rate\": 1e999\n}", d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].pos.line == 2);
    CHECK(d[0].message.find("number overflow") != std::string::npos);

    d.clear();
    std::string deep(100000, '[');
    deep += std::string(100000, ']');
    CHECK_FALSE(parseJsonText("d.json", deep, d));  // linear, no stack or memory blow-up
    REQUIRE(d.size() == 1);
    CHECK(d[0].pos.col == 65);
    CHECK(d[0].message == "nested deeper than 64 levels");

    d.clear();
    JsonLimits small;
    small.maxStringBytes = 8;
    CHECK_FALSE(parseJsonText("s.json", "[\"123456789\"]", d, small));
    REQUIRE(d.size() == 1);
    CHECK(d[0].pos.col == 2);

    d.clear();
    CHECK_FALSE(parseJsonText("k.json", "{\"a\": {\"b\": 1,\n \"b\": 2}}", d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/a/b");
    CHECK(d[0].pos.line == 2);
    CHECK(d[0].message == "duplicate key");

    d.clear();
    small.maxBytes = 4;
    CHECK_FALSE(parseJsonText("b.json", "[1, 2]", d, small));
    REQUIRE(d.size() == 1);
}
