#include "tools/drillctl/content_check.h"

#include "common/data_dir.h"
#include "common/i18n.h"
#include "ledger/industries.h"
#include "ledger/regions.h"
#include "ledger/rules.h"
#include "sim/chemicals.h"
#include "sim/engine/action_script.h"
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
    if (file.parent_path().filename() == "actions") return Kind::ActionScript;
    if (doc.value.is_object() && doc.value.value("format", "") == sim::kScenarioFormat)
        return Kind::Scenario;
    return Kind::Other;
}

// Chemical names a scenario may use: from a chemicals.json being checked, else the shipped one.
std::set<std::string> chemicalNames(const std::optional<sim::ChemicalTable>& checked) {
    std::optional<sim::ChemicalTable> table = checked;
    if (!table) {
        std::vector<Diagnostic> ignored;  // the shipped file's own errors are its own check
        table = sim::ChemicalTable::load(contentDir() / "chemicals.json", ignored);
    }
    std::set<std::string> names;
    if (table)
        for (const auto& c : table->all()) names.insert(c.id);
    return names;
}

// The ledger's loaders report JSON pointers; the document adds line and column.
void addIssues(const JsonDocument& doc, const std::vector<ledger::ContentIssue>& issues,
               std::vector<Diagnostic>& out) {
    for (const auto& i : issues) out.push_back(doc.diag(i.pointer, i.message));
}

}  // namespace

ContentCheckResult checkContent(const std::vector<std::filesystem::path>& roots) {
    ContentCheckResult result;
    std::vector<JsonDocument> locales, scenarios;
    std::optional<sim::ChemicalTable> chemicals;
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
                case Kind::Chemicals:
                    chemicals = sim::ChemicalTable::fromDocument(*doc, result.errors);
                    break;
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
                case Kind::ActionScript: sim::parseActionScript(*doc, result.errors); break;
                case Kind::Scenario: scenarios.push_back(std::move(*doc)); break;
                case Kind::Other: break;
            }
        }
    }
    if (locales.size() > 1) checkCatalogParity(locales, result.errors);
    // Scenarios last: their chemicals are checked against the table found above.
    if (!scenarios.empty()) {
        const auto names = chemicalNames(chemicals);
        for (const auto& doc : scenarios) sim::loadScenario(doc, names, result.errors);
    }
    return result;
}

}  // namespace drillbase::tools
