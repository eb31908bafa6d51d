#include "ledger/canonical_json.h"

#include <cstdint>

namespace drillbase::ledger {

namespace {

// RFC 3629 well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(const std::string& s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += len;
    }
    return true;
}

void writeString(const std::string& s, const std::string& pointer, std::string& out) {
    if (!isValidUtf8(s))
        throw CanonicalJsonError("canonical JSON: " + (pointer.empty() ? "/" : pointer) +
                                 ": string is not valid UTF-8");
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 0xF];
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

// JSON pointer token escaping (RFC 6901), only for error messages.
std::string pointerToken(const std::string& key) {
    std::string t;
    for (const char c : key) {
        if (c == '~')
            t += "~0";
        else if (c == '/')
            t += "~1";
        else
            t += c;
    }
    return t;
}

void write(const nlohmann::json& v, const std::string& pointer, std::string& out) {
    using T = nlohmann::json::value_t;
    switch (v.type()) {
        case T::null: out += "null"; break;
        case T::boolean: out += v.get<bool>() ? "true" : "false"; break;
        case T::number_integer: out += std::to_string(v.get<std::int64_t>()); break;
        case T::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); break;
        case T::number_float:
            throw CanonicalJsonError("canonical JSON: " + (pointer.empty() ? "/" : pointer) +
                                     ": floating-point numbers are not allowed; use an integer "
                                     "unit (hours, points, days, minutes)");
        case T::string: writeString(v.get_ref<const std::string&>(), pointer, out); break;
        case T::array: {
            out += '[';
            std::size_t i = 0;
            for (const auto& item : v) {
                if (i) out += ',';
                write(item, pointer + "/" + std::to_string(i), out);
                ++i;
            }
            out += ']';
            break;
        }
        case T::object: {
            // nlohmann::json's default object is a std::map<std::string, ...>: iteration is
            // already in byte order of the keys, which is what the contract asks for.
            out += '{';
            bool first = true;
            for (const auto& [key, item] : v.items()) {
                if (!first) out += ',';
                first = false;
                const std::string child = pointer + "/" + pointerToken(key);
                writeString(key, child, out);
                out += ':';
                write(item, child, out);
            }
            out += '}';
            break;
        }
        case T::binary:
        case T::discarded:
            throw CanonicalJsonError("canonical JSON: " + (pointer.empty() ? "/" : pointer) +
                                     ": value has no JSON text form");
    }
}

}  // namespace

std::string canonicalJson(const nlohmann::json& value) {
    std::string out;
    write(value, "", out);
    return out;
}

}  // namespace drillbase::ledger
