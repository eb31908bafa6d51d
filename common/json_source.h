// json_source.h — JSON documents that remember where each value came from in the file, so
// every content and scenario error can be reported as FILE:LINE:COL: /json/pointer: message.
// nlohmann::json drops positions after parsing; JsonSourceMap re-scans the (already valid)
// text once and records the byte offset at which each value starts, keyed by JSON pointer.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace drillbase {

struct SourcePos {
    int line = 1;  // 1-based
    int col = 1;   // 1-based, counted in Unicode characters, as editors show it
};

// Line and column of a byte offset in UTF-8 text (offsets past the end clamp to the end).
SourcePos positionOf(std::string_view text, std::size_t byteOffset);

// One finding about one file, printable in the compiler-style form editors can jump to.
struct Diagnostic {
    std::string file;
    SourcePos pos;
    std::string pointer;  // JSON pointer of the offending value; empty for syntax errors
    std::string message;
    std::string format() const;  // "FILE:LINE:COL: /pointer: message"
};

class JsonSourceMap {
public:
    // `text` must be valid JSON (parse it with nlohmann first).
    static JsonSourceMap build(std::string_view text);
    // Byte offset where the value at `pointer` starts ("" is the root).
    std::optional<std::size_t> offsetOf(const std::string& pointer) const;

private:
    std::unordered_map<std::string, std::size_t> offsets_;
    friend class JsonScanner;
};

// A parsed file: its text, value and source map.
struct JsonDocument {
    std::string file;  // as given, used in diagnostics
    std::string text;
    nlohmann::json value;
    JsonSourceMap map;

    // Where the value at `pointer` is; falls back to its nearest existing parent (a missing
    // required key is reported at the object that lacks it).
    SourcePos posOf(const std::string& pointer) const;
    Diagnostic diag(const std::string& pointer, std::string message) const;
};

// Appends a JSON-pointer token with ~0 / ~1 escaping (RFC 6901).
std::string pointerChild(const std::string& parent, std::string_view key);
std::string pointerChild(const std::string& parent, std::size_t index);

// What a JSON reader accepts. Checked before anything is built, in one linear pass, so no input
// can exhaust memory or the stack: hostile or broken files get a located error instead.
struct JsonLimits {
    std::size_t maxBytes = 64u << 20;       // a file
    int maxDepth = 64;                      // nested arrays and objects
    std::size_t maxStringBytes = 1u << 20;  // one string (key or value)
};

// Reads and parses a file. On a read error, a syntax error, a limit exceeded, a number out of
// the range of a double or a key repeated in an object returns nullopt and appends one
// diagnostic with the line and column of the problem. Never throws.
std::optional<JsonDocument> loadJsonFile(const std::filesystem::path& file,
                                         std::vector<Diagnostic>& out,
                                         const JsonLimits& limits = {});
// Same for text already in memory (tests, embedded data, one line of a log).
std::optional<JsonDocument> parseJsonText(std::string file, std::string text,
                                          std::vector<Diagnostic>& out,
                                          const JsonLimits& limits = {});

}  // namespace drillbase
