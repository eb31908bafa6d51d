#include "tools/drillctl/ledger_admin_commands.h"

#include "tools/drillctl/ledger_cli.h"

#include "ledger/checkpoint.h"
#include "ledger/event_store.h"
#include "ledger/signing_key.h"
#include "ledger/sqlite_event_storage.h"
#include "ledger/users.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>

namespace drillbase::tools {

namespace {

namespace fs = std::filesystem;
using namespace drillbase::ledger;

constexpr int kRefused = kLedgerRefused;

[[noreturn]] void fail(const std::string& message, int code) {
    ledgerFail(message, code);
}

// Refusals by the access rules exit 1 like any refused input; everything else goes through
// the shared wrapper (ledger_cli.h), which turns database and file errors into exit 2.
template <class Fn>
std::function<void()> guardedAdmin(Fn fn) {
    return guarded([fn] {
        try {
            fn();
        } catch (const UserError& e) {
            fail(e.what(), kRefused);
        } catch (const CheckpointError& e) {
            fail(e.what(), kRefused);
        }
    });
}

struct AdminOptions {
    std::string db, name, role, as, out, file, publicKey;
};

// Signs `name` in with the first password line, under the rate limit (users.h SignInPolicy):
// every failure is an audited SignInFailed event, and a name with too many failures in a row
// is refused until the time given, without its password being checked.
User signInAs(UserDirectory& users, const std::string& name, const std::string& prompt) {
    const auto r = users.signIn(name, readPassword(prompt), utcNow());
    if (r.locked())
        fail("sign-in of \"" + name + "\" refused: " + std::to_string(r.failures) +
                 " failed attempts in a row; try again after " + r.retryAfter +
                 " (or an admin resets the password)",
             kRefused);
    if (!r.user) fail("sign-in of \"" + name + "\" refused: wrong name or password", kRefused);
    return *r.user;
}

// Signs in the admin named by --as with the first password line; refused without --as.
User signInAdmin(UserDirectory& users, const AdminOptions& o) {
    if (o.as.empty()) fail("name the admin who makes this change with --as ADMIN", kRefused);
    return signInAs(users, o.as, "password of " + o.as);
}

void runUserAdd(const AdminOptions& o) {
    const auto role = userRoleFromName(o.role);
    if (!role)
        fail("unknown role \"" + o.role + "\" (trainee, instructor, official, admin)", kRefused);
    if (!isValidUserName(o.name))
        fail("user name \"" + o.name + "\" must be 2 to 32 characters of a-z, 0-9, '.', '_' or '-'",
             kRefused);
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    UserDirectory users(db);
    if (users.empty()) {
        if (*role != UserRole::Admin)
            fail("the ledger has no users yet: the first user must be an admin (--role admin)",
                 kRefused);
        const auto password = readPassword("password for " + o.name);
        users.bootstrapAdmin(o.name, password, utcNow());
        std::cout << "added admin " << o.name << " (first user of this ledger)\n";
        return;
    }
    const auto actor = signInAdmin(users, o);
    const auto password = readPassword("password for " + o.name);
    users.addUser(actor, o.name, *role, password, utcNow());
    std::cout << "added " << userRoleName(*role) << ' ' << o.name << " (by " << actor.name << ")\n";
}

void runUserRole(const AdminOptions& o) {
    const auto role = userRoleFromName(o.role);
    if (!role)
        fail("unknown role \"" + o.role + "\" (trainee, instructor, official, admin)", kRefused);
    auto db = openExisting(resolveDb(o.db));
    UserDirectory users(db);
    const auto actor = signInAdmin(users, o);
    users.changeRole(actor, o.name, *role, utcNow());
    std::cout << o.name << " is now " << userRoleName(*role) << " (by " << actor.name << ")\n";
}

void runUserDisable(const AdminOptions& o) {
    auto db = openExisting(resolveDb(o.db));
    UserDirectory users(db);
    const auto actor = signInAdmin(users, o);
    users.disable(actor, o.name, utcNow());
    std::cout << "disabled " << o.name << " (by " << actor.name << ")\n";
}

// Without --as, users change their own password: the first line is the current one.
void runUserPasswd(const AdminOptions& o) {
    auto db = openExisting(resolveDb(o.db));
    UserDirectory users(db);
    User actor;
    if (o.as.empty() || o.as == o.name) {
        actor = signInAs(users, o.name, "current password of " + o.name);
    } else {
        actor = signInAdmin(users, o);
    }
    users.changePassword(actor, o.name, readPassword("new password for " + o.name), utcNow());
    std::cout << "password of " << o.name << " changed (by " << actor.name << ")\n";
}

void runUserList(const AdminOptions& o) {
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    UserDirectory users(db);
    // Who has which account is itself worth protecting (it names the accounts to attack):
    // once the ledger has users, only a signed-in admin may list them.
    if (!users.empty()) {
        if (o.as.empty())
            fail(
                "this ledger has users: listing them needs an admin, --as ADMIN (password on "
                "standard input)",
                kRefused);
        const auto actor = signInAs(users, o.as, "password of " + o.as);
        if (!can(actor.role, Action::ManageUsers))
            fail("only an admin may list users (" + o.as + " is " +
                     std::string(userRoleName(actor.role)) + ")",
                 kRefused);
    }
    const auto all = users.list();
    if (all.empty()) std::cout << "no users (add the first admin with `ledger user add`)\n";
    for (const auto& u : all)
        std::cout << u.name << '\t' << userRoleName(u.role) << '\t'
                  << (u.disabled ? "disabled" : "enabled") << '\n';
}

void runCheckpointCreate(const AdminOptions& o) {
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    // Signing vouches for the whole chain to inspectors: admins only once the ledger has users
    // (users.h); checked before the signing key is created, so a refusal leaves no key file.
    requirePermission(db, o.as, Action::CreateCheckpoint);
    CheckpointBook book(db);
    const auto keyFile = signingKeyFileFor(file);
    const bool fresh = !fs::exists(keyFile);
    const auto key = loadOrCreateSigningKey(keyFile);
    const auto c = book.create(key, utcNow());
    std::cout << "checkpoint " << c.number << ": event " << c.seq << ", head " << c.headHash
              << ", signed at " << c.at << '\n'
              << "public key: " << c.publicKey << '\n';
    if (fresh)
        std::cout << "signing key created: " << keyFile.string()
                  << " (keep it private and off copies of the database; give inspectors the "
                     "public key)\n";
}

void runCheckpointExport(const AdminOptions& o) {
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    CheckpointBook book(db);
    const auto list = book.list();
    if (list.empty()) fail("no checkpoints yet (drillctl ledger checkpoint create)", kRefused);
    // The current key when the key file is here; otherwise the key of the latest checkpoint,
    // so a database copied without its key file can still be exported for an inspector.
    const auto key = loadSigningKey(signingKeyFileFor(file));
    const std::string publicKey = key ? key->publicKeyHex() : list.back().publicKey;
    SqliteEventStorage storage(db);
    const EventStore store(storage);
    const auto doc = exportCheckpoints(list, store.baseId(), publicKey);
    std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
    out << doc.dump(2) << '\n';
    out.close();
    if (!out) fail("cannot write " + o.out, kLedgerNoDatabase);
    std::cout << "exported " << list.size() << " checkpoint(s) to " << o.out << "; public key "
              << publicKey << '\n';
}

void runCheckpointVerify(const AdminOptions& o) {
    nlohmann::json doc;
    {
        std::ifstream in(o.file, std::ios::binary);
        if (!in) fail("cannot read " + o.file, kRefused);
        try {
            doc = nlohmann::json::parse(in);
        } catch (const nlohmann::json::parse_error& e) {
            fail(o.file + ": not JSON (" + e.what() + ")", kRefused);
        }
    }
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    const auto trusted = o.publicKey.empty() ? std::nullopt : std::optional(o.publicKey);
    const auto v = verifyCheckpoints(doc, db, trusted);
    if (!v.ok) fail(o.file + ": " + v.message, kRefused);
    std::cout << v.message << '\n';
    if (!trusted)
        std::cout << "note: checked against the key in the file; pass --public-key with the key "
                     "noted on an earlier visit to rule out a re-signed file\n";
    if (!v.chainIntact) fail("the chain is broken after the last checkpoint", kRefused);
}

CLI::App* ledgerCommand(CLI::App& app) {
    try {
        return app.get_subcommand("ledger");
    } catch (const CLI::OptionNotFound&) {
        auto* ledger = app.add_subcommand("ledger", "Certification ledger");
        ledger->require_subcommand(1);
        return ledger;
    }
}

}  // namespace

void addLedgerAdminCommands(CLI::App& app) {
    auto opts = std::make_shared<AdminOptions>();
    auto* ledger = ledgerCommand(app);
    auto addDb = [&opts](CLI::App* cmd) {
        cmd->add_option("--db", opts->db, "Ledger database file (default: the user's data folder)");
    };

    auto* user = ledger->add_subcommand("user", "Accounts: trainee, instructor, official, admin");
    user->require_subcommand(1);
    auto* userAdd = user->add_subcommand(
        "add", "Add a user; passwords are read from standard input, never from arguments");
    addDb(userAdd);
    userAdd->add_option("--name", opts->name, "Login name (a-z, 0-9, '.', '_', '-')")->required();
    userAdd->add_option("--role", opts->role, "trainee, instructor, official or admin")->required();
    userAdd->add_option("--as", opts->as, "The admin adding the user (not needed for the first)");
    userAdd->callback(guardedAdmin([opts] { runUserAdd(*opts); }));
    auto* userRole = user->add_subcommand("role", "Change a user's role (admins)");
    addDb(userRole);
    userRole->add_option("--name", opts->name, "Login name")->required();
    userRole->add_option("--role", opts->role, "trainee, instructor, official or admin")
        ->required();
    userRole->add_option("--as", opts->as, "The admin making the change")->required();
    userRole->callback(guardedAdmin([opts] { runUserRole(*opts); }));
    auto* userDisable = user->add_subcommand("disable", "Stop a user from signing in (admins)");
    addDb(userDisable);
    userDisable->add_option("--name", opts->name, "Login name")->required();
    userDisable->add_option("--as", opts->as, "The admin making the change")->required();
    userDisable->callback(guardedAdmin([opts] { runUserDisable(*opts); }));
    auto* userPasswd = user->add_subcommand(
        "passwd", "Change a password: your own (current, then new) or, with --as, as an admin");
    addDb(userPasswd);
    userPasswd->add_option("--name", opts->name, "Login name")->required();
    userPasswd->add_option("--as", opts->as, "The admin resetting another user's password");
    userPasswd->callback(guardedAdmin([opts] { runUserPasswd(*opts); }));
    auto* userList = user->add_subcommand(
        "list", "List users with role and status (once the ledger has users: an admin, --as)");
    addDb(userList);
    userList->add_option("--as", opts->as, "The admin asking (password on standard input)");
    userList->callback(guardedAdmin([opts] { runUserList(*opts); }));

    auto* cp = ledger->add_subcommand("checkpoint", "Signed checkpoints of the hash chain");
    cp->require_subcommand(1);
    auto* create = cp->add_subcommand(
        "create",
        "Sign the current chain head (Ed25519; once the ledger has users: an admin, --as)");
    addDb(create);
    addActorOption(*create, opts->as);
    create->callback(guardedAdmin([opts] { runCheckpointCreate(*opts); }));
    auto* exp =
        cp->add_subcommand("export", "Write the checkpoints and public key for an inspector");
    addDb(exp);
    exp->add_option("--out", opts->out, "JSON file to write")->required();
    exp->callback(guardedAdmin([opts] { runCheckpointExport(*opts); }));
    auto* verify = cp->add_subcommand(
        "verify", "Check an export against the ledger; exit 1 naming the first failing checkpoint");
    addDb(verify);
    verify->add_option("--file", opts->file, "Checkpoint export (JSON)")->required();
    verify->add_option("--public-key", opts->publicKey,
                       "The base's public key as noted by the inspector (hex)");
    verify->callback(guardedAdmin([opts] { runCheckpointVerify(*opts); }));
}

}  // namespace drillbase::tools
