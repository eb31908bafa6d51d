#include "tools/drillctl/ledger_cli.h"

#include "common/data_dir.h"
#include "common/wall_clock.h"
#include "ledger/db_path.h"
#include "ledger/ledger_files.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace drillbase::tools {

namespace fs = std::filesystem;
using namespace drillbase::ledger;

void ledgerFail(const std::string& message, int code) {
    std::cerr << "drillctl ledger: " << message << '\n';
    throw CLI::RuntimeError(code);
}

std::string utcNow() {
    return utcTimestampNow();
}

CivilDate localToday() {
    const auto d = localDateToday();
    return {d.year, d.month, d.day};
}

fs::path keyFileFor(const fs::path& db) {
    return lookupKeyFileFor(db);
}

fs::path resolveDb(const std::string& given) {
    return given.empty() ? defaultDbPathFromEnv() : fs::path(given);
}

SqliteDb openExisting(const fs::path& db) {
    if (!fs::exists(db))
        ledgerFail("no ledger database at " + db.string() + " (run `drillctl ledger init`)",
                   kLedgerNoDatabase);
    try {
        return SqliteDb(db);
    } catch (const DbBusy& e) {
        ledgerFail(e.what(), kLedgerBusy);
    } catch (const DbError& e) {
        ledgerFail(e.what(), kLedgerNoDatabase);
    }
}

std::unique_ptr<Ledger> openLedger(SqliteDb& db, const fs::path& dbFile) {
    const auto keyFile = keyFileFor(dbFile);
    if (!fs::exists(keyFile))
        ledgerFail("the look-up key " + keyFile.string() +
                       " is missing; without it people already recorded cannot be found again",
                   kLedgerNoDatabase);
    try {
        return openLedgerFiles(db, dbFile, contentDir());
    } catch (const EventStoreError& e) {
        ledgerFail(e.what(), kLedgerNoDatabase);
    } catch (const ContentError& e) {
        ledgerFail(e.what(), kLedgerRefused);
    }
}

std::string readPassword(const std::string& prompt) {
    const bool tty = ::isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (tty) {
        std::cerr << prompt << ": " << std::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << '\n';
    }
    if (!got) ledgerFail(prompt + ": no password on standard input", kLedgerRefused);
    if (!line.empty() && line.back() == '\r') line.pop_back();  // piped from a Windows file
    return line;
}

void addActorOption(CLI::App& cmd, std::string& asUser) {
    cmd.add_option("--as", asUser,
                   "Your user name (needed once the ledger has users; password on stdin)");
}

std::optional<User> requirePermission(SqliteDb& db, const std::string& asUser, Action action) {
    UserDirectory users(db);
    if (users.empty()) return std::nullopt;
    if (asUser.empty())
        ledgerFail("this ledger has users: sign in with --as NAME (password on standard input)",
                   kLedgerRefused);
    // Under the sign-in rate limit, every failure audited on the chain (users.h signIn).
    const auto r = users.signIn(asUser, readPassword("password of " + asUser), utcNow());
    if (r.locked())
        ledgerFail("sign-in of \"" + asUser +
                       "\" refused: too many failed attempts; try again after " + r.retryAfter,
                   kLedgerRefused);
    const auto& user = r.user;
    if (!user)
        ledgerFail("sign-in of \"" + asUser + "\" refused: wrong name or password", kLedgerRefused);
    if (!can(user->role, action)) {
        const std::string role(userRoleName(user->role));
        const bool vowel = role[0] == 'a' || role[0] == 'i' || role[0] == 'o';
        ledgerFail((vowel ? "an " : "a ") + role + " may not do this (" + asUser + ")",
                   kLedgerRefused);
    }
    return user;
}

std::unique_ptr<Ledger> openLedgerAs(SqliteDb& db, const fs::path& dbFile,
                                     const std::string& asUser, Action action) {
    const auto user = requirePermission(db, asUser, action);
    auto ledger = openLedger(db, dbFile);
    if (user) ledger->setRecordedBy(user->name);
    return ledger;
}

std::function<void()> guarded(std::function<void()> fn) {
    return [fn = std::move(fn)] {
        const auto committedBefore = committedWriteTransactions();
        try {
            fn();
        } catch (const CLI::RuntimeError&) {
            throw;
        } catch (const DbBusy& e) {
            // "Nothing was saved" is true of the transaction that waited; when the command had
            // already committed an earlier one (a person before the role), say what stands.
            if (committedWriteTransactions() > committedBefore)
                ledgerFail(
                    "the ledger is busy: another program has been writing to it for more "
                    "than " +
                        std::to_string(kBusyTimeoutMs / 1000) +
                        " s; what is reported above as recorded was saved, the rest of "
                        "this command was not: do only the rest again",
                    kLedgerBusy);
            ledgerFail(e.what(), kLedgerBusy);
        } catch (const LedgerError& e) {
            ledgerFail(e.what(), kLedgerRefused);
        } catch (const std::exception& e) {
            ledgerFail(e.what(), kLedgerNoDatabase);
        }
    };
}

}  // namespace drillbase::tools
