#include "tools/drillctl/content_check.h"

#include "common/i18n.h"

#include <algorithm>

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

bool isLocaleCatalog(const std::filesystem::path& file) {
    return file.parent_path().filename() == "i18n";
}

}  // namespace

ContentCheckResult checkContent(const std::vector<std::filesystem::path>& roots) {
    ContentCheckResult result;
    std::vector<JsonDocument> locales;
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
            if (isLocaleCatalog(file)) {
                Catalog::fromDocument(*doc, result.errors);
                locales.push_back(std::move(*doc));
            }
        }
    }
    if (locales.size() > 1) checkCatalogParity(locales, result.errors);
    return result;
}

}  // namespace drillbase::tools
