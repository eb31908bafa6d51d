// content_reader.h — typed fields of the ledger's content files (certification rules,
// industries), collecting every problem as a JSON pointer and a message.
// Why pointers and not FILE:LINE:COL here: the ledger gets a parsed value; whoever parsed the
// text (drillctl content check, with common/json_source.h) turns each pointer into a line and
// column. loadContentFile() below gives "FILE: /pointer: message" for callers without one.
#pragma once

#include "ledger/civil_date.h"

#include "common/json_source.h"  // pointerChild: the RFC 6901 pointers issues name

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace drillbase::ledger {

struct ContentIssue {
    std::string pointer;  // JSON pointer of the offending value ("" = the whole document)
    std::string message;
};

// Thrown by the file loaders; what() lists every issue, one "FILE: /pointer: message" a line.
class ContentError : public std::runtime_error {
public:
    ContentError(const std::string& file, const std::vector<ContentIssue>& issues);
    // For loaders that read the text themselves (training_kinds.h): one
    // "FILE:LINE:COL: /pointer: message" a line.
    explicit ContentError(const std::vector<Diagnostic>& diagnostics);
    const std::vector<ContentIssue>& issues() const { return issues_; }

private:
    std::vector<ContentIssue> issues_;
};

// Reads and parses a JSON file; throws ContentError naming the file on a read or syntax error.
nlohmann::json readJsonFile(const std::filesystem::path& file);

class ContentReader {
public:
    explicit ContentReader(const nlohmann::json& root) : root_(root) {}

    const std::vector<ContentIssue>& issues() const { return issues_; }
    std::vector<ContentIssue> takeIssues() { return std::move(issues_); }
    bool ok() const { return issues_.empty(); }
    void error(const std::string& pointer, std::string message);

    const nlohmann::json* at(const std::string& pointer) const;
    // The array at obj/key (reported when missing or not an array); its length or nullopt.
    std::optional<std::size_t> array(const std::string& obj, const char* key);
    std::optional<std::string> string(const std::string& obj, const char* key,
                                      bool required = true);
    // A whole number in [min, max].
    std::optional<std::int64_t> integer(const std::string& obj, const char* key, std::int64_t min,
                                        std::int64_t max);
    std::optional<bool> boolean(const std::string& obj, const char* key, bool required = true);
    std::optional<CivilDate> date(const std::string& obj, const char* key, bool required = true);
    // Reports any key of the object not in `known`: a misspelt field must not be ignored.
    void onlyKeys(const std::string& obj, std::initializer_list<const char*> known);

private:
    const nlohmann::json* field(const std::string& obj, const char* key, bool required);

    const nlohmann::json& root_;
    std::vector<ContentIssue> issues_;
};

}  // namespace drillbase::ledger
