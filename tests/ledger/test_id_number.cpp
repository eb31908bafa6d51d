#include "ledger/civil_date.h"
#include "ledger/id_number.h"

#include <doctest/doctest.h>

using namespace drillbase::ledger;

namespace {
const CivilDate kToday{2026, 11, 23};
}

TEST_CASE("GB 11643 accepts the standard's published examples") {
    const auto a = parseIdNumber("11010519491231002X", kToday);
    REQUIRE(a.ok());
    CHECK(a.normalized == "11010519491231002X");
    CHECK(a.birthDate == CivilDate{1949, 12, 31});
    CHECK_FALSE(a.male);  // sequence 002: even, a woman

    const auto b = parseIdNumber("440524188001010014", kToday);
    REQUIRE(b.ok());
    CHECK(b.birthDate == CivilDate{1880, 1, 1});
    CHECK(b.male);  // sequence 001: odd

    // Lower-case x and surrounding spaces as typed into a form.
    CHECK(parseIdNumber(" 11010519491231002x ", kToday).normalized == "11010519491231002X");
}

TEST_CASE("the check character is computed with the GB 11643 weights") {
    CHECK(gb11643CheckChar("11010519491231002") == 'X');
    CHECK(gb11643CheckChar("44052418800101001") == '4');
    // Independent computation: sum of digit*weight mod 11 indexes "10X98765432".
    const std::string body = "32010619900307123";
    const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (body[static_cast<std::size_t>(i)] - '0') * w[i];
    CHECK(gb11643CheckChar(body) == "10X98765432"[sum % 11]);
}

TEST_CASE("each kind of bad identity number gets its precise reason") {
    SUBCASE("length") {
        const auto r = parseIdNumber("1101051949123100", kToday);
        CHECK(r.error == IdNumberError::Length);
        CHECK(r.message().find("got 16") != std::string::npos);
        CHECK(parseIdNumber("", kToday).error == IdNumberError::Length);
    }
    SUBCASE("character at a position") {
        const auto r = parseIdNumber("1101051949A231002X", kToday);
        CHECK(r.error == IdNumberError::Character);
        CHECK(r.position == 11);
        CHECK(r.message() == "identity number: character 11 ('A') must be a digit");
        // 'X' is only allowed as the check character.
        CHECK(parseIdNumber("X10105194912310021", kToday).position == 1);
    }
    SUBCASE("not a real date") {
        CHECK(parseIdNumber("110105194902300021", kToday).error == IdNumberError::BirthDate);
        CHECK(parseIdNumber("110105190002290021", kToday).error == IdNumberError::BirthDate);
        CHECK(parseIdNumber("110105194913010021", kToday).error == IdNumberError::BirthDate);
    }
    SUBCASE("born in the future") {
        std::string body = "11010520261124002";  // the day after "today"
        const auto r = parseIdNumber(body + gb11643CheckChar(body), kToday);
        CHECK(r.error == IdNumberError::FutureBirthDate);
        CHECK(r.message().find("2026-11-24") != std::string::npos);
        // Born today is fine.
        body = "11010520261123002";
        CHECK(parseIdNumber(body + gb11643CheckChar(body), kToday).ok());
    }
    SUBCASE("check character") {
        const auto r = parseIdNumber("110105194912310021", kToday);
        CHECK(r.error == IdNumberError::CheckDigit);
        CHECK(r.expected == 'X');
        CHECK(r.got == '1');
        CHECK(r.message() == "identity number: bad check character: expected X, got 1");
    }
}

TEST_CASE("legacy 15-digit numbers convert to 18 characters with the century 19") {
    const auto r = parseIdNumber("110105491231002", kToday);
    REQUIRE(r.ok());
    CHECK(r.legacy15);
    CHECK(r.normalized == "11010519491231002X");
    CHECK(r.birthDate == CivilDate{1949, 12, 31});
    CHECK(parseIdNumber("110105490231002", kToday).error == IdNumberError::BirthDate);
}

TEST_CASE("masking keeps the address code and the last four characters") {
    CHECK(maskIdNumber("11010519491231002X") == "110105********002X");
    CHECK(maskIdNumber("110105199001011234") == "110105********1234");
    CHECK(maskIdNumber("12345") == "*****");
}

TEST_CASE("civil dates: day arithmetic, leap years, ISO text") {
    CHECK(CivilDate{1970, 1, 1}.toDays() == 0);
    CHECK(CivilDate{2000, 3, 1}.toDays() - CivilDate{2000, 2, 28}.toDays() == 2);
    CHECK(CivilDate::fromDays(CivilDate{2026, 11, 23}.toDays()) == CivilDate{2026, 11, 23});
    CHECK(CivilDate{2024, 2, 29}.addYears(6) == CivilDate{2030, 2, 28});
    CHECK(CivilDate{2026, 1, 31}.addMonths(1) == CivilDate{2026, 2, 28});
    CHECK(CivilDate{2026, 11, 23}.addDays(60) == CivilDate{2027, 1, 22});
    CHECK(parseIsoDate("2026-02-29") == std::nullopt);
    CHECK(parseIsoDate("2024-02-29") == CivilDate{2024, 2, 29});
    CHECK(parseIsoDate("2024-2-29") == std::nullopt);
    CHECK(CivilDate{2026, 1, 5}.iso() == "2026-01-05");
}
