#include "ledger/text_rules.h"

#include "common/utf8.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <array>
#include <cstdio>

namespace drillbase::ledger {

namespace {

constexpr std::array<TextRule, 4> kRules = {{
    {"a person name", 64, false},
    {"an organisation name", 100, false},
    {"this text", 200, false},
    {"this text", 1000, true},
}};

std::string codePoint(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

// The reason a character is never accepted, or nullptr.
const char* forbidden(char32_t c) {
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return "a control character";
    if (c == 0x2028 || c == 0x2029) return "a line or paragraph separator";
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return "a bidirectional override, which can make text display as other text";
    return nullptr;
}

const UNormalizer2* nfc() {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFCInstance(&err);
    return U_SUCCESS(err) ? n : nullptr;
}

std::optional<std::u16string> toUtf16(std::string_view text) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8(nullptr, 0, &len, text.data(), static_cast<int32_t>(text.size()), &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return std::nullopt;
    std::u16string out(static_cast<std::size_t>(len), u'\0');
    err = U_ZERO_ERROR;
    u_strFromUTF8(out.data(), len, &len, text.data(), static_cast<int32_t>(text.size()), &err);
    if (U_FAILURE(err)) return std::nullopt;
    return out;
}

std::optional<std::string> toUtf8(const std::u16string& text) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    u_strToUTF8(nullptr, 0, &len, text.data(), static_cast<int32_t>(text.size()), &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return std::nullopt;
    std::string out(static_cast<std::size_t>(len), '\0');
    err = U_ZERO_ERROR;
    u_strToUTF8(out.data(), len, &len, text.data(), static_cast<int32_t>(text.size()), &err);
    if (U_FAILURE(err)) return std::nullopt;
    return out;
}

}  // namespace

const TextRule& textRule(TextField field) {
    return kRules[static_cast<std::size_t>(field)];
}

std::optional<std::string> textProblem(std::string_view text, TextField field) {
    const auto& rule = textRule(field);
    const std::string limit =
        std::string(rule.what) + " has at most " + std::to_string(rule.maxChars) + " characters";
    // A UTF-8 character has at most 4 bytes: longer input is refused before it is decoded, so
    // a 100 MB value costs no more than a look at its size.
    if (text.size() > rule.maxChars * 4)
        return "is " + std::to_string(text.size()) + " bytes long; " + limit;
    std::size_t bad = 0;
    const auto decoded = decodeUtf8(text, &bad);
    if (!decoded) return "is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")";
    if (decoded->size() > rule.maxChars)
        return "is " + std::to_string(decoded->size()) + " characters long; " + limit;
    for (std::size_t i = 0; i < decoded->size(); ++i)
        if (const char* why = forbidden((*decoded)[i]);
            why && !(rule.lineBreaks && (*decoded)[i] == U'\n'))
            return "contains " + codePoint((*decoded)[i]) + " at character " +
                   std::to_string(i + 1) + ", " + why;
    const auto* n = nfc();
    const auto u16 = toUtf16(text);
    if (!n || !u16) return "cannot be checked for Unicode NFC (ICU is not usable)";
    UErrorCode err = U_ZERO_ERROR;
    const int32_t span =
        unorm2_spanQuickCheckYes(n, u16->data(), static_cast<int32_t>(u16->size()), &err);
    if (U_FAILURE(err)) return "cannot be checked for Unicode NFC (ICU error)";
    if (static_cast<std::size_t>(span) == u16->size()) return std::nullopt;
    err = U_ZERO_ERROR;
    if (unorm2_isNormalized(n, u16->data(), static_cast<int32_t>(u16->size()), &err) &&
        U_SUCCESS(err))
        return std::nullopt;
    // The first character after the span that ICU could not confirm as NFC: count the code
    // points before it (surrogate pairs are one character).
    std::size_t chars = 0;
    for (int32_t i = 0; i < span; ++i)
        if (((*u16)[static_cast<std::size_t>(i)] & 0xFC00) != 0xDC00) ++chars;
    // ICU stops at the last safe boundary, before the letter the combining mark belongs to:
    // show that letter and what follows it.
    std::string seq;
    for (std::size_t i = chars; i < decoded->size() && i < chars + 3; ++i)
        seq += (seq.empty() ? "" : " ") + codePoint((*decoded)[i]);
    return "is not in Unicode NFC (composed) form at character " + std::to_string(chars + 1) +
           " (" + seq +
           "): a letter and a separate combining mark must be typed as one composed character";
}

std::optional<std::string> normaliseNfc(std::string_view text) {
    if (!isValidUtf8(text)) return std::nullopt;
    const auto* n = nfc();
    const auto u16 = toUtf16(text);
    if (!n || !u16) return std::nullopt;
    UErrorCode err = U_ZERO_ERROR;
    const int32_t len =
        unorm2_normalize(n, u16->data(), static_cast<int32_t>(u16->size()), nullptr, 0, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return std::nullopt;
    std::u16string out(static_cast<std::size_t>(len), u'\0');
    err = U_ZERO_ERROR;
    unorm2_normalize(n, u16->data(), static_cast<int32_t>(u16->size()), out.data(), len, &err);
    if (U_FAILURE(err)) return std::nullopt;
    return toUtf8(out);
}

}  // namespace drillbase::ledger
