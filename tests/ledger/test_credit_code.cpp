#include "ledger/credit_code.h"

#include <doctest/doctest.h>

using namespace drillbase::ledger;

namespace {
// The check character computed here independently of the library, straight from GB 32100-2015.
char independentCheck(const std::string& first17) {
    const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int sum = 0, weight = 1;
    for (const char c : first17) {
        sum += static_cast<int>(alphabet.find(c)) * weight;
        weight = weight * 3 % 31;  // W_i = 3^(i-1) mod 31
    }
    const int v = 31 - sum % 31;
    return alphabet[static_cast<std::size_t>(v == 31 ? 0 : v)];
}
}  // namespace

TEST_CASE("published unified social credit codes are valid") {
    // Huawei Technologies Co., Ltd. (华为技术有限公司), as published in its business registration.
    CHECK(parseCreditCode("914403001922038216").ok());
    // A Tencent company in Shenzhen, published as the content producer in AIGC labels.
    CHECK(parseCreditCode("91440300708461136T").ok());
    CHECK(parseCreditCode(" 91440300708461136t ").normalized == "91440300708461136T");
}

TEST_CASE("constructed codes: the library agrees with an independent computation") {
    for (const std::string body : {"91110000MA01ABCDE", "12100000400000000", "51310115MJ0000000",
                                   "93420100MA4K00000", "Y1110105000000000"}) {
        CAPTURE(body);
        const char check = independentCheck(body);
        CHECK(gb32100CheckChar(body) == check);
        CHECK(parseCreditCode(body + check).ok());
    }
    // Sum mod 31 == 0 gives 31, written as '0': find such a body by changing the last char.
    std::string body = "9111000000000000";
    for (const char c : std::string("0123456789ABCDEFGHJKLMNPQRTUWXY")) {
        if (independentCheck(body + c) == '0') {
            CHECK(gb32100CheckChar(body + c) == '0');
            CHECK(parseCreditCode(body + c + '0').ok());
            break;
        }
    }
}

TEST_CASE("bad credit codes get precise reasons") {
    auto r = parseCreditCode("91440300192203821");
    CHECK(r.error == CreditCodeError::Length);
    CHECK(r.position == 17);

    r = parseCreditCode("914403001922038217");
    CHECK(r.error == CreditCodeError::CheckChar);
    CHECK(r.expected == '6');
    CHECK(r.got == '7');
    CHECK(r.message() == "unified social credit code: bad check character: expected 6, got 7");

    r = parseCreditCode("9144030019220I8216");  // 'I' is not in the alphabet
    CHECK(r.error == CreditCodeError::Character);
    CHECK(r.position == 14);

    r = parseCreditCode("9144A3001922038216");  // division code must be digits
    CHECK(r.error == CreditCodeError::Character);
    CHECK(r.position == 5);
    CHECK(r.message().find("administrative division") != std::string::npos);
}
