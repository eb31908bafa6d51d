#include "ledger/users.h"

#include "ledger/batch_signature.h"

#include "ledger/event_store.h"
#include "ledger/sha256.h"
#include "ledger/sqlite_event_storage.h"

#include <sodium.h>

#include "ledger/civil_date.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace drillbase::ledger {

namespace {

constexpr std::array<std::string_view, 4> kRoleNames = {"trainee", "instructor", "official",
                                                        "admin"};

// The password strings must not travel with the chain, so they live in a table outside it; see
// users.h for how the chain still vouches for them. Rows are keyed by their digest and only
// added before the event is appended: if the append then fails, the account keeps working with
// its old row and the new row is an orphan that nothing points at.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS user_credentials(
  digest        TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL
);
)sql";

std::string str(const nlohmann::json& p, const char* key) {
    const auto it = p.find(key);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string_view userRoleName(UserRole r) {
    return kRoleNames[static_cast<std::size_t>(r)];
}

std::optional<UserRole> userRoleFromName(std::string_view name) {
    for (std::size_t i = 0; i < kRoleNames.size(); ++i)
        if (kRoleNames[i] == name) return static_cast<UserRole>(i);
    return std::nullopt;
}

bool can(UserRole role, Action action) {
    switch (action) {
        case Action::ReadOwnRecords: return true;
        case Action::ReadRecords: return role != UserRole::Trainee;
        case Action::ExportRecords:
        case Action::ViewFullIdNumber: return role == UserRole::Official || role == UserRole::Admin;
        case Action::RecordTraining:
        case Action::RecordResults: return role == UserRole::Instructor;
        case Action::ManageUsers:
        case Action::CreateCheckpoint: return role == UserRole::Admin;
    }
    return false;
}

PasswordCost PasswordCost::interactive() {
    return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::testOnlyMinimum() {
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

std::int64_t signInDelaySeconds(int failures, const SignInPolicy& policy) {
    if (failures < policy.freeFailures) return 0;
    std::int64_t delay = policy.firstDelaySeconds;
    for (int i = policy.freeFailures; i < failures && delay < policy.maxDelaySeconds; ++i)
        delay *= 2;
    return std::min(delay, policy.maxDelaySeconds);
}

std::optional<std::int64_t> parseUtcTimestamp(std::string_view t) {
    // Exactly "YYYY-MM-DDTHH:MM:SSZ", the form of utcTimestampNow() and of every event's `at`.
    if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
        t[16] != ':' || t[19] != 'Z')
        return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) -> int {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2),
              s = num(17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
        s < 0 || s > 60)
        return std::nullopt;
    const CivilDate date{y, mo, d};
    if (CivilDate::fromDays(date.toDays()).iso() != date.iso()) return std::nullopt;  // 02-30
    return (date.toDays() - CivilDate{1970, 1, 1}.toDays()) * 86400 + h * 3600 + mi * 60 + s;
}

std::string formatUtcTimestamp(std::int64_t seconds) {
    const std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const std::int64_t rest = seconds - days * 86400;
    const auto date = CivilDate::fromDays(CivilDate{1970, 1, 1}.toDays() + days);
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(rest / 3600),
                  static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
    return date.iso() + buf;
}

bool isValidUserName(std::string_view name) {
    if (name.size() < 2 || name.size() > 32) return false;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(name[0])) return false;
    return std::all_of(name.begin(), name.end(),
                       [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::optional<std::string> passwordProblem(std::string_view password) {
    if (password.size() < 8) return "a password needs at least 8 characters";
    if (password.size() > 1024) return "a password may have at most 1024 bytes";
    return std::nullopt;
}

UserDirectory::UserDirectory(SqliteDb& db, PasswordCost cost) : db_(db), cost_(cost) {
    ensureSodium();
    SqliteEventStorage storage(db_);
    EventStore store(storage);  // throws EventStoreError when the ledger is not initialised
    db_.exec(kSchema);
}

void UserDirectory::appendEvent(const char* kind, const std::string& at, nlohmann::json payload) {
    SqliteEventStorage storage(db_);
    EventStore store(storage);
    try {
        store.append({kind, at, std::move(payload)});
    } catch (const EventStoreError& e) {
        throw UserError(e.what());
    }
}

// The current users, replayed from the chain in order. A voided user event (EventVoided) is
// skipped, the same rule the record projections follow.
std::vector<UserDirectory::State> UserDirectory::replay() {
    // Only what the base signed: a role change appended without the key (a trainee made an
    // instructor by hand) grants nothing (batch_signature.h trustedHead).
    SqliteEventStorage storage(db_);
    const std::int64_t trusted = trustedHead(storage);
    std::vector<std::string> voided;
    {
        auto st = db_.prepare("SELECT payload FROM events WHERE kind = 'EventVoided' AND seq <= ?");
        st.bind(1, trusted);
        while (st.step())
            voided.push_back(str(nlohmann::json::parse(st.columnText(0)), "event_id"));
    }
    std::vector<State> users;
    auto st = db_.prepare(
        "SELECT event_id, kind, payload FROM events WHERE kind IN "
        "('UserAdded', 'UserRoleChanged', 'UserPasswordChanged', 'UserDisabled') AND seq <= ? "
        "ORDER BY seq");
    st.bind(1, trusted);
    while (st.step()) {
        const std::string eventId = st.columnText(0);
        if (std::find(voided.begin(), voided.end(), eventId) != voided.end()) continue;
        const std::string kind = st.columnText(1);
        const auto p = nlohmann::json::parse(st.columnText(2));
        const std::string name = str(p, "name");
        auto it = std::find_if(users.begin(), users.end(),
                               [&](const State& s) { return s.user.name == name; });
        if (kind == kinds::kUserAdded) {
            // A second UserAdded for a name (two writers racing) does not replace the first.
            const auto role = userRoleFromName(str(p, "role"));
            if (it != users.end() || !role) continue;
            users.push_back({User{name, *role, false, eventId}, str(p, "credential_digest")});
            continue;
        }
        if (it == users.end()) continue;
        if (kind == kinds::kUserRoleChanged) {
            if (const auto role = userRoleFromName(str(p, "role"))) it->user.role = *role;
        } else if (kind == kinds::kUserPasswordChanged) {
            it->credentialDigest = str(p, "credential_digest");
        } else if (kind == kinds::kUserDisabled) {
            it->user.disabled = true;
        }
    }
    return users;
}

std::optional<UserDirectory::State> UserDirectory::findState(const std::string& name) {
    for (auto& s : replay())
        if (s.user.name == name) return s;
    return std::nullopt;
}

bool UserDirectory::empty() {
    return replay().empty();
}

std::vector<User> UserDirectory::list() {
    std::vector<User> out;
    for (auto& s : replay()) out.push_back(s.user);
    std::sort(out.begin(), out.end(), [](const User& a, const User& b) { return a.name < b.name; });
    return out;
}

std::optional<User> UserDirectory::find(const std::string& name) {
    const auto s = findState(name);
    if (!s) return std::nullopt;
    return s->user;
}

// The actor is looked up again on the chain: a User value built by a caller (or one whose role
// was changed since it signed in) must not carry permissions it no longer has.
void UserDirectory::requireManager(const User& actor) {
    const auto current = findState(actor.name);
    if (!current || current->user.disabled || !can(current->user.role, Action::ManageUsers))
        throw UserError("user \"" + actor.name + "\" may not manage users (admins only)");
}

// Hashes the password (Argon2id, RFC 9106, through libsodium's crypto_pwhash_str_alg, whose
// output string carries its own random salt and cost), stores it, and returns the digest the
// event records.
std::string UserDirectory::storeCredential(const std::string& name, const std::string& password) {
    if (const auto problem = passwordProblem(password)) throw UserError(*problem);
    char hashed[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hashed, password.data(), password.size(), cost_.opsLimit,
                              cost_.memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw UserError("cannot hash the password: out of memory");
    const std::string text(hashed);
    const std::string digest = sha256Hex(text);
    auto st =
        db_.prepare("INSERT INTO user_credentials(digest, name, password_hash) VALUES(?, ?, ?)");
    st.bind(1, digest).bind(2, name).bind(3, text);
    st.step();
    return digest;
}

User UserDirectory::bootstrapAdmin(const std::string& name, const std::string& password,
                                   const std::string& at) {
    if (!empty()) throw UserError("users already exist; an admin adds further users");
    if (!isValidUserName(name))
        throw UserError("user name \"" + name +
                        "\" must be 2 to 32 characters of a-z, 0-9, '.', '_' or '-'");
    const auto digest = storeCredential(name, password);
    appendEvent(kinds::kUserAdded, at,
                {{"name", name}, {"role", "admin"}, {"credential_digest", digest}});
    return *find(name);
}

User UserDirectory::addUser(const User& actor, const std::string& name, UserRole role,
                            const std::string& password, const std::string& at) {
    requireManager(actor);
    if (!isValidUserName(name))
        throw UserError("user name \"" + name +
                        "\" must be 2 to 32 characters of a-z, 0-9, '.', '_' or '-'");
    if (findState(name)) throw UserError("user \"" + name + "\" already exists");
    const auto digest = storeCredential(name, password);
    appendEvent(kinds::kUserAdded, at,
                {{"name", name},
                 {"role", std::string(userRoleName(role))},
                 {"credential_digest", digest},
                 {"by", actor.name}});
    return *find(name);
}

void UserDirectory::changeRole(const User& actor, const std::string& name, UserRole role,
                               const std::string& at) {
    requireManager(actor);
    const auto target = findState(name);
    if (!target) throw UserError("no user \"" + name + "\"");
    if (target->user.role == role) throw UserError("user \"" + name + "\" already has that role");
    if (name == actor.name) throw UserError("an admin cannot change their own role");
    appendEvent(kinds::kUserRoleChanged, at,
                {{"name", name}, {"role", std::string(userRoleName(role))}, {"by", actor.name}});
}

void UserDirectory::changePassword(const User& actor, const std::string& name,
                                   const std::string& newPassword, const std::string& at) {
    if (actor.name != name) requireManager(actor);
    const auto target = findState(name);
    if (!target || target->user.disabled) throw UserError("no enabled user \"" + name + "\"");
    const auto digest = storeCredential(name, newPassword);
    appendEvent(kinds::kUserPasswordChanged, at,
                {{"name", name}, {"credential_digest", digest}, {"by", actor.name}});
}

void UserDirectory::disable(const User& actor, const std::string& name, const std::string& at) {
    requireManager(actor);
    if (name == actor.name) throw UserError("an admin cannot disable their own account");
    const auto target = findState(name);
    if (!target) throw UserError("no user \"" + name + "\"");
    if (target->user.disabled) throw UserError("user \"" + name + "\" is already disabled");
    appendEvent(kinds::kUserDisabled, at, {{"name", name}, {"by", actor.name}});
}

std::optional<User> UserDirectory::authenticate(const std::string& name,
                                                const std::string& password) {
    const auto state = findState(name);
    std::optional<std::string> stored;
    if (state && !state->user.disabled) {
        auto st = db_.prepare("SELECT name, password_hash FROM user_credentials WHERE digest = ?");
        st.bind(1, state->credentialDigest);
        // The row must be the one the chain vouches for (see users.h): its key alone is not
        // enough, because the table is not guarded and anyone with the file could edit it.
        if (st.step() && st.columnText(0) == name &&
            sha256Hex(st.columnText(1)) == state->credentialDigest)
            stored = st.columnText(1);
    }
    if (!stored) {
        // Spend the same Argon2id work as a real check, so the answer time does not tell an
        // unknown or disabled name from a wrong password (OWASP Authentication Cheat Sheet:
        // the same response, in content and in time, for either failure).
        char dummy[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str_alg(dummy, password.data(), password.size(), cost_.opsLimit,
                                  cost_.memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
            throw UserError("cannot check the password: out of memory");
        return std::nullopt;
    }
    if (crypto_pwhash_str_verify(stored->c_str(), password.data(), password.size()) != 0)
        return std::nullopt;
    return state->user;
}

UserDirectory::FailureCount UserDirectory::recentFailures(const std::string& name) {
    FailureCount c;
    // Newest first, back to the last event that starts the count again for this name.
    auto st = db_.prepare(
        "SELECT kind, at, payload FROM events WHERE kind IN ('SignInFailed', 'SignInSucceeded', "
        "'UserPasswordChanged', 'UserAdded') AND json_extract(payload, '$.name') = ? "
        "ORDER BY seq DESC");
    st.bind(1, name);
    while (st.step()) {
        if (st.columnText(0) != kinds::kSignInFailed) break;
        ++c.all;
        if (str(nlohmann::json::parse(st.columnText(2)), "reason") == "locked") continue;
        if (c.checked++ == 0) c.lastAt = st.columnText(1);
    }
    return c;
}

SignInResult UserDirectory::signIn(const std::string& name, const std::string& password,
                                   const std::string& at) {
    const auto now = parseUtcTimestamp(at);
    if (!now) throw UserError("sign-in time \"" + at + "\" is not UTC YYYY-MM-DDTHH:MM:SSZ");
    SignInResult r;
    if (!isValidUserName(name)) {
        // Not recorded by name: it may be a password typed into the name field.
        appendEvent(kinds::kSignInFailed, at, {{"name_valid", false}, {"reason", "unknown_user"}});
        return r;
    }
    const auto before = recentFailures(name);
    if (before.checked >= policy_.freeFailures) {
        const auto last = parseUtcTimestamp(before.lastAt).value_or(*now);
        const auto until = last + signInDelaySeconds(before.checked, policy_);
        if (*now < until) {
            appendEvent(kinds::kSignInFailed, at, {{"name", name}, {"reason", "locked"}});
            r.failures = before.checked;
            r.retryAfter = formatUtcTimestamp(until);
            return r;
        }
    }
    const auto state = findState(name);
    r.user = authenticate(name, password);
    if (r.user) {
        if (before.all > 0) appendEvent(kinds::kSignInSucceeded, at, {{"name", name}});
        return r;
    }
    const char* reason = !state                 ? "unknown_user"
                         : state->user.disabled ? "disabled"
                                                : "wrong_password";
    appendEvent(kinds::kSignInFailed, at, {{"name", name}, {"reason", reason}});
    r.failures = before.checked + 1;
    return r;
}

}  // namespace drillbase::ledger
