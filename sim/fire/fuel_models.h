// fuel_models.h — the surface fuel models of the forest-fire drill, loaded from content/fuels.json
// (format "drillbase-fuels/1"): Anderson's 13 (Anderson 1982, INT-GTR-122) and Scott & Burgan's
// 40 plus their non-burnable models (Scott & Burgan 2005, RMRS-GTR-153), and the engineering
// mapping of local forest types (马尾松林, 杉木林, ...) to models. The file keeps the publications'
// US customary units (t/ac, 1/ft, ft, %, Btu/lb); this loader converts them, in one place, to the
// lb/ft², ft, fraction and Btu/lb the Rothermel (1972) equations are written in. Every problem is
// a Diagnostic FILE:LINE:COL: /json/pointer: message; nothing aborts.
#pragma once

#include "common/json_source.h"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::sim::fire {

// t/ac → lb/ft²: 2000 lb per short ton over 43 560 ft² per acre. The only load conversion.
inline constexpr double kLbFt2PerTonAcre = 2000.0 / 43560.0;

// One fuel model in the units of the spread equations. Loads are oven-dry lb/ft², SAV ratios
// 1/ft (0 where the class has no load), depth ft, moistures fractions, heat contents Btu/lb.
struct FuelModel {
    std::string code;  // "FM4", "GR1", "TL3", "NB8"
    int number = 0;    // Anderson 1–13, Scott & Burgan 91–204
    std::string nameEn, nameZh;
    std::string group;  // "anderson13", "scott_burgan40"
    bool burnable = true;
    bool dynamic = false;  // S&B (D): live herbaceous load cures to dead with moisture
    double load1h = 0, load10h = 0, load100h = 0, loadHerb = 0, loadWoody = 0;  // lb/ft²
    double sav1h = 0, sav10h = 109, sav100h = 30, savHerb = 0, savWoody = 0;    // 1/ft
    double depthFt = 0;
    double mxDead = 0;                        // dead fuel moisture of extinction, fraction
    double heatDead = 8000, heatLive = 8000;  // Btu/lb
    double particleDensity = 32;              // lb/ft³
    double mineralTotal = 0.0555, mineralEffective = 0.010;
};

// A local forest type and the model drillbase maps it to (an engineering mapping unless the
// file says verified).
struct ForestType {
    std::string nameZh, nameEn;
    std::string model;                      // code of a model in the table
    std::vector<std::string> alternatives;  // codes
    std::string basis;
};

class FuelModelTable {
public:
    static std::optional<FuelModelTable> fromDocument(const JsonDocument& doc,
                                                      std::vector<Diagnostic>& out);
    static std::optional<FuelModelTable> load(const std::filesystem::path& file,
                                              std::vector<Diagnostic>& out);

    // By code, case-insensitive ("gr1", "TL3", "FM4") or by number ("4" is Anderson's model 4,
    // "124" is GS4). nullptr when none matches.
    const FuelModel* find(std::string_view codeOrNumber) const;
    const std::vector<FuelModel>& models() const { return models_; }
    const std::vector<ForestType>& forestTypes() const { return forestTypes_; }
    bool forestTypesVerified() const { return forestTypesVerified_; }
    // The forest type whose zh-CN or en name is `name`; nullptr when none.
    const ForestType* forestType(std::string_view name) const;

private:
    std::vector<FuelModel> models_;
    std::vector<ForestType> forestTypes_;
    bool forestTypesVerified_ = false;
};

}  // namespace drillbase::sim::fire
