#include "tools/drillctl/content_check.h"

#include "common/data_dir.h"
#include "common/i18n.h"
#include "ledger/industries.h"
#include "ledger/regions.h"
#include "ledger/rules.h"
#include "ledger/training_kinds.h"
#include "sim/chemicals.h"
#include "sim/engine/action_script.h"
#include "sim/hazards/builtin_hazards.h"
#include "sim/hazards/gas/gas_type.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/scoring/scorer.h"

#include <algorithm>
#include <set>

namespace drillbase::tools {

namespace {

std::vector<std::filesystem::path> jsonFilesUnder(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (std::filesystem::is_regular_file(root, ec)) return {root};
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// What kind of drillbase file this is, judged by its place and its declared format; files
// drillbase does not know only have to be valid JSON.
enum class Kind {
    Catalog,
    Chemicals,
    Grading,
    Rules,
    Industries,
    Regions,
    TrainingKinds,
    DrillRules,
    GasRules,
    Scenario,
    ActionScript,
    Other
};

Kind kindOf(const JsonDocument& doc, const std::filesystem::path& file) {
    if (file.parent_path().filename() == "i18n") return Kind::Catalog;
    if (file.filename() == "chemicals.json") return Kind::Chemicals;
    if (file.filename() == "grading.json") return Kind::Grading;
    if (file.filename() == "certification-rules.json") return Kind::Rules;
    if (file.filename() == "industries.json") return Kind::Industries;
    if (file.filename() == "regions.json") return Kind::Regions;
    if (file.filename() == "training-kinds.json") return Kind::TrainingKinds;
    if (file.filename() == "drill.json") return Kind::DrillRules;
    if (file.filename() == "gas.json" && file.parent_path().filename() == "hazards")
        return Kind::GasRules;
    if (file.parent_path().filename() == "actions") return Kind::ActionScript;
    // A /1 scenario is a scenario too: its check says how to migrate it.
    const std::string format =
        doc.value.is_object() && doc.value.contains("format") && doc.value["format"].is_string()
            ? doc.value["format"].get<std::string>()
            : "";
    if (format == sim::kScenarioFormat || format == sim::kScenarioFormatV1) return Kind::Scenario;
    return Kind::Other;
}

// The content scenarios and action scripts are checked against: a checked root that is a
// content folder (it has drill.json), else the shipped one. Its own errors are its own check.
std::optional<sim::SimContent> simContentFor(const std::vector<std::filesystem::path>& roots) {
    std::filesystem::path dir = contentDir();
    for (const auto& r : roots) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(r / "drill.json", ec)) dir = r;
    }
    std::vector<Diagnostic> ignored;
    return sim::loadSimContent(dir, ignored);
}

// Every command any hazard declares: an action script does not say which hazard it is for.
sim::CommandCatalog allCommands(const sim::SimContent& content) {
    sim::CommandCatalog c = content.catalogFor("");
    for (const auto& t : content.hazards().all()) c.add(t->commands());
    return c;
}

// The ledger's loaders report JSON pointers; the document adds line and column.
void addIssues(const JsonDocument& doc, const std::vector<ledger::ContentIssue>& issues,
               std::vector<Diagnostic>& out) {
    for (const auto& i : issues) out.push_back(doc.diag(i.pointer, i.message));
}

}  // namespace

ContentCheckResult checkContent(const std::vector<std::filesystem::path>& roots) {
    ContentCheckResult result;
    std::vector<JsonDocument> locales, scenarios, scripts;
    for (const auto& root : roots) {
        std::error_code ec;
        if (!std::filesystem::exists(root, ec)) {
            result.errors.push_back(Diagnostic{root.string(), {}, "", "no such file or folder"});
            continue;
        }
        for (const auto& file : jsonFilesUnder(root)) {
            ++result.filesChecked;
            auto doc = loadJsonFile(file, result.errors);
            if (!doc) continue;
            switch (kindOf(*doc, file)) {
                case Kind::Catalog:
                    Catalog::fromDocument(*doc, result.errors);
                    locales.push_back(std::move(*doc));
                    break;
                case Kind::Chemicals: sim::ChemicalTable::fromDocument(*doc, result.errors); break;
                case Kind::DrillRules: sim::parseDrillRules(*doc, result.errors); break;
                case Kind::GasRules: sim::parseGasRules(*doc, result.errors); break;
                case Kind::Grading: sim::parseGradeScale(*doc, result.errors); break;
                case Kind::Rules:
                    addIssues(*doc, ledger::readCertificationRules(doc->value).issues,
                              result.errors);
                    break;
                case Kind::Industries:
                    addIssues(*doc, ledger::readIndustries(doc->value).issues, result.errors);
                    break;
                case Kind::Regions:
                    addIssues(*doc, ledger::readRegions(doc->value).issues, result.errors);
                    break;
                case Kind::TrainingKinds: ledger::readTrainingKinds(*doc, result.errors); break;
                case Kind::ActionScript: scripts.push_back(std::move(*doc)); break;
                case Kind::Scenario: scenarios.push_back(std::move(*doc)); break;
                case Kind::Other: break;
            }
        }
    }
    if (locales.size() > 1) checkCatalogParity(locales, result.errors);
    // Scenarios and scripts last: they are checked against the content (chemicals, commands).
    if (!scenarios.empty() || !scripts.empty()) {
        const auto content = simContentFor(roots);
        if (!content) {
            result.errors.push_back(Diagnostic{
                contentDir().string(), {}, "", "the simulation's content does not load"});
        } else {
            for (const auto& doc : scenarios) sim::loadScenario(doc, *content, result.errors);
            const auto commands = allCommands(*content);
            for (const auto& doc : scripts) sim::parseActionScript(doc, commands, result.errors);
        }
    }
    return result;
}

}  // namespace drillbase::tools
