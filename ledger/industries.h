// industries.h — the industry list of content/industries.json. An organisation's industry
// decides whether the high-risk training hours apply (生产经营单位安全培训规定 art. 9, 13).
#pragma once

#include "ledger/content_reader.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::ledger {

struct Industry {
    std::string id;  // stable key stored in events: "hazardous_chemicals"
    std::string zh;
    std::string en;
    bool highRisk = false;
};

struct IndustryList {
    std::string version;
    std::vector<Industry> industries;
    const Industry* find(const std::string& id) const;
};

struct IndustriesLoad {
    std::optional<IndustryList> list;
    std::vector<ContentIssue> issues;
};

// Validates a parsed industries document; every problem is reported, not only the first.
IndustriesLoad readIndustries(const nlohmann::json& doc);
// Reads content/industries.json (or another file); throws ContentError.
IndustryList loadIndustriesFile(const std::filesystem::path& file);

}  // namespace drillbase::ledger
