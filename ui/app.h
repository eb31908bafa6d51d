// app.h — the GUI's controller: string catalogs, the database with its settings, and the
// AppState. It applies the requests panels make and knows when fonts must be rebuilt.
// No SDL or GL here, so the headless tests drive the same object the window does.
#pragma once

#include "common/i18n.h"
#include "ledger/settings_store.h"
#include "ledger/sqlite_db.h"
#include "ui/app_state.h"
#include "ui/drill_session.h"
#include "ui/frame.h"
#include "ui/panels/drill_ui_state.h"
#include "ui/records_session.h"
#include "ui/scenario_catalog.h"

#include <imgui.h>

#include <filesystem>
#include <memory>

namespace drillbase::ui {

class App {
public:
    // Loads content/i18n and opens (creating on first start) the database. Throws
    // std::runtime_error with a message naming the file when either fails.
    // `cost` is the Argon2id cost of new passwords (tests pass the minimum); `clock` says when
    // records are made (tests fix it).
    App(const std::filesystem::path& contentDir, const std::filesystem::path& dbFile,
        ledger::PasswordCost cost = ledger::PasswordCost::interactive(),
        RecordsClock clock = RecordsClock::system());

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

    // The certification ledger in the same database: sign-in and the records screens.
    RecordsView recordsView();
    const RecordsSession* records() const { return records_.get(); }
    // Signs in without the form (--login for demos and screenshots); false when refused.
    bool signIn(const std::string& name, const std::string& password);
    // Opens a records tab ("archive", "roster", "expiring", "stats", "export", "users") with
    // its list loaded, and runs a search when `find` is not empty (--tab, --find): a person,
    // or on the roster tab an organisation.
    // False for an unknown tab name.
    bool openRecordsTab(const std::string& tab, const std::string& find);

    // Drills: the scenario catalog, the running session (if any) and its screen state.
    DrillView drillView();
    // The simulation's content (engine rules, hazard types); null when it failed to load.
    const sim::SimContent* simContent() const { return content_ ? &*content_ : nullptr; }
    const std::vector<ScenarioEntry>& catalog() const { return catalog_; }
    const DrillSession* session() const { return session_.get(); }
    DrillSession* session() { return session_.get(); }
    // Starts catalog entry `index`; false (with the reason on stderr) when it cannot start.
    bool startScenario(std::size_t index, std::uint64_t seed);
    // Starts the catalog entry for `file`, applies an optional action script and runs the drill
    // for `drillTimeS` seconds (demos, screenshots, tests). False with `why` on any error.
    bool startScenarioFile(const std::filesystem::path& file, const std::filesystem::path& actions,
                           double drillTimeS, std::string& why);
    // Advances a running drill by wall-clock time; opens the report when it ends.
    void tick(double wallSeconds);

private:
    Catalog catalogFor(const std::string& locale) const;
    void loadDrillContent(const std::filesystem::path& contentDir);

    std::map<std::string, Catalog> catalogs_;
    Strings strings_;
    std::unique_ptr<ledger::SqliteDb> db_;
    std::unique_ptr<ledger::SettingsStore> settings_;
    AppState state_;
    AppInfo info_;
    ImVector<ImWchar> ranges_;
    bool quit_ = false;
    std::optional<sim::SimContent> content_;
    std::optional<sim::GradeScale> grades_;
    std::vector<ScenarioEntry> catalog_;
    std::unique_ptr<DrillSession> session_;
    // Ticks a frame may run (tick()): halved after a slow frame, grown again after fast ones.
    static constexpr double kSlowFrameS = 0.1;
    static constexpr int kMinStepsPerFrame = 20, kMaxStepsPerFrame = 2000;
    int stepBudget_ = kMaxStepsPerFrame;
    DrillUiState drillUi_;
    std::unique_ptr<RecordsSession> records_;
    std::string recordsError_;
    std::string recordsErrorKey_, recordsErrorTable_;  // RecordsView::errorKey, errorTable
    RecordsUiState recordsUi_;
};

}  // namespace drillbase::ui
