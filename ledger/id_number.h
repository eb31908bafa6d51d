// id_number.h — resident identity numbers of the PRC (公民身份号码, GB 11643-1999).
// Layout of the 18 characters: 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit
// sequence (odd for men, even for women), 1 check character (ISO 7064 MOD 11-2, 'X' for 10).
// Legacy 15-digit numbers (issued before the standard) lack the century "19" and the check
// character; they are converted to the 18-character form before anything else uses them.
// The number is personal information under PIPL: callers store only a keyed hash for look-up
// (see identity_document.h) and show it masked.
#pragma once

#include "ledger/civil_date.h"

#include <optional>
#include <string>
#include <string_view>

namespace drillbase::ledger {

enum class IdNumberError {
    None,
    Length,           // not 15 or 18 characters
    Character,        // non-digit (or 'X' anywhere but the check position)
    BirthDate,        // digits 7-14 are not a real calendar date
    FutureBirthDate,  // born after `today`
    CheckDigit,       // GB 11643 check character does not match
};

struct IdNumberResult {
    IdNumberError error = IdNumberError::None;
    std::string normalized;  // 18 characters, upper-case 'X'; set only when ok()
    CivilDate birthDate;     // set when the date part was readable
    bool male = false;       // GB 11643 sequence code: odd for men
    bool legacy15 = false;   // input was a 15-digit number, converted
    int position = 0;        // 1-based position of the bad character (Character)
    char expected = 0;       // CheckDigit: computed check character
    char got = 0;            // CheckDigit: character found

    bool ok() const { return error == IdNumberError::None; }
    // English explanation for logs and the CLI, e.g.
    // "bad check character: expected X, got 1".
    std::string message() const;
};

// The check character for the first 17 digits: weights 2^(17-i) mod 11
// (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), sum mod 11 indexes "10X98765432".
// Precondition: 17 ASCII digits.
char gb11643CheckChar(std::string_view first17);

// Validates an identity number as typed: surrounding spaces are trimmed and a lower-case 'x'
// accepted. `today` bounds the birth date; it is a parameter so tests need no clock.
IdNumberResult parseIdNumber(std::string_view text, const CivilDate& today);

// For views and exports: keeps the 6-digit address code and the last 4 characters,
// e.g. "110105********1234". Anything not 18 characters long is masked completely.
std::string maskIdNumber(std::string_view normalized);

}  // namespace drillbase::ledger
