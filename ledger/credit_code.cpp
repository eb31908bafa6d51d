#include "ledger/credit_code.h"

namespace drillbase::ledger {

namespace {

int valueOf(char c) {
    const auto pos = kCreditCodeAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

char gb32100CheckChar(std::string_view first17) {
    // GB 32100-2015 §4.3: weights W_i = 3^(i-1) mod 31.
    static constexpr int kWeights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                         29, 25, 13, 8,  24, 10, 30, 28};
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const int v = valueOf(first17[i]);
        if (v < 0) return 0;
        sum += v * kWeights[i];
    }
    const int check = (31 - sum % 31) % 31;  // 31 - 0 = 31 wraps to 0
    return kCreditCodeAlphabet[static_cast<std::size_t>(check)];
}

CreditCodeResult parseCreditCode(std::string_view text) {
    CreditCodeResult r;
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    if (text.size() != 18) {
        r.error = CreditCodeError::Length;
        r.position = static_cast<int>(text.size());
        return r;
    }
    std::string code(text);
    for (auto& c : code) c = upper(c);
    for (std::size_t i = 0; i < code.size(); ++i) {
        // Characters 3-8 are an administrative division code (GB/T 2260): digits only.
        const bool divisionDigit = i >= 2 && i < 8;
        const char c = code[i];
        if (valueOf(c) < 0 || (divisionDigit && (c < '0' || c > '9'))) {
            r.error = CreditCodeError::Character;
            r.position = static_cast<int>(i) + 1;
            r.got = c;
            return r;
        }
    }
    const char expected = gb32100CheckChar(std::string_view(code).substr(0, 17));
    if (code[17] != expected) {
        r.error = CreditCodeError::CheckChar;
        r.expected = expected;
        r.got = code[17];
        return r;
    }
    r.normalized = std::move(code);
    return r;
}

std::string CreditCodeResult::message() const {
    switch (error) {
        case CreditCodeError::None: return "valid";
        case CreditCodeError::Length:
            return "unified social credit code must have 18 characters, got " +
                   std::to_string(position);
        case CreditCodeError::Character: {
            const bool division = position >= 3 && position <= 8;
            return "unified social credit code: character " + std::to_string(position) +
                   (got > 0x20 && got < 0x7f ? " ('" + std::string(1, got) + "')" : "") +
                   (division ? " must be a digit (administrative division code)"
                             : " is not allowed (GB 32100 uses 0-9 and A-Y without I, O, S, V, Z)");
        }
        case CreditCodeError::CheckChar:
            return "unified social credit code: bad check character: expected " +
                   std::string(1, expected) + ", got " + std::string(1, got);
    }
    return "invalid unified social credit code";
}

}  // namespace drillbase::ledger
