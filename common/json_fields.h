// json_fields.h — reading typed fields from a JsonDocument while collecting every error with
// its position, so a broken file is reported in full, not one error per run.
#pragma once

#include "common/json_source.h"

#include <optional>
#include <string>

namespace drillbase {

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

private:
    const nlohmann::json* field(const std::string& obj, const char* key, bool required);

    const JsonDocument& doc_;
    std::vector<Diagnostic>& out_;
    int errors_ = 0;
};

}  // namespace drillbase
