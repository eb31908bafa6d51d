#include "common/utf8.h"

namespace drillbase {

namespace {

// Decodes the character at s[i], advancing i; false on malformed input (i unchanged).
bool decodeNext(std::string_view s, std::size_t& i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len;
    if (b0 < 0x80) {
        len = 1;
        cp = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return false;
    }
    if (i + static_cast<std::size_t>(len) > s.size()) return false;
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Reject overlong forms, surrogates and values beyond Unicode.
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += static_cast<std::size_t>(len);
    return true;
}

}  // namespace

std::optional<std::u32string> decodeUtf8(std::string_view s, std::size_t* badOffset) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < s.size()) {
        if (!decodeNext(s, i, cp)) {
            if (badOffset) *badOffset = i;
            return std::nullopt;
        }
        out.push_back(cp);
    }
    return out;
}

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < s.size())
        if (!decodeNext(s, i, cp)) return false;
    return true;
}

}  // namespace drillbase
