#include "ledger/db_path.h"

#include <cstdlib>
#include <stdexcept>

namespace drillbase::ledger {

std::filesystem::path defaultDbPath(const std::optional<std::string>& xdgDataHome,
                                    const std::optional<std::string>& home) {
    // The spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    std::filesystem::path base;
    if (xdgDataHome && !xdgDataHome->empty() && std::filesystem::path(*xdgDataHome).is_absolute())
        base = *xdgDataHome;
    else if (home && !home->empty())
        base = std::filesystem::path(*home) / ".local" / "share";
    else
        throw std::runtime_error("neither XDG_DATA_HOME nor HOME is set; pass --db PATH");
    return base / "drillbase" / "drillbase.sqlite";
}

std::filesystem::path defaultDbPathFromEnv() {
    auto get = [](const char* name) -> std::optional<std::string> {
        const char* v = std::getenv(name);
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    return defaultDbPath(get("XDG_DATA_HOME"), get("HOME"));
}

void ensureParentDir(const std::filesystem::path& dbFile) {
    const auto parent = dbFile.parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
}

}  // namespace drillbase::ledger
