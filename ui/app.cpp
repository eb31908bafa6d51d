#include "ui/app.h"

#include "build_config.h"
#include "common/data_dir.h"
#include "ledger/db_path.h"
#include "sim/engine/action_script.h"
#include "sim/hazards/builtin_hazards.h"
#include "ui/glyphs.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace drillbase::ui {

namespace {
float parseScale(const std::string& text) {
    float v = 1.0f;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    return res.ec == std::errc() ? clampUiScale(v) : 1.0f;
}
}  // namespace

App::App(const std::filesystem::path& contentDir, const std::filesystem::path& dbFile,
         ledger::PasswordCost cost, RecordsClock clock) {
    std::vector<Diagnostic> diags;
    for (const char* loc : kLocales) {
        auto cat = Catalog::load(contentDir / "i18n" / (std::string(loc) + ".json"), diags);
        catalogs_[loc] = std::move(cat);
    }
    if (!diags.empty()) {
        std::string msg = "cannot load the interface strings:";
        for (const auto& d : diags) msg += "\n  " + d.format();
        throw std::runtime_error(msg);
    }
    ranges_ = buildGlyphRanges(usedCodepoints({contentDir, scenarioDir()}, diags));
    for (const auto& d : diags) std::cerr << "warning: " << d.format() << '\n';

    loadDrillContent(contentDir);

    ledger::ensureParentDir(dbFile);
    db_ = std::make_unique<ledger::SqliteDb>(dbFile);
    settings_ = std::make_unique<ledger::SettingsStore>(*db_);
    state_.uiScale = parseScale(settings_->getOr("ui.scale", "1"));
    state_.pendingScale = state_.uiScale;
    setLocale(settings_->getOr("ui.locale", "zh-CN"));

    // The ledger shares the database; when it cannot be opened (a missing key file, broken
    // rules) drills still work and the records screens say why.
    try {
        records_ =
            std::make_unique<RecordsSession>(*db_, dbFile, contentDir, cost, std::move(clock));
    } catch (const ledger::LedgerUntrustedError& e) {
        using Reason = ledger::LedgerUntrustedError::Reason;
        recordsError_ = e.what();
        recordsErrorKey_ = e.reason == Reason::TableChanged    ? "records.untrusted.table_changed"
                           : e.reason == Reason::SealsRemoved  ? "records.untrusted.seals_removed"
                           : e.reason == Reason::SealNotSigned ? "records.untrusted.seal_not_signed"
                                                               : "records.untrusted.signature";
        recordsErrorTable_ = e.table;
        std::cerr << "drillbase: records unavailable: " << recordsError_ << '\n';
    } catch (const std::exception& e) {
        recordsError_ = e.what();
        std::cerr << "drillbase: records unavailable: " << recordsError_ << '\n';
    }

    info_.version = std::string("drillbase ") + build::kVersion;
    info_.databasePath = dbFile.string();
    info_.contentPath = contentDir.string();
}

void App::loadDrillContent(const std::filesystem::path& contentDir) {
    // Drills need the engine's rules, every hazard type's data and the grade bands; a broken
    // file disables drills with its errors on stderr but leaves the rest of the application
    // usable.
    std::vector<Diagnostic> diags;
    content_ = sim::loadSimContent(contentDir, diags);
    if (const auto doc = loadJsonFile(contentDir / "grading.json", diags))
        grades_ = sim::parseGradeScale(*doc, diags);
    for (const auto& d : diags) std::cerr << "drillbase: " << d.format() << '\n';
    if (content_ && grades_) catalog_ = loadScenarioCatalog(scenarioDir(), *content_);
}

RecordsView App::recordsView() {
    return RecordsView{records_.get(), &recordsUi_, recordsError_, recordsErrorKey_,
                       recordsErrorTable_};
}

bool App::signIn(const std::string& name, const std::string& password) {
    if (!records_) return false;
    RecordsRequest r;
    r.op = RecordsOp::SignIn;
    r.name = name;
    r.password = password;
    records_->apply(r);
    return records_->user().has_value();
}

bool App::openRecordsTab(const std::string& tab, const std::string& find) {
    static const std::pair<const char*, RecordsTab> kTabs[] = {
        {"archive", RecordsTab::Archive},   {"roster", RecordsTab::Roster},
        {"expiring", RecordsTab::Expiring}, {"stats", RecordsTab::Stats},
        {"export", RecordsTab::Export},     {"users", RecordsTab::Users}};
    std::optional<RecordsTab> which;
    for (const auto& [name, t] : kTabs)
        if (tab == name) which = t;
    if (!which) return false;
    recordsUi_.pendingTab = *which;
    UiRequests r;
    if (*which == RecordsTab::Expiring) {
        RecordsRequest q;
        q.op = RecordsOp::LoadExpiring;
        q.days = recordsUi_.expiringDays;
        r.records.push_back(q);
    }
    if (*which == RecordsTab::Stats && records_) {
        // This calendar year by region, as the panel offers first.
        RecordsRequest q;
        q.op = RecordsOp::LoadStats;
        q.group = "region";
        q.from = std::to_string(records_->today().year) + "-01-01";
        q.to = records_->today().iso();
        r.records.push_back(q);
    }
    if (*which == RecordsTab::Roster && !find.empty()) {
        std::snprintf(recordsUi_.rosterCode, sizeof recordsUi_.rosterCode, "%s", find.c_str());
        RecordsRequest q;
        q.op = RecordsOp::LoadRoster;
        q.text = find;
        q.days = recordsUi_.rosterWithin;
        r.records.push_back(q);
    } else if (!find.empty()) {
        std::snprintf(recordsUi_.search, sizeof recordsUi_.search, "%s", find.c_str());
        RecordsRequest q;
        q.op = RecordsOp::FindPeople;
        q.text = find;
        r.records.push_back(q);
    }
    apply(r);
    return true;
}

DrillView App::drillView() {
    return DrillView{&catalog_, session_.get(), &drillUi_};
}

bool App::startScenario(std::size_t index, std::uint64_t seed) {
    if (index >= catalog_.size() || !catalog_[index].scenario || !content_ || !grades_)
        return false;
    const auto& e = catalog_[index];
    try {
        session_ =
            std::make_unique<DrillSession>(*content_, *e.scenario, e.file, e.text, *grades_, seed);
    } catch (const std::exception& e) {
        std::cerr << "drillbase: cannot start " << catalog_[index].file << ": " << e.what() << '\n';
        return false;
    }
    drillUi_ = DrillUiState{};
    state_.screen = Screen::Drill;
    return true;
}

bool App::startScenarioFile(const std::filesystem::path& file, const std::filesystem::path& actions,
                            double drillTimeS, std::string& why) {
    std::error_code ec;
    std::size_t index = catalog_.size();
    for (std::size_t i = 0; i < catalog_.size(); ++i)
        if (std::filesystem::equivalent(catalog_[i].file, file, ec)) index = i;
    if (index == catalog_.size()) {
        why = file.string() + ": not a scenario in " + scenarioDir().string();
        return false;
    }
    if (!catalog_[index].scenario) {
        why = catalog_[index].errors.empty() ? "invalid scenario" : catalog_[index].errors.front();
        return false;
    }
    std::vector<sim::ScheduledCommand> script;
    if (!actions.empty()) {
        std::vector<Diagnostic> diags;
        const auto doc = loadJsonFile(actions, diags);
        const auto catalog = content_->catalogFor(catalog_[index].scenario->hazardType);
        auto parsed = doc ? sim::parseActionScript(*doc, catalog, diags) : std::nullopt;
        if (!parsed) {
            why = diags.empty() ? "invalid action script" : diags.front().format();
            return false;
        }
        script = std::move(*parsed);
    }
    if (!startScenario(index, 1)) {
        why = "cannot start " + file.string();
        return false;
    }
    session_->runScript(script, drillTimeS);
    if (session_->report()) state_.screen = Screen::Report;
    return true;
}

void App::tick(double wallSeconds) {
    if (!session_) return;
    // Fast-forward over a large landscape, whose ticks cost milliseconds, would freeze the
    // window for seconds a frame: the last frame's wall time (measured at the edge, by the
    // window) steers how many ticks this one may run, so the window answers at some 10 frames a
    // second at worst. The drill is the same; only its pace on screen changes.
    if (wallSeconds > kSlowFrameS)
        stepBudget_ = std::max(kMinStepsPerFrame, stepBudget_ / 2);
    else if (wallSeconds < kSlowFrameS / 2)
        stepBudget_ = std::min(kMaxStepsPerFrame, stepBudget_ + stepBudget_ / 4 + 1);
    session_->advance(wallSeconds, stepBudget_);
    if (session_->report() && state_.screen == Screen::Drill) state_.screen = Screen::Report;
}

Catalog App::catalogFor(const std::string& locale) const {
    const auto it = catalogs_.find(locale);
    return it == catalogs_.end() ? Catalog{} : it->second;
}

void App::setLocale(const std::string& locale) {
    // An unknown locale (an old setting, a typo in --lang) falls back to Chinese.
    const std::string loc = catalogs_.count(locale) ? locale : "zh-CN";
    state_.locale = loc;
    strings_ = Strings(catalogFor(loc), catalogFor(loc == "zh-CN" ? "en" : "zh-CN"));
}

bool App::apply(const UiRequests& r) {
    if (r.quit) quit_ = true;
    if (r.goTo) state_.screen = *r.goTo;
    if (session_)
        for (const auto& c : r.drillCommands) session_->apply(c);
    if (r.startScenario) startScenario(*r.startScenario, 1);
    if (records_)
        for (const auto& q : r.records) {
            if (q.op == RecordsOp::RecordDrillResult) {
                if (session_ && session_->report() && grades_)
                    records_->recordDrillResult(q.personId, *session_->report(),
                                                session_->scenario(), grades_->passPercent,
                                                session_->log());
                continue;
            }
            records_->apply(q);
            // A recorded session clears the form's attendees, so it is not recorded twice.
            if (q.op == RecordsOp::RecordTraining && records_->notice().ok)
                recordsUi_.attendees.clear();
            if (q.op == RecordsOp::SignOut) recordsUi_ = RecordsUiState{};
        }
    if (session_ && session_->report() && state_.screen == Screen::Drill)
        state_.screen = Screen::Report;
    if (r.setLocale && *r.setLocale != state_.locale) {
        setLocale(*r.setLocale);
        settings_->set("ui.locale", state_.locale);
    }
    bool rebuildFonts = false;
    if (r.setScale) {
        const float s = clampUiScale(*r.setScale);
        state_.pendingScale = s;
        if (s != state_.uiScale) {
            state_.uiScale = s;
            settings_->set("ui.scale", std::to_string(s));
            rebuildFonts = true;
        }
    }
    return rebuildFonts;
}

}  // namespace drillbase::ui
