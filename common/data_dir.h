// data_dir.h — where the executables find content/ and scenarios/.
// Order: an explicit override (command line or DRILLBASE_CONTENT_DIR / DRILLBASE_SCENARIO_DIR),
// then next to an installed binary (<prefix>/share/drillbase/...), then the source tree the
// binary was built from — which is what `make run` and the tests use.
#pragma once

#include <filesystem>
#include <optional>

namespace drillbase {

std::filesystem::path contentDir(const std::optional<std::filesystem::path>& override = {});
std::filesystem::path scenarioDir(const std::optional<std::filesystem::path>& override = {});

}  // namespace drillbase
