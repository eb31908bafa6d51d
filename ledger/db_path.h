// db_path.h — where the embedded default database lives.
// XDG Base Directory spec: $XDG_DATA_HOME (when set and absolute) else ~/.local/share.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace drillbase::ledger {

// The default database file, e.g. ~/.local/share/drillbase/drillbase.sqlite. Environment
// values are passed in so the rule can be tested without touching the real environment.
std::filesystem::path defaultDbPath(const std::optional<std::string>& xdgDataHome,
                                    const std::optional<std::string>& home);

// Same, read from the process environment; throws std::runtime_error when neither is usable.
std::filesystem::path defaultDbPathFromEnv();

// Creates the parent folder of a database file if missing (first start).
void ensureParentDir(const std::filesystem::path& dbFile);

}  // namespace drillbase::ledger
