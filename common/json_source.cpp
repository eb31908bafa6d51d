#include "common/json_source.h"

#include <fstream>
#include <sstream>

namespace drillbase {

SourcePos positionOf(std::string_view text, std::size_t byteOffset) {
    SourcePos p;
    const std::size_t end = std::min(byteOffset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.col = 1;
        } else if ((c & 0xC0) != 0x80) {  // count lead bytes only: one per character
            ++p.col;
        }
    }
    return p;
}

std::string Diagnostic::format() const {
    std::ostringstream os;
    os << file << ':' << pos.line << ':' << pos.col << ": ";
    if (!pointer.empty()) os << pointer << ": ";
    os << message;
    return os.str();
}

std::string pointerChild(const std::string& parent, std::string_view key) {
    std::string out = parent + "/";
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string pointerChild(const std::string& parent, std::size_t index) {
    return parent + "/" + std::to_string(index);
}

// A minimal scanner over valid JSON: it only needs to find where values start, so it can
// skip over strings and scalars without interpreting them.
class JsonScanner {
public:
    JsonScanner(std::string_view t, JsonSourceMap& m) : text_(t), map_(m) {}
    void value(const std::string& ptr) {
        skipWs();
        map_.offsets_[ptr] = i_;
        if (i_ >= text_.size()) return;
        const char c = text_[i_];
        if (c == '{')
            object(ptr);
        else if (c == '[')
            array(ptr);
        else if (c == '"')
            string();
        else
            scalar();
    }

private:
    void skipWs() {
        while (i_ < text_.size() &&
               (text_[i_] == ' ' || text_[i_] == '\n' || text_[i_] == '\r' || text_[i_] == '\t'))
            ++i_;
    }
    std::string string() {  // returns the raw (still escaped) content; keys need unescaping
        std::string raw;
        ++i_;  // opening quote
        while (i_ < text_.size() && text_[i_] != '"') {
            if (text_[i_] == '\\' && i_ + 1 < text_.size()) {
                raw += text_[i_++];
            }
            raw += text_[i_++];
        }
        ++i_;  // closing quote
        return raw;
    }
    void scalar() {
        while (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '}' && text_[i_] != ']' &&
               text_[i_] != ' ' && text_[i_] != '\n' && text_[i_] != '\r' && text_[i_] != '\t')
            ++i_;
    }
    void object(const std::string& ptr) {
        ++i_;
        skipWs();
        if (i_ < text_.size() && text_[i_] == '}') {
            ++i_;
            return;
        }
        while (i_ < text_.size()) {
            skipWs();
            const std::string rawKey = string();
            // Keys with escapes are rare in our files; decode them through nlohmann so the
            // pointer matches the parsed key exactly.
            const std::string key =
                rawKey.find('\\') == std::string::npos
                    ? rawKey
                    : nlohmann::json::parse("\"" + rawKey + "\"").get<std::string>();
            skipWs();
            ++i_;  // ':'
            value(pointerChild(ptr, key));
            skipWs();
            if (i_ < text_.size() && text_[i_] == ',') {
                ++i_;
                continue;
            }
            ++i_;  // '}'
            return;
        }
    }
    void array(const std::string& ptr) {
        ++i_;
        skipWs();
        if (i_ < text_.size() && text_[i_] == ']') {
            ++i_;
            return;
        }
        for (std::size_t index = 0; i_ < text_.size(); ++index) {
            value(pointerChild(ptr, index));
            skipWs();
            if (i_ < text_.size() && text_[i_] == ',') {
                ++i_;
                continue;
            }
            ++i_;  // ']'
            return;
        }
    }

    std::string_view text_;
    JsonSourceMap& map_;
    std::size_t i_ = 0;
};

JsonSourceMap JsonSourceMap::build(std::string_view text) {
    JsonSourceMap m;
    JsonScanner(text, m).value("");
    return m;
}

std::optional<std::size_t> JsonSourceMap::offsetOf(const std::string& pointer) const {
    const auto it = offsets_.find(pointer);
    if (it == offsets_.end()) return std::nullopt;
    return it->second;
}

SourcePos JsonDocument::posOf(const std::string& pointer) const {
    std::string p = pointer;
    for (;;) {
        if (const auto off = map.offsetOf(p)) return positionOf(text, *off);
        if (p.empty()) return SourcePos{};
        p.erase(p.rfind('/'));
    }
}

Diagnostic JsonDocument::diag(const std::string& pointer, std::string message) const {
    return Diagnostic{file, posOf(pointer), pointer.empty() ? "/" : pointer, std::move(message)};
}

std::optional<JsonDocument> parseJsonText(std::string file, std::string text,
                                          std::vector<Diagnostic>& out) {
    JsonDocument doc;
    doc.file = std::move(file);
    doc.text = std::move(text);
    try {
        doc.value = nlohmann::json::parse(doc.text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based: the position of the character that could not be read.
        const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        std::string what = e.what();
        // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: "
        // prefix: we give the position ourselves, in the form editors understand.
        if (const auto colon = what.find(": ", what.find("parse error"));
            colon != std::string::npos)
            what = what.substr(colon + 2);
        out.push_back(Diagnostic{doc.file, positionOf(doc.text, at), "", "invalid JSON: " + what});
        return std::nullopt;
    }
    doc.map = JsonSourceMap::build(doc.text);
    return doc;
}

std::optional<JsonDocument> loadJsonFile(const std::filesystem::path& file,
                                         std::vector<Diagnostic>& out) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        out.push_back(Diagnostic{file.string(), {}, "", "cannot read file"});
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseJsonText(file.string(), ss.str(), out);
}

}  // namespace drillbase
