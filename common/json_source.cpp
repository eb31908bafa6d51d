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
    // The first key repeated within one object: its pointer and where it stands.
    std::optional<std::pair<std::string, std::size_t>> duplicate;
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
            const std::size_t keyAt = i_;
            const std::string rawKey = string();
            // Keys with escapes are rare in our files; decode them through nlohmann so the
            // pointer matches the parsed key exactly.
            const std::string key =
                rawKey.find('\\') == std::string::npos
                    ? rawKey
                    : nlohmann::json::parse("\"" + rawKey + "\"").get<std::string>();
            skipWs();
            ++i_;  // ':'
            const std::string child = pointerChild(ptr, key);
            if (!duplicate && map_.offsets_.count(child)) duplicate = {{child, keyAt}};
            value(child);
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

namespace {

// One pass over the text before it is parsed: depth and string lengths within the limits.
// Returns the byte offset and the reason of the first excess.
std::optional<std::pair<std::size_t, std::string>> exceedsLimits(std::string_view t,
                                                                 const JsonLimits& lim) {
    int depth = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '"') {
            const std::size_t start = i;
            for (++i; i < t.size() && t[i] != '"'; ++i)
                if (t[i] == '\\') ++i;
            if (i - start - 1 > lim.maxStringBytes)
                return {{start,
                         "a string longer than " + std::to_string(lim.maxStringBytes) + " bytes"}};
        } else if (c == '[' || c == '{') {
            if (++depth > lim.maxDepth)
                return {{i, "nested deeper than " + std::to_string(lim.maxDepth) + " levels"}};
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

// Finds where nlohmann's parser stopped: its SAX interface reports the byte position of every
// error, including a number beyond the range of a double (out_of_range.406), which the DOM
// parser only throws without one.
struct ErrorLocator : nlohmann::json_sax<nlohmann::json> {
    std::size_t position = 0;
    std::string message = "invalid JSON";
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string&,
                     const nlohmann::detail::exception& ex) override {
        position = pos;
        message = ex.what();
        return false;
    }
};

// nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 2: "
// (or "[json.exception.out_of_range.406] "): we give the position ourselves, in the form editors
// understand.
std::string plainMessage(std::string what) {
    if (const auto p = what.find("parse error"); p != std::string::npos) {
        if (const auto colon = what.find(": ", p); colon != std::string::npos)
            return what.substr(colon + 2);
    }
    if (what.rfind("[json.exception.", 0) == 0)
        if (const auto close = what.find("] "); close != std::string::npos)
            return what.substr(close + 2);
    return what;
}

}  // namespace

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
                                          std::vector<Diagnostic>& out, const JsonLimits& limits) {
    JsonDocument doc;
    doc.file = std::move(file);
    doc.text = std::move(text);
    auto fail = [&](std::size_t at, std::string message) {
        out.push_back(Diagnostic{doc.file, positionOf(doc.text, at), "", std::move(message)});
        return std::nullopt;
    };
    if (doc.text.size() > limits.maxBytes)
        return fail(0, "the file is larger than " + std::to_string(limits.maxBytes) + " bytes");
    if (const auto excess = exceedsLimits(doc.text, limits))
        return fail(excess->first, excess->second);
    doc.value = nlohmann::json::parse(doc.text, nullptr, /*allow_exceptions=*/false);
    if (doc.value.is_discarded()) {
        ErrorLocator where;
        nlohmann::json::sax_parse(doc.text, &where, nlohmann::json::input_format_t::json, false);
        // The SAX position is 1-based: the character that could not be read.
        return fail(where.position > 0 ? where.position - 1 : 0,
                    "invalid JSON: " + plainMessage(where.message));
    }
    JsonScanner scanner(doc.text, doc.map);
    scanner.value("");
    if (scanner.duplicate) {
        // Which of two values a reader takes is a guess: refused, as RFC 8259 advises against.
        out.push_back(Diagnostic{doc.file, positionOf(doc.text, scanner.duplicate->second),
                                 scanner.duplicate->first, "duplicate key"});
        return std::nullopt;
    }
    return doc;
}

std::optional<JsonDocument> loadJsonFile(const std::filesystem::path& file,
                                         std::vector<Diagnostic>& out, const JsonLimits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec && size > limits.maxBytes) {
        out.push_back(
            Diagnostic{file.string(),
                       {},
                       "",
                       "the file is larger than " + std::to_string(limits.maxBytes) + " bytes"});
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        out.push_back(Diagnostic{file.string(), {}, "", "cannot read file"});
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseJsonText(file.string(), ss.str(), out, limits);
}

}  // namespace drillbase
