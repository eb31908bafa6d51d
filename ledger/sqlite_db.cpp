#include "ledger/sqlite_db.h"

#include <atomic>
#include <utility>

namespace drillbase::ledger {

namespace {
std::atomic<std::int64_t> gCommittedWrites{0};

bool isBusy(int code) {
    const int primary = code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

[[noreturn]] void throwBusy() {
    throw DbBusy("the ledger is busy: another program has been writing to it for more than " +
                     std::to_string(kBusyTimeoutMs / 1000) + " s; nothing was saved, try again",
                 SQLITE_BUSY);
}

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    const int code = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
    if (isBusy(code)) throwBusy();
    std::string msg(what);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : "out of memory";
    throw DbError(msg, code);
}
}  // namespace

std::int64_t committedWriteTransactions() {
    return gCommittedWrites.load();
}

SqliteDb::SqliteDb(const std::filesystem::path& file) : file_(file) {
    const int rc =
        sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open database " + file.string() + ": " +
                          (db_ ? sqlite3_errmsg(db_) : "out of memory");
        sqlite3_close(db_);
        db_ = nullptr;
        throw DbError(msg);
    }
    // Another process (drillctl while the GUI is open) may hold a lock briefly: wait for it
    // instead of failing at once. WAL lets officials read while a clerk writes.
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    try {
        exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;");
    } catch (...) {
        sqlite3_close(db_);  // the destructor does not run for a constructor that throws
        db_ = nullptr;
        throw;
    }
}

SqliteDb::~SqliteDb() {
    close();
}

void SqliteDb::close() noexcept {
    if (!db_) return;
    auto hooks = std::move(onClose_);
    onClose_.clear();
    if (sqlite3_get_autocommit(db_) != 0)  // never inside a transaction left open
        for (auto& entry : hooks) {
            try {
                entry.second(*this);
            } catch (...) {
                // A close cannot fail; what the hook would have added waits for the next one.
            }
        }
    sqlite3_close(db_);
    db_ = nullptr;
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      file_(std::move(other.file_)),
      beforeCommit_(std::move(other.beforeCommit_)),
      afterCommit_(std::move(other.afterCommit_)),
      onClose_(std::move(other.onClose_)) {}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
    if (this != &other) {
        close();
        db_ = std::exchange(other.db_, nullptr);
        file_ = std::move(other.file_);
        beforeCommit_ = std::move(other.beforeCommit_);
        afterCommit_ = std::move(other.afterCommit_);
        onClose_ = std::move(other.onClose_);
    }
    return *this;
}

void SqliteDb::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        const int code = sqlite3_extended_errcode(db_);
        std::string msg = "SQL failed: ";
        msg += err ? err : "unknown error";
        sqlite3_free(err);
        if (isBusy(code)) throwBusy();
        throw DbError(msg, code);
    }
}

Statement SqliteDb::prepare(std::string_view sql) {
    return Statement(db_, sql);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK)
        fail(db, "prepare '" + std::string(sql) + "'");
}

Statement::~Statement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_, "bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "step");
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::columnInt(int col) const {
    return sqlite3_column_int64(stmt_, col);
}

std::string Statement::columnText(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
}

bool Statement::columnIsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

int Statement::columnType(int col) const {
    return sqlite3_column_type(stmt_, col);
}

double Statement::columnDouble(int col) const {
    return sqlite3_column_double(stmt_, col);
}

// Nesting: an outer scope (a training session recorded for 30 attendees, a roster batch)
// must be all-or-nothing even though each Ledger call opens its own transaction. SQLite has no
// nested BEGIN, so an inner scope becomes a SAVEPOINT: its rollback undoes only its part, its
// release hands the changes to the outer transaction, and nothing is durable until the
// outermost COMMIT. The outermost scope is BEGIN IMMEDIATE so that reading the chain head and
// appending after it cannot interleave with another writer.
Transaction::Transaction(SqliteDb& db)
    : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    db_.exec(nested_ ? "SAVEPOINT drillbase_nested" : "BEGIN IMMEDIATE");
    changesAtBegin_ = sqlite3_total_changes64(db.handle());
    hooksAtBegin_ = db_.beforeCommit_.size();
    afterHooksAtBegin_ = db_.afterCommit_.size();
}

void SqliteDb::add(Hooks& hooks, const std::string& name, Hook hook) {
    for (const auto& entry : hooks)
        if (entry.first == name) return;
    hooks.emplace_back(name, std::move(hook));
}

void SqliteDb::beforeCommit(const std::string& name, Hook hook) {
    add(beforeCommit_, name, std::move(hook));
}

bool SqliteDb::hasBeforeCommit(const std::string& name) const {
    for (const auto& entry : beforeCommit_)
        if (entry.first == name) return true;
    return false;
}

void SqliteDb::afterCommit(const std::string& name, Hook hook) {
    add(afterCommit_, name, std::move(hook));
}

void SqliteDb::onClose(const std::string& name, Hook hook) {
    add(onClose_, name, std::move(hook));
}

void SqliteDb::runBeforeCommit() {
    // Moved out first: a hook that writes (and so may open a savepoint) must not see itself;
    // what a hook asks for in turn runs in the next round, still before this COMMIT.
    while (!beforeCommit_.empty()) {
        auto hooks = std::move(beforeCommit_);
        beforeCommit_.clear();
        for (auto& entry : hooks) entry.second(*this);
    }
}

void SqliteDb::runAfterCommit() {
    auto hooks = std::move(afterCommit_);
    afterCommit_.clear();
    for (auto& entry : hooks) {
        try {
            entry.second(*this);
        } catch (...) {
            // Committed already: reporting a failure now would claim nothing was saved.
        }
    }
}

Transaction::~Transaction() {
    if (!done_) {
        try {
            if (nested_) {
                db_.exec("ROLLBACK TO drillbase_nested; RELEASE drillbase_nested");
                // What the rolled-back part asked for goes with it (a checkpoint's log line
                // for a row that no longer exists).
                if (db_.beforeCommit_.size() > hooksAtBegin_)
                    db_.beforeCommit_.resize(hooksAtBegin_);
                if (db_.afterCommit_.size() > afterHooksAtBegin_)
                    db_.afterCommit_.resize(afterHooksAtBegin_);
            } else {
                db_.dropCommitHooks();
                db_.exec("ROLLBACK");
            }
        } catch (...) {
            // Nothing sensible to do in a destructor: SQLite rolls back on close anyway.
        }
    }
}

void Transaction::commit(bool isRecord) {
    // A hook that throws leaves the transaction open, and the destructor rolls it back; a
    // second commit() must not then commit without what the hook was to add.
    if (hooksFailed_) throw DbError("this transaction failed before its commit; nothing was saved");
    if (!nested_) {
        try {
            db_.runBeforeCommit();
        } catch (...) {
            hooksFailed_ = true;
            throw;
        }
    }
    db_.exec(nested_ ? "RELEASE drillbase_nested" : "COMMIT");
    done_ = true;
    if (!nested_) db_.runAfterCommit();
    if (isRecord && !nested_ && sqlite3_total_changes64(db_.handle()) != changesAtBegin_)
        ++gCommittedWrites;
}

ReadSnapshot::ReadSnapshot(SqliteDb& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.handle()) == 0) return;
    db_.exec("BEGIN");
    owned_ = true;
}

ReadSnapshot::~ReadSnapshot() {
    if (!owned_) return;
    try {
        db_.exec("COMMIT");
    } catch (...) {
        // Nothing was written; SQLite ends the transaction on close anyway.
    }
}

}  // namespace drillbase::ledger
