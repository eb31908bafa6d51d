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
