#include "ui/scenario_catalog.h"

#include "sim/scenario/scenario_loader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace drillbase::ui {

std::vector<ScenarioEntry> loadScenarioCatalog(const std::filesystem::path& dir,
                                               const sim::SimContent& content) {
    std::vector<ScenarioEntry> out;
    std::error_code ec;
    auto root = std::filesystem::absolute(dir, ec);
    if (ec) root = dir;
    root = root.lexically_normal();
    for (auto it = std::filesystem::directory_iterator(root, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file() || it->path().extension() != ".json") continue;
        ScenarioEntry e;
        e.file = it->path();
        std::ifstream in(e.file, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        e.text = ss.str();
        std::vector<Diagnostic> diags;
        if (const auto doc = parseJsonText(e.file.string(), e.text, diags))
            e.scenario = sim::loadScenario(*doc, content, diags);
        for (const auto& d : diags) e.errors.push_back(d.format());
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(),
              [](const ScenarioEntry& a, const ScenarioEntry& b) { return a.file < b.file; });
    return out;
}

}  // namespace drillbase::ui
