// content_check.h — `drillctl content check`: every JSON file under content/ and scenarios/
// must parse, and the files drillbase knows must also pass their own validation.
#pragma once

#include "common/json_source.h"

#include <filesystem>
#include <vector>

namespace drillbase::tools {

struct ContentCheckResult {
    int filesChecked = 0;
    std::vector<Diagnostic> errors;
};

// Checks all *.json below each root (sorted, so output is stable across file systems).
ContentCheckResult checkContent(const std::vector<std::filesystem::path>& roots);

}  // namespace drillbase::tools
