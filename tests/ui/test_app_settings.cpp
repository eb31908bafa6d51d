// Language and UI scale are remembered in the database between runs.
#include "ui_fixture.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace drillbase::ui;

TEST_CASE("language and scale persist across restarts") {
    const auto db = testDbPath("persist");
    {
        App app(sourceContent(), db);
        CHECK(app.state().locale == "zh-CN");  // Chinese first
        CHECK(app.state().uiScale == doctest::Approx(1.0));
        UiRequests r;
        r.setLocale = "en";
        r.setScale = 1.5f;
        CHECK(app.apply(r));  // scale changed: fonts must be rebuilt
        UiRequests same;
        same.setScale = 1.5f;
        CHECK_FALSE(app.apply(same));
    }
    App again(sourceContent(), db);
    CHECK(again.state().locale == "en");
    CHECK(again.state().uiScale == doctest::Approx(1.5));
    CHECK(again.fontPixelSize() == doctest::Approx(kBaseFontPx * 1.5));
}

TEST_CASE("out-of-range scales are clamped") {
    App app(sourceContent(), testDbPath("clamp"));
    UiRequests r;
    r.setScale = 9.0f;
    app.apply(r);
    CHECK(app.state().uiScale == doctest::Approx(kMaxUiScale));
    CHECK(clampUiScale(0.1f) == doctest::Approx(kMinUiScale));
}

TEST_CASE("screen names round-trip for --screen") {
    for (Screen s : kAllScreens) CHECK(screenFromName(screenName(s)) == s);
    CHECK_FALSE(screenFromName("nope").has_value());
}

TEST_CASE("a broken string catalog is reported with file and line") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("drillbase-badcontent-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "i18n");
    std::ofstream(dir / "i18n" / "zh-CN.json") << "{\n  \"meta.locale\": \"zh-CN\",\n  oops\n}\n";
    std::ofstream(dir / "i18n" / "en.json") << "{\"meta.locale\": \"en\"}\n";
    try {
        App app(dir, testDbPath("badcontent"));
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("zh-CN.json:3:3: invalid JSON") != std::string::npos);
    }
}
