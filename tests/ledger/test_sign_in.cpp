// Sign-in rate limit and audit (users.h SignInPolicy, UserDirectory::signIn): times are
// parameters, so nothing here sleeps.
#include "ledger/users.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "sign_in";
constexpr const char* kPassword = "correct horse battery";

std::string at(std::int64_t secondsAfterNine) {
    return formatUtcTimestamp(*parseUtcTimestamp("2026-11-23T09:00:00Z") + secondsAfterNine);
}

struct Event {
    std::string kind, at;
    nlohmann::json payload;
};

std::vector<Event> signInEvents(SqliteDb& db) {
    std::vector<Event> out;
    auto st =
        db.prepare("SELECT kind, at, payload FROM events WHERE kind LIKE 'SignIn%' ORDER BY seq");
    while (st.step())
        out.push_back(
            {st.columnText(0), st.columnText(1), nlohmann::json::parse(st.columnText(2))});
    return out;
}

}  // namespace

TEST_CASE("sign-in: UTC timestamps parse and format exactly") {
    CHECK(parseUtcTimestamp("1970-01-01T00:00:00Z") == 0);
    CHECK(parseUtcTimestamp("2026-11-23T09:00:30Z") == 1795424430);
    CHECK(formatUtcTimestamp(1795424430) == "2026-11-23T09:00:30Z");
    CHECK(formatUtcTimestamp(*parseUtcTimestamp("2028-02-29T23:59:59Z") + 1) ==
          "2028-03-01T00:00:00Z");
    CHECK_FALSE(parseUtcTimestamp("2026-02-30T00:00:00Z"));
    CHECK_FALSE(parseUtcTimestamp("2026-11-23 09:00:00"));
    CHECK_FALSE(parseUtcTimestamp("2026-11-23T25:00:00Z"));
}

TEST_CASE("sign-in: the delay grows from the 5th failure in a row, at most an hour") {
    CHECK(signInDelaySeconds(0) == 0);
    CHECK(signInDelaySeconds(4) == 0);
    CHECK(signInDelaySeconds(5) == 30);
    CHECK(signInDelaySeconds(6) == 60);
    CHECK(signInDelaySeconds(7) == 120);
    CHECK(signInDelaySeconds(12) == 3600);
    CHECK(signInDelaySeconds(30) == 3600);
    CHECK(signInDelaySeconds(1000) == 3600);
}

TEST_CASE("sign-in: 30 wrong passwords meet a lockout, and every failure is an audit event") {
    SqliteDb db(freshDb(kDbFolder, "lockout"));
    UserDirectory users(db, PasswordCost::testOnlyMinimum());
    users.bootstrapAdmin("admin", kPassword, kAt);

    int locked = 0, checked = 0;
    std::string firstRetry;
    for (int i = 0; i < 30; ++i) {  // one attempt a second
        const auto r = users.signIn("admin", "wrong password " + std::to_string(i), at(i));
        CHECK_FALSE(r.user);
        if (r.locked()) {
            ++locked;
            if (firstRetry.empty()) firstRetry = r.retryAfter;
        } else {
            ++checked;
        }
    }
    CHECK(checked == 5);  // the 6th attempt, 1 s after the 5th failure, is refused unchecked
    CHECK(locked == 25);
    CHECK(firstRetry == at(4 + 30));  // 30 s after the 5th failure

    // Even the right password is refused while locked.
    auto r = users.signIn("admin", kPassword, at(33));
    CHECK_FALSE(r.user);
    CHECK(r.locked());
    CHECK(r.retryAfter == at(34));
    CHECK(r.failures == 5);

    const auto events = signInEvents(db);
    REQUIRE(events.size() == 31);
    for (const auto& e : events) {
        CHECK(e.kind == kinds::kSignInFailed);
        CHECK(e.payload.at("name") == "admin");
        CHECK(e.payload.dump().find("wrong password") == std::string::npos);  // never a password
        CHECK(e.payload.dump().find(kPassword) == std::string::npos);
    }
    CHECK(events[0].payload.at("reason") == "wrong_password");
    CHECK(events[0].at == at(0));
    CHECK(events[5].payload.at("reason") == "locked");

    // After the delay one more password is checked; a wrong one doubles the delay.
    r = users.signIn("admin", "still wrong", at(34));
    CHECK_FALSE(r.user);
    CHECK_FALSE(r.locked());
    CHECK(r.failures == 6);
    r = users.signIn("admin", kPassword, at(34 + 59));
    CHECK(r.locked());
    CHECK(r.retryAfter == at(34 + 60));
    // Then the right password works, and the count starts again.
    r = users.signIn("admin", kPassword, at(34 + 60));
    REQUIRE(r.user);
    CHECK(r.user->name == "admin");
    CHECK(signInEvents(db).back().kind == kinds::kSignInSucceeded);
    CHECK(users.recentFailures("admin").all == 0);
    CHECK_FALSE(users.signIn("admin", "wrong", at(200)).locked());

    // The events are on the hash chain, which still verifies.
    SqliteEventStorage storage(db);
    CHECK(EventStore(storage).verify().ok());
}

TEST_CASE("sign-in: unknown names are limited and audited alike; a clean success adds nothing") {
    SqliteDb db(freshDb(kDbFolder, "unknown"));
    UserDirectory users(db, PasswordCost::testOnlyMinimum());
    users.bootstrapAdmin("admin", kPassword, kAt);
    const auto before = count(db, "SELECT count(*) FROM events");
    REQUIRE(users.signIn("admin", kPassword, at(1)).user);
    CHECK(count(db, "SELECT count(*) FROM events") == before);

    for (int i = 0; i < 5; ++i) CHECK_FALSE(users.signIn("ghost", "guess", at(10 + i)).locked());
    CHECK(users.signIn("ghost", "guess", at(20)).locked());  // no hint that ghost does not exist
    auto events = signInEvents(db);
    REQUIRE(events.size() == 6);
    CHECK(events[0].payload.at("name") == "ghost");
    CHECK(events[0].payload.at("reason") == "unknown_user");

    // A "name" that is no login name (perhaps a password in the wrong field) is not recorded.
    CHECK_FALSE(users.signIn("My Secret Passw0rd!", "x", at(30)).user);
    events = signInEvents(db);
    CHECK(events.back().payload.dump().find("Secret") == std::string::npos);
    CHECK(events.back().payload.at("name_valid") == false);

    // An admin's password reset unlocks an account.
    users.addUser(*users.find("admin"), "li.na", UserRole::Instructor, kPassword, at(40));
    for (int i = 0; i < 6; ++i) users.signIn("li.na", "nope", at(50 + i));
    CHECK(users.signIn("li.na", kPassword, at(60)).locked());
    users.changePassword(*users.find("admin"), "li.na", "new password 123", at(61));
    CHECK(users.signIn("li.na", "new password 123", at(62)).user);

    CHECK_THROWS_AS(users.signIn("admin", kPassword, "yesterday"), UserError);
}
