#include "common/utf8.h"

namespace drillbase {

std::optional<std::u32string> decodeUtf8(std::string_view s, std::size_t* badOffset) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    auto bad = [&](std::size_t at) -> std::optional<std::u32string> {
        if (badOffset) *badOffset = at;
        return std::nullopt;
    };
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        int len;
        char32_t cp;
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
            return bad(i);
        }
        if (i + static_cast<std::size_t>(len) > s.size()) return bad(i);
        for (int k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((b & 0xC0) != 0x80) return bad(i);
            cp = (cp << 6) | (b & 0x3F);
        }
        // Reject overlong forms, surrogates and values beyond Unicode.
        static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return bad(i);
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

}  // namespace drillbase
