// Users and roles: Argon2id passwords, the permission table, and user changes on the chain.
#include "ledger/event_store.h"
#include "ledger/sqlite_event_storage.h"
#include "ledger/users.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "users";
constexpr const char* kBaseId = "base-users";

// The smallest Argon2id cost keeps this suite fast; the production cost is checked once below.
UserDirectory testDirectory(SqliteDb& db) {
    return UserDirectory(db, PasswordCost::testOnlyMinimum());
}

}  // namespace

TEST_CASE("users: role permissions follow the issue's table") {
    CHECK(can(UserRole::Official, Action::ReadRecords));
    CHECK(can(UserRole::Official, Action::ExportRecords));
    CHECK_FALSE(can(UserRole::Official, Action::RecordTraining));
    CHECK_FALSE(can(UserRole::Official, Action::ManageUsers));

    CHECK(can(UserRole::Instructor, Action::RecordTraining));
    CHECK(can(UserRole::Instructor, Action::RecordResults));
    CHECK(can(UserRole::Instructor, Action::ReadRecords));
    CHECK_FALSE(can(UserRole::Instructor, Action::ExportRecords));
    CHECK_FALSE(can(UserRole::Instructor, Action::ViewFullIdNumber));

    CHECK(can(UserRole::Admin, Action::ManageUsers));
    CHECK(can(UserRole::Admin, Action::CreateCheckpoint));
    CHECK_FALSE(can(UserRole::Admin, Action::RecordResults));

    CHECK(can(UserRole::Trainee, Action::ReadOwnRecords));
    CHECK_FALSE(can(UserRole::Trainee, Action::ReadRecords));
    CHECK_FALSE(can(UserRole::Trainee, Action::ViewFullIdNumber));

    CHECK(can(UserRole::Official, Action::ViewFullIdNumber));
    CHECK(can(UserRole::Admin, Action::ViewFullIdNumber));

    for (const char* name : {"trainee", "instructor", "official", "admin"})
        CHECK(userRoleName(*userRoleFromName(name)) == name);
    CHECK_FALSE(userRoleFromName("root"));
}

TEST_CASE("users: names and passwords are checked") {
    CHECK(isValidUserName("wang.li"));
    CHECK(isValidUserName("admin-2"));
    CHECK_FALSE(isValidUserName("a"));
    CHECK_FALSE(isValidUserName("Wang"));
    CHECK_FALSE(isValidUserName("-lead"));
    CHECK_FALSE(isValidUserName("wang li"));
    CHECK(passwordProblem("short1"));
    CHECK_FALSE(passwordProblem("long enough"));
    CHECK(passwordProblem(std::string(1025, 'x')));
}

TEST_CASE("users: bootstrap admin, then only admins add users") {
    SqliteDb db(freshDb(kDbFolder, "bootstrap", kBaseId));
    auto users = testDirectory(db);
    CHECK(users.empty());
    const auto admin = users.bootstrapAdmin("chen", "correct horse", kAt);
    CHECK(admin.role == UserRole::Admin);
    CHECK_FALSE(users.empty());
    CHECK_THROWS_AS(users.bootstrapAdmin("other", "correct horse", kAt), UserError);

    const auto official =
        users.addUser(admin, "li.official", UserRole::Official, "inspect 2026", kAt);
    CHECK(official.role == UserRole::Official);
    // Not an admin: refused, even when the caller forges the role in the User value.
    User forged = official;
    forged.role = UserRole::Admin;
    CHECK_THROWS_WITH_AS(users.addUser(forged, "mallory", UserRole::Admin, "let me in!", kAt),
                         doctest::Contains("may not manage users"), UserError);
    CHECK_FALSE(users.find("mallory"));

    // A duplicate name is refused.
    CHECK_THROWS_WITH_AS(users.addUser(admin, "li.official", UserRole::Trainee, "another one", kAt),
                         doctest::Contains("already exists"), UserError);
    CHECK_THROWS_AS(users.addUser(admin, "short", UserRole::Trainee, "1234", kAt), UserError);
    CHECK_THROWS_AS(users.addUser(admin, "Bad Name", UserRole::Trainee, "long enough", kAt),
                    UserError);

    const auto all = users.list();
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == "chen");
    CHECK(all[1].name == "li.official");
}

TEST_CASE("users: authenticate accepts the right password only") {
    SqliteDb db(freshDb(kDbFolder, "auth", kBaseId));
    auto users = testDirectory(db);
    const auto admin = users.bootstrapAdmin("chen", "correct horse", kAt);
    users.addUser(admin, "zhao", UserRole::Instructor, "teach fire 1", kAt);

    const auto ok = users.authenticate("zhao", "teach fire 1");
    REQUIRE(ok);
    CHECK(ok->role == UserRole::Instructor);
    CHECK_FALSE(users.authenticate("zhao", "teach fire 2"));
    CHECK_FALSE(users.authenticate("zhao", ""));
    CHECK_FALSE(users.authenticate("nobody", "teach fire 1"));

    // Password change: old one refused, new one accepted.
    users.changePassword(admin, "zhao", "new secret 9", kAt);
    CHECK_FALSE(users.authenticate("zhao", "teach fire 1"));
    CHECK(users.authenticate("zhao", "new secret 9"));

    // Role change and disabling take effect and are refused on oneself.
    users.changeRole(admin, "zhao", UserRole::Official, kAt);
    CHECK(users.authenticate("zhao", "new secret 9")->role == UserRole::Official);
    CHECK_THROWS_AS(users.disable(admin, "chen", kAt), UserError);
    users.disable(admin, "zhao", kAt);
    CHECK_FALSE(users.authenticate("zhao", "new secret 9"));
    CHECK(users.find("zhao")->disabled);
}

TEST_CASE("users: every change is an event on the verified chain, without the password hash") {
    const auto file = freshDb(kDbFolder, "events", kBaseId);
    SqliteDb db(file);
    auto users = testDirectory(db);
    const auto admin = users.bootstrapAdmin("chen", "correct horse", kAt);
    users.addUser(admin, "zhao", UserRole::Trainee, "trainee pass", kAt);
    users.changeRole(admin, "zhao", UserRole::Instructor, kAt);

    SqliteEventStorage storage(db);
    const EventStore store(storage);
    const auto events = store.readAll();
    REQUIRE(events.size() == 3);
    CHECK(events[0].kind == "UserAdded");
    CHECK(events[1].kind == "UserAdded");
    CHECK(events[2].kind == "UserRoleChanged");
    CHECK(events[1].payload.find("\"by\":\"chen\"") != std::string::npos);
    for (const auto& e : events) CHECK(e.payload.find("argon2id") == std::string::npos);
    CHECK(store.verify().ok());
}

TEST_CASE("users: a password hash swapped in the table does not open the account") {
    const auto file = freshDb(kDbFolder, "swap", kBaseId);
    SqliteDb db(file);
    auto users = testDirectory(db);
    const auto admin = users.bootstrapAdmin("chen", "correct horse", kAt);
    users.addUser(admin, "zhao", UserRole::Instructor, "zhao's pass", kAt);
    // Someone with the file copies a hash whose password they know onto the admin's row.
    db.exec(
        "UPDATE user_credentials SET password_hash = (SELECT password_hash FROM user_credentials "
        "WHERE name = 'zhao') WHERE name = 'chen'");
    CHECK_FALSE(users.authenticate("chen", "zhao's pass"));
    CHECK_FALSE(users.authenticate("chen", "correct horse"));
    CHECK(users.authenticate("zhao", "zhao's pass"));
}

TEST_CASE("users: the production cost is Argon2id at libsodium's interactive limits") {
    const auto cost = PasswordCost::interactive();
    CHECK(cost.opsLimit >= 2);
    CHECK(cost.memLimit >= 64u * 1024 * 1024);
    SqliteDb db(freshDb(kDbFolder, "cost", kBaseId));
    UserDirectory users(db);  // the default, production cost
    users.bootstrapAdmin("chen", "correct horse", kAt);
    auto st = db.prepare("SELECT password_hash FROM user_credentials");
    REQUIRE(st.step());
    const auto stored = st.columnText(0);
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK(stored.find("m=65536") != std::string::npos);
    CHECK(users.authenticate("chen", "correct horse"));
}

TEST_CASE("users: a directory needs an initialised ledger") {
    const auto dir = fs::temp_directory_path() / ("drillbase-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto file = dir / "users-uninitialised.sqlite";
    fs::remove(file);
    SqliteDb db(file);
    CHECK_THROWS_AS(UserDirectory(db, PasswordCost::testOnlyMinimum()), EventStoreError);
}
