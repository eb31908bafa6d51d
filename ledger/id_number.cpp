#include "ledger/id_number.h"

namespace drillbase::ledger {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

int digitsToInt(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

char gb11643CheckChar(std::string_view first17) {
    // GB 11643-1999 §8.2: W_i = 2^(i-1) mod 11 counted from the right, i.e. these from the left.
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    return kCheck[sum % 11];
}

IdNumberResult parseIdNumber(std::string_view text, const CivilDate& today) {
    IdNumberResult r;
    const std::string_view s = trim(text);
    if (s.size() != 15 && s.size() != 18) {
        r.error = IdNumberError::Length;
        r.position = static_cast<int>(s.size());
        return r;
    }
    // Every position must be a digit, except the 18th, which may also be 'X' (value 10).
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool checkPos = s.size() == 18 && i == 17;
        if (!isDigit(s[i]) && !(checkPos && (s[i] == 'X' || s[i] == 'x'))) {
            r.error = IdNumberError::Character;
            r.position = static_cast<int>(i) + 1;
            r.got = s[i];
            return r;
        }
    }
    // Legacy 15-digit form: address(6) YYMMDD(6) sequence(3). Those numbers were issued to
    // people born in the 1900s, so the century is "19" (GB 11643-1999 annex on conversion).
    std::string body;
    if (s.size() == 15) {
        r.legacy15 = true;
        body = std::string(s.substr(0, 6)) + "19" + std::string(s.substr(6, 9));
    } else {
        body = std::string(s.substr(0, 17));
    }
    const int y = digitsToInt(std::string_view(body).substr(6, 4));
    const int m = digitsToInt(std::string_view(body).substr(10, 2));
    const int d = digitsToInt(std::string_view(body).substr(12, 2));
    if (!isValidDate(y, m, d)) {
        r.error = IdNumberError::BirthDate;
        return r;
    }
    r.birthDate = CivilDate{y, m, d};
    if (r.birthDate > today) {
        r.error = IdNumberError::FutureBirthDate;
        return r;
    }
    r.male = (body[16] - '0') % 2 == 1;
    const char expected = gb11643CheckChar(body);
    if (s.size() == 18) {
        const char got = s[17] == 'x' ? 'X' : s[17];
        if (got != expected) {
            r.error = IdNumberError::CheckDigit;
            r.expected = expected;
            r.got = got;
            return r;
        }
    }
    r.normalized = body + expected;
    return r;
}

std::string IdNumberResult::message() const {
    switch (error) {
        case IdNumberError::None: return "valid";
        case IdNumberError::Length:
            return "identity number must have 18 characters (or 15 for a legacy number), got " +
                   std::to_string(position);
        case IdNumberError::Character:
            // Non-ASCII input (a full-width digit, say) is not echoed: one byte of it is noise.
            return "identity number: character " + std::to_string(position) +
                   (got > 0x20 && got < 0x7f ? " ('" + std::string(1, got) + "')" : "") +
                   " must be a digit" + (position == 18 ? " or X" : "");
        case IdNumberError::BirthDate:
            return "identity number: the birth date (characters 7-14) is not a real date";
        case IdNumberError::FutureBirthDate:
            return "identity number: the birth date " + birthDate.iso() + " is in the future";
        case IdNumberError::CheckDigit:
            return "identity number: bad check character: expected " + std::string(1, expected) +
                   ", got " + std::string(1, got);
    }
    return "invalid identity number";
}

std::string maskIdNumber(std::string_view normalized) {
    if (normalized.size() != 18) return std::string(normalized.size(), '*');
    return std::string(normalized.substr(0, 6)) + std::string(8, '*') +
           std::string(normalized.substr(14, 4));
}

}  // namespace drillbase::ledger
