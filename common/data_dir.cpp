#include "common/data_dir.h"

#include "build_config.h"

#include <cstdlib>
#include <system_error>

namespace drillbase {

namespace {
std::filesystem::path exeDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

std::filesystem::path find(const std::optional<std::filesystem::path>& override, const char* envVar,
                           const char* folder, const char* sourceFallback) {
    if (override) return *override;
    if (const char* env = std::getenv(envVar); env && *env) return env;
    const auto installed = exeDir() / ".." / "share" / "drillbase" / folder;
    std::error_code ec;
    if (std::filesystem::is_directory(installed, ec)) return installed.lexically_normal();
    return sourceFallback;
}
}  // namespace

std::filesystem::path contentDir(const std::optional<std::filesystem::path>& override) {
    return find(override, "DRILLBASE_CONTENT_DIR", "content", build::kSourceContentDir);
}

std::filesystem::path scenarioDir(const std::optional<std::filesystem::path>& override) {
    return find(override, "DRILLBASE_SCENARIO_DIR", "scenarios", build::kSourceScenarioDir);
}

}  // namespace drillbase
