// Transaction scopes nest: an inner scope is a savepoint, and only the outermost commit makes
// anything durable — what lets the GUI record a whole training session or nothing.
#include "ledger/sqlite_db.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>

using namespace drillbase::ledger;

namespace {

std::int64_t rows(SqliteDb& db) {
    return testing::count(db, "SELECT COUNT(*) FROM t");
}

}  // namespace

TEST_CASE("nested transaction scopes: inner rollback is partial, outer rollback undoes all") {
    SqliteDb db(testing::scratchDb("transactions", "t"));
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
