#include "ledger/identity_document.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>

namespace fs = std::filesystem;
using namespace drillbase::ledger;

TEST_CASE("identity documents are validated, masked and hashed with a key") {
    const CivilDate today{2026, 11, 23};
    const auto id = parseResidentId("11010519491231002x", today);
    REQUIRE(id.document);
    CHECK(id.document->number == "11010519491231002X");
    CHECK(maskDocument(*id.document) == "110105********002X");

    CHECK(parseResidentId("110105194912310021", today).error.find("expected X, got 1") !=
          std::string::npos);

    const auto pass = parsePassport("e 1234-5678", "deu");
    REQUIRE(pass.document);
    CHECK(pass.document->number == "E12345678");
    CHECK(pass.document->country == "DEU");
    CHECK(maskDocument(*pass.document) == "******678");
    CHECK_FALSE(parsePassport("E12", "DEU").document);
    CHECK_FALSE(parsePassport("E1234567", "DE").document);

    const auto k1 = LookupKey::generate();
    const auto k2 = LookupKey::generate();
    const auto h = lookupHash(*id.document, k1);
    CHECK(h.size() == 64);
    CHECK(h.find("11010519491231002X") == std::string::npos);
    CHECK(lookupHash(*parseResidentId("110105491231002", today).document, k1) == h);  // legacy form
    CHECK(lookupHash(*id.document, k2) != h);  // another key, another hash
    CHECK(LookupKey::fromHex(k1.hex())->bytes() == k1.bytes());
    CHECK_FALSE(LookupKey::fromHex("abc"));
}

TEST_CASE("the look-up key file is created once, private to its owner") {
    const auto dir =
        fs::temp_directory_path() / ("drillbase-test-" + std::to_string(::getpid())) / "key";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto file = dir / "ledger.key";
    const auto a = loadOrCreateLookupKey(file);
    const auto b = loadOrCreateLookupKey(file);
    CHECK(a.bytes() == b.bytes());
    CHECK((fs::status(file).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
          fs::perms::none);
}

TEST_CASE("passports: ICAO 9303 document numbers and issuing states") {
    // The MRZ document number field holds 9 characters; '<' only pads the end.
    CHECK(parsePassport("C01X00T47", "DEU").document->number == "C01X00T47");
    CHECK(parsePassport("c01x00t4<<", "deu").document->number == "C01X00T4");
    CHECK(parsePassport("E1234", "GBR").document);  // our minimum, 5
    CHECK(parsePassport("E1234567890", "GBR").error ==
          "passport number must have 5 to 9 letters or digits (ICAO 9303 MRZ), found 11");
    CHECK(parsePassport("E1234", "GBR").document->number.size() == 5);
    CHECK(parsePassport("E12<34567", "GBR").error.find("may only pad the end") !=
          std::string::npos);
    CHECK(parsePassport("E1234567\xC3\xA9", "GBR").error.find("only the letters A-Z") !=
          std::string::npos);
    CHECK(parsePassport("", "GBR").error == "passport number is empty");
    // Issuing state: three letters, Doc 9303's "D<<" is Germany, CHN is refused with why.
    CHECK(parsePassport("C01X00T47", "D<<").document->country == "DEU");
    CHECK(parsePassport("C01X00T47", "D").document->country == "DEU");
    CHECK(parsePassport("C01X00T47", "UNO").document->country == "UNO");
    CHECK(parsePassport("C01X00T47", "").error.find("country is missing") != std::string::npos);
    CHECK(parsePassport("C01X00T47", "DE1").error.find("3-letter") != std::string::npos);
    CHECK(parsePassport("E12345678", "chn").error.find("resident identity number") !=
          std::string::npos);
    // The same number from two states: two look-up hashes, so two people.
    const auto k = LookupKey::generate();
    CHECK(lookupHash(*parsePassport("C01X00T47", "DEU").document, k) !=
          lookupHash(*parsePassport("C01X00T47", "FRA").document, k));
    CHECK(lookupHash(*parsePassport("c01x-00t47", "deu").document, k) ==
          lookupHash(*parsePassport("C01X00T47", "D<<").document, k));
}
