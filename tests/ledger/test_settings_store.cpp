#include "ledger/db_path.h"
#include "ledger/settings_store.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>

namespace fs = std::filesystem;
using namespace drillbase::ledger;

namespace {
// A unique scratch folder per test process so parallel ctest runs never share a file.
fs::path scratch(const char* name) {
    auto dir = fs::temp_directory_path() / ("drillbase-test-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    return dir;
}
}  // namespace

TEST_CASE("settings survive closing and reopening the database") {
    const auto file = scratch("settings") / "nested" / "drillbase.sqlite";
    ensureParentDir(file);
    {
        SqliteDb db(file);
        SettingsStore s(db);
        CHECK_FALSE(s.get("ui.scale").has_value());
        CHECK(s.getOr("ui.scale", "1.0") == "1.0");
        s.set("ui.scale", "1.25");
        s.set("ui.scale", "1.5");  // overwrite, not a second row
        s.set("ui.locale", "en");
    }
    SqliteDb db(file);
    SettingsStore s(db);
    CHECK(s.get("ui.scale") == "1.5");
    CHECK(s.get("ui.locale") == "en");
    auto st = db.prepare("SELECT count(*) FROM settings");
    REQUIRE(st.step());
    CHECK(st.columnInt(0) == 2);
}

TEST_CASE("a rolled-back transaction leaves nothing behind") {
    const auto file = scratch("tx") / "db.sqlite";
    ensureParentDir(file);
    SqliteDb db(file);
    SettingsStore s(db);
    try {
        Transaction tx(db);
        s.set("a", "1");
        throw std::runtime_error("interrupted");
    } catch (const std::runtime_error&) {
    }
    CHECK_FALSE(s.get("a").has_value());
    {
        Transaction tx(db);
        s.set("b", "2");
        tx.commit();
    }
    CHECK(s.get("b") == "2");
}

TEST_CASE("opening a database in a missing folder names the file") {
    try {
        SqliteDb db("/nonexistent-drillbase-dir/x/db.sqlite");
        FAIL("expected an error");
    } catch (const DbError& e) {
        CHECK(std::string(e.what()).find("/nonexistent-drillbase-dir/x/db.sqlite") !=
              std::string::npos);
    }
}
