#include "common/utf8.h"

#include <doctest/doctest.h>

using drillbase::decodeUtf8;

TEST_CASE("decodes ASCII, CJK and astral characters") {
    const auto s = decodeUtf8("a应急😀");
    REQUIRE(s);
    REQUIRE(s->size() == 4);
    CHECK((*s)[0] == U'a');
    CHECK((*s)[1] == U'\u5E94');
    CHECK((*s)[2] == U'\u6025');
    CHECK((*s)[3] == U'\U0001F600');
}

TEST_CASE("rejects malformed UTF-8 and says where") {
    std::size_t at = 99;
    CHECK_FALSE(decodeUtf8("ab\xC0\xAF", &at));  // overlong '/'
    CHECK(at == 2);
    CHECK_FALSE(decodeUtf8("\xED\xA0\x80", &at));  // surrogate
    CHECK(at == 0);
    CHECK_FALSE(decodeUtf8("x\xE5\xBA", &at));  // truncated
    CHECK(at == 1);
    CHECK_FALSE(decodeUtf8("\xFF"));
}
