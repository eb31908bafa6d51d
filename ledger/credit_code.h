// credit_code.h — unified social credit codes of organisations (统一社会信用代码, GB 32100-2015).
// 18 characters: registration authority (1), organisation category (1), administrative
// division code (6 digits), organisation identifier (9, GB 11714), check character (1).
// The alphabet has 31 characters: digits and capital letters without I, O, Z, S, V, so no
// character can be misread as another.
#pragma once

#include <string>
#include <string_view>

namespace drillbase::ledger {

enum class CreditCodeError {
    None,
    Length,     // not 18 characters
    Character,  // outside the GB 32100 alphabet (or not a digit in the division code)
    CheckChar,  // GB 32100 check character does not match
};

struct CreditCodeResult {
    CreditCodeError error = CreditCodeError::None;
    std::string normalized;  // upper case; set only when ok()
    int position = 0;        // 1-based position of a bad character, or the length for Length
    char expected = 0;       // CheckChar: computed character
    char got = 0;            // bad or found character

    bool ok() const { return error == CreditCodeError::None; }
    std::string message() const;  // English, for logs and the CLI
};

// The GB 32100 alphabet, in value order (index = value 0..30).
inline constexpr std::string_view kCreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Check character for the first 17 characters: weights 3^(i-1) mod 31
// (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28), C18 = 31 - (sum mod 31), 31 -> 0.
// Returns 0 when a character is outside the alphabet.
char gb32100CheckChar(std::string_view first17);

// Validates a code as typed (trimmed; lower case accepted and upper-cased).
CreditCodeResult parseCreditCode(std::string_view text);

}  // namespace drillbase::ledger
