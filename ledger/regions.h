// regions.h — administrative divisions of content/regions.json (GB/T 2260 codes). An
// organisation's region is the county-level code where it is registered; the records
// statistics group by it and show its name, and the synthetic province draws its counties
// from the same file so that both speak of the same places.
// GB/T 2260 codes are hierarchical: "370102" is a county-level division of the city "370100"
// of the province "370000", so the parents follow from the code itself.
#pragma once

#include "ledger/content_reader.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::ledger {

enum class RegionLevel { Province, City, County };

struct RegionName {
    std::string code;  // six digits
    std::string zh;    // "历下区"
    std::string en;    // "Lixia District"
    RegionLevel level = RegionLevel::County;
    // "370100"; "" for a province, a city, and a county-level division the province
    // administers directly (济源市 419001) whose city-level code is not listed.
    std::string cityCode;
    std::string provinceCode;  // "370000"
};

struct RegionList {
    std::string version;
    std::vector<RegionName> regions;
    // County-level codes the synthetic province (synth.h) uses, in draw order. Changing the
    // list or its order changes every synthetic ledger made with a given seed.
    std::vector<std::string> synthCounties;

    const RegionName* find(const std::string& code) const;
    // "济南市历下区" / "Lixia District, Jinan": the division with its city (and the province
    // for a city-level code), or the bare code when the file does not list it.
    std::string labelZh(const std::string& code) const;
    std::string labelEn(const std::string& code) const;
};

// The level a well-formed code names: "370000" province, "370100" city, else county.
RegionLevel regionLevelOf(const std::string& code);
// Six ASCII digits, province part not "00".
bool isRegionCode(const std::string& code);

struct RegionsLoad {
    std::optional<RegionList> list;
    std::vector<ContentIssue> issues;
};

// Validates a parsed regions document; every problem is reported with its JSON pointer
// (malformed or duplicate codes, a city or county whose province is not listed, a synth
// county that is not a listed county-level division).
RegionsLoad readRegions(const nlohmann::json& doc);
// Reads content/regions.json (or another file); throws ContentError.
RegionList loadRegionsFile(const std::filesystem::path& file);

}  // namespace drillbase::ledger
