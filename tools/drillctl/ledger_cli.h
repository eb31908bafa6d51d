// ledger_cli.h — what every `drillctl ledger ...` command (and `drill run --record-person`)
// shares: where the database and its key are, the clock read at the edge, opening a ledger,
// and turning errors into a message and an exit code.
#pragma once

#include "ledger/ledger.h"
#include "ledger/users.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace drillbase::tools {

inline constexpr int kLedgerRefused = 1;     // the input was refused or the chain is broken
inline constexpr int kLedgerNoDatabase = 2;  // database, key or file missing or unreadable
// Another program held the ledger's write lock for longer than the busy timeout
// (ledger::kBusyTimeoutMs). Nothing of the command was saved: run it again.
inline constexpr int kLedgerBusy = 3;

[[noreturn]] void ledgerFail(const std::string& message, int code);

// The clock is read here, at the edge, and nowhere inside the ledger library.
std::string utcNow();
// "Today" for birth dates and rule dates: the calendar date where the base is (local time).
ledger::CivilDate localToday();

// The look-up key lives beside the database (see identity_document.h for why not inside it).
std::filesystem::path keyFileFor(const std::filesystem::path& db);
// --db as given, or the embedded default database of the GUI.
std::filesystem::path resolveDb(const std::string& given);

// An existing database (exit 2 naming it when missing), and the ledger over it.
ledger::SqliteDb openExisting(const std::filesystem::path& db);
std::unique_ptr<ledger::Ledger> openLedger(ledger::SqliteDb& db,
                                           const std::filesystem::path& dbFile);

// One line of standard input; on a terminal, prompted on stderr with echo off (termios).
// Passwords never come from arguments: they would show in `ps` and the shell history.
std::string readPassword(const std::string& prompt);

// Who is acting, for the commands that record, export or read records.
// Policy: a ledger without users is in local mode (a base setting up, scripts, tests): the
// file's own permissions are the only guard and no --as is needed. As soon as the ledger has
// one user, every such command must name its user with --as NAME (password: the first line of
// standard input) and is refused, exit 1, unless the user's role allows `action` (users.h can()).
void addActorOption(CLI::App& cmd, std::string& asUser);
std::optional<ledger::User> requirePermission(ledger::SqliteDb& db, const std::string& asUser,
                                              ledger::Action action);

// requirePermission, then the ledger with the signed-in user as its recorder (events carry
// "recorded_by"; none in local mode).
std::unique_ptr<ledger::Ledger> openLedgerAs(ledger::SqliteDb& db,
                                             const std::filesystem::path& dbFile,
                                             const std::string& asUser, ledger::Action action);

// Wraps a command: a database or file error becomes a message and exit code 2 instead of an
// uncaught exception, a busy ledger exit code 3 ("nothing was saved"), a refused record that
// escaped its command exit code 1; CLI11's own exit codes pass through.
std::function<void()> guarded(std::function<void()> fn);

}  // namespace drillbase::tools
