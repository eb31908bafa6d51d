// sim_content.h — what the simulation reads from content/ before any drill: the engine's own
// numbers (content/drill.json: warning spread, walking speed of the vulnerable, re-planning
// interval, report forms, support and unit kinds) and each registered hazard type's data.
// Loaded once by drillctl and the GUI; every problem reported as FILE:LINE:COL: /pointer: message.
#pragma once

#include "common/json_fields.h"
#include "sim/engine/command_spec.h"
#include "sim/engine/hazard_type.h"
#include "sim/transfer/transfer_rules.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

struct DrillRules {
    double warningSpread = 0.25;         // each person reacts within ±this of the warning delay
    double vulnerableSpeedFactor = 0.4;  // of the person's walking speed
    double replanIntervalS = 30;         // routes re-planned when the hazard changes the ground
    int minResponseLevel = 1, maxResponseLevel = 4;
    std::vector<std::string> reportForms = {"oral", "written"};
    std::vector<std::string> supportKinds = {"hazmat", "fire", "medical", "police"};
    std::vector<std::string> unitKinds = {"hazmat", "fire", "medical", "police"};
    // How each unit kind moves (content/drill.json unit_mobility); a kind not listed walks.
    std::map<std::string, Mobility> unitMobility = {{"hazmat", Mobility::Vehicle},
                                                    {"fire", Mobility::Vehicle},
                                                    {"medical", Mobility::Vehicle},
                                                    {"police", Mobility::Vehicle}};
    Mobility mobilityOf(const std::string& kind) const {
        const auto it = unitMobility.find(kind);
        return it == unitMobility.end() ? Mobility::OnFoot : it->second;
    }
    // What makes a run unreasonable (content/drill.json "limits"): checked by the loader.
    struct Limits {
        std::int64_t minTickMs = 100;
        double maxMapM = 50000;
        double maxMapCells = 4e6;  // (width / cell) × (height / cell), and the same at 5 m
        std::size_t maxPeople = 100000, maxUnits = 1000, maxInjects = 10000;
    } limits;
    TransferRules transfer;  // content/transfer.json
};

std::optional<DrillRules> parseDrillRules(const JsonDocument& doc, std::vector<Diagnostic>& out);

// A number of content/ with where it comes from: {"value": N, "unit": ..., "source": ...,
// "verified": bool} at /key, the value within [lo, hi]; nullopt (reported) otherwise.
std::optional<double> readSourcedNumber(FieldReader& r, const std::string& key, double lo,
                                        double hi);

// The same entry when its value is not a single number (a table, a list): checks the entry's
// keys and returns the value's pointer, or "" (reported) when the entry is missing or malformed.
std::string sourcedValuePointer(FieldReader& r, const char* key);

class SimContent {
public:
    // Reads content/drill.json and every registered type's content.
    static std::optional<SimContent> load(const std::filesystem::path& contentDir,
                                          HazardRegistry registry, std::vector<Diagnostic>& out);
    // For tests: rules given, hazard content already loaded.
    SimContent(DrillRules rules, HazardRegistry registry);

    const DrillRules& rules() const { return rules_; }
    const HazardRegistry& hazards() const { return *registry_; }
    // The engine's commands and those of the hazard type (unknown type: the engine's only).
    CommandCatalog catalogFor(const std::string& hazardType) const;

private:
    DrillRules rules_;
    std::shared_ptr<HazardRegistry> registry_;  // shared: scenarios keep configs made by it
};

// The commands every drill has, whatever its hazard (engine_commands.cpp).
std::vector<CommandSpec> engineCommands(const DrillRules& rules);

}  // namespace drillbase::sim
