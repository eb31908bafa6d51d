// Transaction scopes nest: an inner scope is a savepoint, and only the outermost commit makes
// anything durable — what lets the GUI record a whole training session or nothing.
#include "ledger/sqlite_db.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <stdexcept>

using namespace drillbase::ledger;

namespace {

std::filesystem::path freshFile() {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("drillbase-test-" + std::to_string(::getpid())) / "transactions";
    std::filesystem::create_directories(dir);
    const auto file = dir / "t.sqlite";
    std::filesystem::remove(file);
    return file;
}

std::int64_t rows(SqliteDb& db) {
    auto st = db.prepare("SELECT COUNT(*) FROM t");
    st.step();
    return st.columnInt(0);
}

}  // namespace

TEST_CASE("nested transaction scopes: inner rollback is partial, outer rollback undoes all") {
    SqliteDb db(freshFile());
    db.exec("CREATE TABLE t(x INTEGER)");
    {
        Transaction outer(db);
        db.exec("INSERT INTO t VALUES (1)");
        {
            Transaction inner(db);
            db.exec("INSERT INTO t VALUES (2)");
            // destroyed without commit: only row 2 is undone
        }
        CHECK(rows(db) == 1);
        {
            Transaction inner(db);
            db.exec("INSERT INTO t VALUES (3)");
            inner.commit();
        }
        CHECK(rows(db) == 2);
        outer.commit();
    }
    CHECK(rows(db) == 2);
    {
        Transaction outer(db);
        {
            Transaction inner(db);
            db.exec("INSERT INTO t VALUES (4)");
            inner.commit();  // released into the outer transaction, not yet durable
        }
        // outer destroyed without commit (as on an exception): row 4 is gone too
    }
    CHECK(rows(db) == 2);
    // After all that, a plain scope is a real transaction again.
    {
        Transaction t(db);
        db.exec("INSERT INTO t VALUES (5)");
        t.commit();
    }
    CHECK(rows(db) == 3);
}
