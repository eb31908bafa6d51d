// json_fields.h — reading typed fields from a JsonDocument while collecting every error with
// its position, so a broken file is reported in full, not one error per run.
#pragma once

#include "common/json_source.h"

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace drillbase {

// The entry of `candidates` nearest to `word` by edit distance, when it is near enough to be a
// likely misspelling (distance ≤ max(2, |word| / 3)); empty otherwise.
std::string nearestName(std::string_view word, std::span<const std::string_view> candidates);

class FieldReader {
public:
    FieldReader(const JsonDocument& doc, std::vector<Diagnostic>& out) : doc_(doc), out_(out) {}

    const JsonDocument& doc() const { return doc_; }
    bool ok() const { return errors_ == 0; }
    void error(const std::string& pointer, std::string message);

    // The value at `pointer`, or nullptr when absent.
    const nlohmann::json* at(const std::string& pointer) const;
    // Required fields report "missing" at the parent; optional ones return nullopt silently.
    // Wrong types are always reported.
    std::optional<std::string> string(const std::string& obj, const char* key,
                                      bool required = true);
    std::optional<double> number(const std::string& obj, const char* key, bool required = true);
    std::optional<std::int64_t> integer(const std::string& obj, const char* key,
                                        bool required = true);
    std::optional<bool> boolean(const std::string& obj, const char* key, bool required = true);
    // True when the value at `pointer` exists and has the JSON type; reports otherwise.
    bool isObject(const std::string& pointer);
    bool isArray(const std::string& pointer);
    // Reports every key of the object at `obj` that is not in `known`, naming the closest known
    // key when one is near ("unknown key \"work_sec\"; did you mean \"work_s\"?"): a misspelt
    // optional key must not silently fall back to its default. Returns false when any was found.
    bool knownKeys(const std::string& obj, std::span<const std::string_view> known);
    bool knownKeys(const std::string& obj, std::initializer_list<std::string_view> known) {
        return knownKeys(obj, std::span<const std::string_view>(known.begin(), known.size()));
    }

private:
    const nlohmann::json* field(const std::string& obj, const char* key, bool required);

    const JsonDocument& doc_;
    std::vector<Diagnostic>& out_;
    int errors_ = 0;
};

}  // namespace drillbase
