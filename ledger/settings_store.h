// settings_store.h — per-installation preferences (UI language, UI scale) kept in the
// database file, so they follow the database and never land in the working directory.
#pragma once

#include "ledger/sqlite_db.h"

#include <optional>
#include <string>

namespace drillbase::ledger {

class SettingsStore {
public:
    explicit SettingsStore(SqliteDb& db);  // creates the table when missing
    std::optional<std::string> get(const std::string& key) const;
    std::string getOr(const std::string& key, const std::string& fallback) const;
    void set(const std::string& key, const std::string& value);

private:
    SqliteDb& db_;
};

}  // namespace drillbase::ledger
