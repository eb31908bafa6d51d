// users.h — who may do what with the certification ledger: user accounts with one role each,
// Argon2id passwords, and the permission table.
//
// Why users are events on the hash chain and not a plain table: who was given which role, and
// by whom, decides which records are trustworthy; an account quietly added or promoted in a
// table would leave no trace. As events (UserAdded, UserRoleChanged, UserPasswordChanged,
// UserDisabled) every change is covered by verify() and by signed checkpoints.
//
// Why the Argon2id string itself is not in the event: events go to the provincial ledger and to
// inspectors. The event carries only credential_digest = SHA-256 of the Argon2id string; the
// string (salt, cost and hash) sits in the table user_credentials. authenticate() accepts a
// password only when the table's string still hashes to the digest of the user's latest
// credential event, so replacing it in the table (to take over an account) is refused, and an
// exported chain gives nothing to test guesses against (the salt is not in it).
//
// Identity numbers: the ledger stores only a keyed hash and the masked form
// (identity_document.h), so no role can be shown a full number; ViewFullIdNumber exists so the
// rule is decided once, for the day a reversible store is added. Until then nothing is
// revealed and there is no "id number viewed" event to log.
#pragma once

#include "ledger/sqlite_db.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger {

namespace kinds {
// Event kinds of user management (kept here, not in event_kinds.h, which belongs to the record
// side; projections.cpp ignores them, see its "Unknown kinds" rule).
// {name, role, credential_digest, by?}: `by` is absent only for the first (bootstrap) admin.
inline constexpr const char* kUserAdded = "UserAdded";
// {name, role, by}
inline constexpr const char* kUserRoleChanged = "UserRoleChanged";
// {name, credential_digest, by}
inline constexpr const char* kUserPasswordChanged = "UserPasswordChanged";
// {name, by}: the account can no longer sign in; its past events keep their meaning.
inline constexpr const char* kUserDisabled = "UserDisabled";
// {name, reason}: a refused sign-in (reason: unknown_user, wrong_password, disabled, locked).
// Never the password. A name that is not a valid login name (which may be a password typed
// into the wrong field) is not recorded: {name_valid: false, reason}.
inline constexpr const char* kSignInFailed = "SignInFailed";
// {name}: a sign-in that succeeded after recorded failures; the count starts again. Not
// written after a clean success, so everyday sign-ins do not grow the chain.
inline constexpr const char* kSignInSucceeded = "SignInSucceeded";
}  // namespace kinds

enum class UserRole { Trainee, Instructor, Official, Admin };
std::string_view userRoleName(UserRole r);  // "trainee", "instructor", "official", "admin"
std::optional<UserRole> userRoleFromName(std::string_view name);

enum class Action {
    ReadOwnRecords,    // a trainee's own hours, exams and certificates
    ReadRecords,       // everyone's records
    ExportRecords,     // files for inspectors and the provincial ledger
    RecordTraining,    // class hours
    RecordResults,     // exam and drill results
    ManageUsers,       // add users, change roles and passwords, disable accounts
    CreateCheckpoint,  // sign the chain head
    ViewFullIdNumber,  // see an identity number unmasked (see the note at the top)
};

// The permission table of the issue: officials read and export, instructors record training
// and results, admins manage users. Decisions beyond the issue text:
//  - instructors read all records (they must see a trainee's history to plan training);
//  - admins read, export and sign checkpoints but do not record training or results, so the
//    person who hands out accounts is not also the one entering results (separation of duties);
//  - full identity numbers: official and admin only (PIPL art. 28/29: sensitive data only for
//    a specific purpose and with strict protection; officials check identities on inspection,
//    admins fix registration errors). Instructors and trainees see the masked form.
bool can(UserRole role, Action action);

struct User {
    std::string name;
    UserRole role = UserRole::Trainee;
    bool disabled = false;
    std::string addedEventId;  // the UserAdded event
};

// Argon2id cost. interactive() is libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE (64 MiB, 2 passes),
// the level libsodium documents for on-line logins; use it everywhere except tests.
// testOnlyMinimum() is the smallest cost Argon2id accepts (8 KiB, 1 pass): it keeps unit tests
// and sanitizer runs fast and must never be used for real accounts. Verification reads the
// cost from the stored string, so either kind of hash verifies with any setting.
struct PasswordCost {
    std::uint64_t opsLimit = 0;
    std::size_t memLimit = 0;
    static PasswordCost interactive();
    static PasswordCost testOnlyMinimum();
};

// Refused user operations: the message says why in words an administrator can act on.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Login names: 2 to 32 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or
// digit (stable, case-free, safe in logs and file names).
bool isValidUserName(std::string_view name);
// NIST SP 800-63B §5.1.1.2: at least 8 characters, long passphrases allowed (we cap at 1024
// bytes only to bound the work done per attempt).
std::optional<std::string> passwordProblem(std::string_view password);

// Sign-in rate limit (NIST SP 800-63B §5.2.2, "Rate Limiting (Throttling)"; OWASP
// Authentication Cheat Sheet, "Account Lockout"). The failures in a row for one name, counted
// from the chain's SignInFailed events since the name's last success, password change or
// creation, decide: the first kFreeFailures cost nothing; after that each attempt waits
// firstDelaySeconds × 2^(failures − freeFailures) after the last failure, at most
// maxDelaySeconds (an hour), so an online guesser gets a few dozen tries a day while the user
// who mistyped waits half a minute. Unknown names are counted the same way, so a lockout does
// not tell which names exist. Attempts refused while locked are audited but do not lengthen
// the delay (they check no password), so hammering a locked account cannot lock it for good.
struct SignInPolicy {
    int freeFailures = 5;
    std::int64_t firstDelaySeconds = 30;
    std::int64_t maxDelaySeconds = 3600;
};
// The wait after `failures` failures in a row (0 while failures < freeFailures).
std::int64_t signInDelaySeconds(int failures, const SignInPolicy& policy = {});

// "YYYY-MM-DDTHH:MM:SSZ" as seconds since 1970-01-01T00:00:00Z, and back.
std::optional<std::int64_t> parseUtcTimestamp(std::string_view text);
std::string formatUtcTimestamp(std::int64_t seconds);

struct SignInResult {
    std::optional<User> user;  // signed in
    int failures = 0;          // failures in a row for the name, this attempt included
    std::string retryAfter;    // set when refused because of earlier failures (UTC)
    bool locked() const { return !retryAfter.empty(); }
};

// Users of one ledger database. The database must hold an initialised ledger
// (EventStore::initialize); every change is appended as an event with the caller's `at`.
class UserDirectory {
public:
    explicit UserDirectory(SqliteDb& db, PasswordCost cost = PasswordCost::interactive());

    bool empty();
    std::vector<User> list();  // by name
    std::optional<User> find(const std::string& name);

    // The first account of a new ledger: refused as soon as any user exists.
    User bootstrapAdmin(const std::string& name, const std::string& password,
                        const std::string& at);
    // `actor` must be an enabled user allowed ManageUsers. A name is never reused, even after
    // the account was disabled: past events that name it must keep pointing at one person.
    User addUser(const User& actor, const std::string& name, UserRole role,
                 const std::string& password, const std::string& at);
    void changeRole(const User& actor, const std::string& name, UserRole role,
                    const std::string& at);
    // An admin resets anyone's password; everyone may change their own.
    void changePassword(const User& actor, const std::string& name, const std::string& newPassword,
                        const std::string& at);
    // Refused for the actor's own account, so the last admin cannot lock everyone out.
    void disable(const User& actor, const std::string& name, const std::string& at);

    // The enabled user, when the password is right; std::nullopt for an unknown name, a wrong
    // password, a disabled account or a credential that no longer matches the chain. The
    // reasons are not told apart, so a caller cannot probe which names exist.
    // No rate limit and no audit event: it has no time to record. Use signIn(); this stays
    // only for callers that do not pass the time yet.
    std::optional<User> authenticate(const std::string& name, const std::string& password);

    // authenticate() under the rate limit above, with `at` (UTC "YYYY-MM-DDTHH:MM:SSZ") as
    // "now": every failure appends a SignInFailed event; while the name is locked the password
    // is not even checked. The caller tells the person only "refused" or "locked until".
    SignInResult signIn(const std::string& name, const std::string& password,
                        const std::string& at);
    // The failures in a row recorded for `name` (see SignInPolicy), and the last one's time.
    struct FailureCount {
        int checked = 0;     // password checks that failed: these set the delay
        int all = 0;         // including attempts refused while locked
        std::string lastAt;  // time of the last checked failure
    };
    FailureCount recentFailures(const std::string& name);
    void setSignInPolicy(const SignInPolicy& p) { policy_ = p; }

private:
    struct State {
        User user;
        std::string credentialDigest;
    };
    std::vector<State> replay();
    std::optional<State> findState(const std::string& name);
    void requireManager(const User& actor);
    std::string storeCredential(const std::string& name, const std::string& password);
    void appendEvent(const char* kind, const std::string& at, nlohmann::json payload);

    SqliteDb& db_;
    PasswordCost cost_;
    SignInPolicy policy_;
};

}  // namespace drillbase::ledger
