// sqlite_db.h — a small RAII wrapper over one SQLite connection and its prepared statements.
// Why a wrapper: every caller must finalize statements and close the handle even when an
// exception unwinds; doing that by hand at each call site is where leaks and locked files come
// from.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drillbase::ledger {

// Thrown for any SQLite failure; the message names the operation and SQLite's own text.
// code() is SQLite's extended result code (0 when the error did not come from SQLite), so a
// caller can tell a UNIQUE violation (SQLITE_CONSTRAINT_UNIQUE) from a damaged file.
class DbError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    DbError(const std::string& message, int code) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }
    bool isUniqueViolation() const {
        return code_ == SQLITE_CONSTRAINT_UNIQUE || code_ == SQLITE_CONSTRAINT_PRIMARYKEY;
    }

private:
    int code_ = 0;
};

// Another connection held the write lock for longer than the busy timeout. Thrown only where
// nothing of the caller's change is durable: a write transaction starts with BEGIN IMMEDIATE
// (the lock is taken before anything is read or written) and rolls back when it unwinds, so
// the message can promise that nothing was saved.
class DbBusy : public DbError {
public:
    using DbError::DbError;
};

// How long a connection waits for another writer before DbBusy (sqlite3_busy_timeout).
inline constexpr int kBusyTimeoutMs = 5000;

// Outermost transactions of this process that committed a change (any connection). A command
// that makes several transactions (a person, then the role) uses it to tell, when a later one
// fails, that the earlier ones are saved rather than claim that nothing was.
std::int64_t committedWriteTransactions();

class Statement;

class SqliteDb {
public:
    // Opens (and creates when missing) the database file; the parent folder must exist.
    explicit SqliteDb(const std::filesystem::path& file);
    ~SqliteDb();
    // Runs the close hooks, then closes; the destructor calls it. Idempotent.
    void close() noexcept;
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;
    SqliteDb(SqliteDb&& other) noexcept;
    SqliteDb& operator=(SqliteDb&& other) noexcept;

    void exec(std::string_view sql);  // one or more statements, no results
    Statement prepare(std::string_view sql);
    sqlite3* handle() const { return db_; }
    const std::filesystem::path& file() const { return file_; }

    // Work that must happen inside the outermost write transaction, after everything else in
    // it and right before COMMIT: the ledger signs the head its events reached there, so a
    // transaction that appends many events (an import) is signed once. A second request with
    // the same `name` in one transaction is dropped (the first knows where the transaction's
    // writes began); hooks run in the order first asked; a rollback drops them all. A hook
    // gets this connection as its argument and captures only copied values, because the
    // objects that asked may be gone by then.
    using Hook = std::function<void(SqliteDb&)>;
    void beforeCommit(const std::string& name, Hook hook);
    // True when the current transaction has asked for `name` before its commit.
    bool hasBeforeCommit(const std::string& name) const;
    // Right after the outermost COMMIT succeeded (the checkpoint log beside the database). The
    // data is durable by then, so a hook's failure is swallowed: it must only copy out what the
    // database already holds. Dropped by a rollback.
    void afterCommit(const std::string& name, Hook hook);
    // When the connection closes (the destructor), once per name; a failure is swallowed, as
    // SQLite's own checkpoint of the WAL at close. The ledger signs a checkpoint there.
    void onClose(const std::string& name, Hook hook);

private:
    friend class Transaction;
    using Hooks = std::vector<std::pair<std::string, Hook>>;
    static void add(Hooks& hooks, const std::string& name, Hook hook);
    void runBeforeCommit();
    void runAfterCommit();
    void dropCommitHooks() {
        beforeCommit_.clear();
        afterCommit_.clear();
    }

    sqlite3* db_ = nullptr;
    std::filesystem::path file_;
    Hooks beforeCommit_, afterCommit_, onClose_;
};

// One prepared statement. Bind indices are 1-based, as in SQLite; column indices 0-based.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bindNull(int index);
    // Advances to the next row: true while a row is available, false when done.
    bool step();
    void reset();
    std::int64_t columnInt(int col) const;
    std::string columnText(int col) const;
    bool columnIsNull(int col) const;
    // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL: the stored type,
    // for readers that must tell 4 from '4' (projection_audit.h).
    int columnType(int col) const;
    double columnDouble(int col) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// Commits on commit(), rolls back when destroyed without it (for example on an exception),
// so a failed multi-row change leaves nothing half-written. Scopes nest (a savepoint inside an
// open transaction): only the outermost commit makes the changes durable.
class Transaction {
public:
    explicit Transaction(SqliteDb& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    // isRecord false: upkeep of derived data (a projection catch-up, a schema upgrade), not a
    // record of the caller's, so committedWriteTransactions() does not count it.
    void commit(bool isRecord = true);

private:
    SqliteDb& db_;
    bool nested_ = false;
    bool done_ = false;
    bool hooksFailed_ = false;  // a before-commit hook threw: this transaction cannot commit
    std::size_t hooksAtBegin_ = 0, afterHooksAtBegin_ = 0;  // a savepoint's, for its rollback
    std::int64_t changesAtBegin_ = 0;
};

// One read snapshot for several statements (plain BEGIN: no write lock), when the connection
// has no transaction open; inside one it does nothing. Outside a transaction each statement
// takes and releases the file lock and checks the WAL index again (which cost more than a
// person's look-ups themselves) and sees the newest commit, so a multi-statement read could
// mix two writers' states; with it, a roster or a seal check is read as of one moment.
class ReadSnapshot {
public:
    explicit ReadSnapshot(SqliteDb& db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    SqliteDb& db_;
    bool owned_ = false;
};

}  // namespace drillbase::ledger
