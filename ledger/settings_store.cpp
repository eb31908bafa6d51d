#include "ledger/settings_store.h"

namespace drillbase::ledger {

SettingsStore::SettingsStore(SqliteDb& db) : db_(db) {
    db_.exec("CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
}

std::optional<std::string> SettingsStore::get(const std::string& key) const {
    auto st = db_.prepare("SELECT value FROM settings WHERE key = ?1");
    st.bind(1, key);
    if (st.step()) return st.columnText(0);
    return std::nullopt;
}

std::string SettingsStore::getOr(const std::string& key, const std::string& fallback) const {
    return get(key).value_or(fallback);
}

void SettingsStore::set(const std::string& key, const std::string& value) {
    auto st = db_.prepare(
        "INSERT INTO settings(key, value) VALUES(?1, ?2) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    st.step();
}

}  // namespace drillbase::ledger
