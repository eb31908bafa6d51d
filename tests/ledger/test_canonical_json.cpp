#include "ledger/canonical_json.h"
#include "ledger/sha256.h"

#include <doctest/doctest.h>

using namespace drillbase::ledger;
using nlohmann::json;

TEST_CASE("canonical JSON sorts keys, drops whitespace and keeps UTF-8 as is") {
    const auto v =
        json::parse(R"({ "b": [1, -2, {"z": null, "a": true}], "a": "张三", "aa": false })");
    CHECK(canonicalJson(v) == R"({"a":"张三","aa":false,"b":[1,-2,{"a":true,"z":null}]})");
    // Same value, other spelling: same bytes.
    const auto w = json::parse(R"({"aa":false,"b":[1,-2,{"a":true,"z":null}],"a":"\u5f20\u4e09"})");
    CHECK(canonicalJson(w) == canonicalJson(v));
}

TEST_CASE("keys are ordered by UTF-8 bytes, so ASCII keys come before Chinese ones") {
    const json v = {{"张", 1}, {"z", 2}, {"Z", 3}, {"aa", 4}, {"a", 5}};
    CHECK(canonicalJson(v) == R"({"Z":3,"a":5,"aa":4,"z":2,"张":1})");
}

TEST_CASE("canonical JSON escapes only quote, backslash and control characters") {
    const json v = {{"s", std::string("q\"b\\n\n\t\x01/é")}};
    CHECK(canonicalJson(v) == "{\"s\":\"q\\\"b\\\\n\\n\\t\\u0001/é\"}");
    CHECK(canonicalJson(json(std::uint64_t{18446744073709551615ull})) == "18446744073709551615");
    CHECK(canonicalJson(json(std::int64_t{-9223372036854775807LL - 1})) == "-9223372036854775808");
}

TEST_CASE("floats and invalid UTF-8 have no canonical form, and the error says where") {
    const json v = {{"hours", {{"theory", 1.5}}}};
    try {
        canonicalJson(v);
        FAIL("expected CanonicalJsonError");
    } catch (const CanonicalJsonError& e) {
        CHECK(std::string(e.what()).find("/hours/theory") != std::string::npos);
    }
    CHECK_THROWS_AS(canonicalJson(json(std::string("\xC3\x28"))), CanonicalJsonError);
    CHECK_THROWS_AS(canonicalJson(json(std::string("\xED\xA0\x80"))),
                    CanonicalJsonError);  // surrogate
    CHECK_THROWS_AS(canonicalJson(json{{std::string("\xFF"), 1}}), CanonicalJsonError);
}

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors") {
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
