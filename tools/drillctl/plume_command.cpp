#include "tools/drillctl/plume_command.h"

#include "common/data_dir.h"
#include "sim/chemicals.h"
#include "sim/dispersion/gaussian_plume.h"
#include "sim/dispersion/units.h"
#include "sim/dispersion/validity.h"
#include "sim/threat_zones.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace drillbase::tools {

namespace {

struct PlumeOptions {
    double rateKgS = 0;
    double windMS = 0;
    std::string stability = "D";
    bool urban = false;
    double x = 0, y = 0, z = 0;
    double heightM = 0;
    std::string chemical;
    std::string chemicalsFile;  // default: <content>/chemicals.json
    double ambientC = 20;
};

// Loads the chemicals table and finds `name`; reports on stderr and returns nullopt on failure.
std::optional<sim::Chemical> findChemical(const PlumeOptions& o) {
    const std::filesystem::path file = o.chemicalsFile.empty()
                                           ? contentDir() / "chemicals.json"
                                           : std::filesystem::path(o.chemicalsFile);
    std::vector<Diagnostic> diags;
    const auto table = sim::ChemicalTable::load(file, diags);
    for (const auto& d : diags) std::cerr << d.format() << '\n';
    if (!table) return std::nullopt;
    if (const auto* c = table->find(o.chemical)) return *c;
    std::cerr << "drillctl plume: unknown chemical \"" << o.chemical << "\"; known:";
    for (const auto& c : table->all()) std::cerr << ' ' << c.id;
    std::cerr << '\n';
    return std::nullopt;
}

nlohmann::json runPlume(const PlumeOptions& o, const std::optional<sim::Chemical>& chem) {
    sim::PlumeInput in;
    in.rateKgS = o.rateKgS;
    in.windMS = o.windMS;
    in.stability = *sim::parseStability(o.stability);
    in.terrain = o.urban ? sim::Terrain::Urban : sim::Terrain::Rural;
    in.releaseHeightM = o.heightM;
    const auto v = sim::gaussianPlume(in, o.x, o.y, o.z);

    nlohmann::json out;
    out["inputs"] = {{"rateKgS", o.rateKgS},
                     {"windMS", o.windMS},
                     {"stability", std::string(1, sim::stabilityLetter(in.stability))},
                     {"terrain", sim::terrainName(in.terrain)},
                     {"x", o.x},
                     {"y", o.y},
                     {"z", o.z},
                     {"heightM", o.heightM}};
    out["sigmaY"] = v.sigmas.y;
    out["sigmaZ"] = v.sigmas.z;
    out["mgPerM3"] = v.mgPerM3;

    sim::ValidityInput check;
    check.windMS = o.windMS;
    check.rateKgS = o.rateKgS;
    check.distanceM = o.x;
    check.ambientTempK = 273.15 + o.ambientC;
    check.releaseTempK = check.ambientTempK;
    if (chem) {
        out["inputs"]["chemical"] = chem->id;
        out["chemical"] = {{"id", chem->id},
                           {"nameZh", chem->nameZh},
                           {"nameEn", chem->nameEn},
                           {"molecularWeight", chem->molecularWeight}};
        out["ppm"] = sim::mgPerM3ToPpm(v.mgPerM3, chem->molecularWeight);
        const auto thresholds = sim::aeglThresholds(*chem);
        nlohmann::json aegl = nlohmann::json::object();
        for (int lv = 1; lv <= 3; ++lv) {
            const auto& t = thresholds.level[static_cast<std::size_t>(lv - 1)];
            aegl["aegl" + std::to_string(lv)] = t ? nlohmann::json(*t) : nlohmann::json(nullptr);
        }
        out["aegl60minMgPerM3"] = aegl;
        out["threatLevel"] = sim::threatLevel(v.mgPerM3, thresholds);
        check.molecularWeight = chem->molecularWeight;
        // A gas leaving a pressurised liquid store flashes at about its boiling point.
        if (chem->boilingPointC) {
            check.releaseTempK = std::min(check.ambientTempK, 273.15 + *chem->boilingPointC);
        }
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : sim::checkValidity(check)) {
        warnings.push_back({{"code", sim::validityIssueName(w.issue)},
                            {"value", w.value},
                            {"limit", w.limit},
                            {"detail", w.detail}});
    }
    out["warnings"] = warnings;
    return out;
}

}  // namespace

void addPlumeCommand(CLI::App& app) {
    auto opts = std::make_shared<PlumeOptions>();
    auto* cmd = app.add_subcommand(
        "plume",
        "Steady Gaussian plume (Briggs sigmas, ground reflection) at one point, as JSON. "
        "x is downwind, y crosswind, z height, metres");
    cmd->add_option("--rate-kg-s", opts->rateKgS, "Release rate Q, kg/s")
        ->required()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--wind-m-s", opts->windMS, "Wind speed u at release height, m/s")
        ->required()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--stability", opts->stability, "Pasquill-Gifford class A-F")
        ->required()
        ->check(CLI::IsMember({"A", "B", "C", "D", "E", "F"}, CLI::ignore_case));
    cmd->add_flag("--urban", opts->urban, "Briggs urban sigmas (default: rural / open country)");
    cmd->add_option("--x", opts->x, "Downwind distance, m")->required()->check(CLI::PositiveNumber);
    cmd->add_option("--y", opts->y, "Crosswind offset, m (default 0)");
    cmd->add_option("--z", opts->z, "Receptor height, m (default 0)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--height", opts->heightM, "Release height h, m (default 0)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--chemical", opts->chemical,
                    "Chemical id, English name or CAS number from content/chemicals.json: adds "
                    "ppm, AEGL threat level and the dense-gas check");
    cmd->add_option("--chemicals-file", opts->chemicalsFile,
                    "Chemicals table to use instead of content/chemicals.json");
    cmd->add_option("--ambient-c", opts->ambientC, "Air temperature, deg C (default 20)");
    cmd->callback([opts] {
        std::optional<sim::Chemical> chem;
        if (!opts->chemical.empty()) {
            chem = findChemical(*opts);
            if (!chem) throw CLI::RuntimeError(2);
        }
        std::cout << runPlume(*opts, chem).dump(2) << '\n';
    });
}

}  // namespace drillbase::tools
