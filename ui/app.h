// app.h — the GUI's controller: string catalogs, the database with its settings, and the
// AppState. It applies the requests panels make and knows when fonts must be rebuilt.
// No SDL or GL here, so the headless tests drive the same object the window does.
#pragma once

#include "common/i18n.h"
#include "ledger/settings_store.h"
#include "ledger/sqlite_db.h"
#include "ui/app_state.h"

#include <imgui.h>

#include <filesystem>
#include <memory>

namespace drillbase::ui {

class App {
public:
    // Loads content/i18n and opens (creating on first start) the database. Throws
    // std::runtime_error with a message naming the file when either fails.
    App(const std::filesystem::path& contentDir, const std::filesystem::path& dbFile);

    const Strings& strings() const { return strings_; }
    AppState& state() { return state_; }
    const AppState& state() const { return state_; }
    const AppInfo& info() const { return info_; }
    const ImWchar* glyphRanges() const { return ranges_.Data; }
    float fontPixelSize() const { return kBaseFontPx * state_.uiScale; }

    // Applies what the panels asked for this frame; saves language and scale.
    // Returns true when the font atlas must be rebuilt (the scale changed).
    bool apply(const UiRequests& r);
    bool quitRequested() const { return quit_; }
    void setLocale(const std::string& locale);  // also used by --lang

private:
    Catalog catalogFor(const std::string& locale) const;

    std::map<std::string, Catalog> catalogs_;
    Strings strings_;
    std::unique_ptr<ledger::SqliteDb> db_;
    std::unique_ptr<ledger::SettingsStore> settings_;
    AppState state_;
    AppInfo info_;
    ImVector<ImWchar> ranges_;
    bool quit_ = false;
};

}  // namespace drillbase::ui
