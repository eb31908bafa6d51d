#include "ui/app.h"

#include "build_config.h"
#include "common/data_dir.h"
#include "ledger/db_path.h"
#include "ui/glyphs.h"

#include <charconv>
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

App::App(const std::filesystem::path& contentDir, const std::filesystem::path& dbFile) {
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

    ledger::ensureParentDir(dbFile);
    db_ = std::make_unique<ledger::SqliteDb>(dbFile);
    settings_ = std::make_unique<ledger::SettingsStore>(*db_);
    state_.uiScale = parseScale(settings_->getOr("ui.scale", "1"));
    state_.pendingScale = state_.uiScale;
    setLocale(settings_->getOr("ui.locale", "zh-CN"));

    info_.version = std::string("drillbase ") + build::kVersion;
    info_.databasePath = dbFile.string();
    info_.contentPath = contentDir.string();
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
