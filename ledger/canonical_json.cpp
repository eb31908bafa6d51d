#include "ledger/canonical_json.h"

#include "common/json_source.h"
#include "common/utf8.h"

#include <cstdint>

namespace drillbase::ledger {

namespace {

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
                const std::string child = pointerChild(pointer, key);
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
