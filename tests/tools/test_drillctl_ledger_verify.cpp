// End-to-end test of `drillctl ledger verify` over the derived tables: a row edited directly
// in the database (with the SQLite C API, as any SQLite browser would) leaves the hash chain
// intact, and verify still fails, naming the table, the row and the column.
#include "ledger_cli_fixture.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

using namespace ledger_cli;

namespace {

// Runs `sql` on the database file from outside drillctl.
void editDatabase(const std::string& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(handle);
    REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

// A synthetic ledger with people, training, exams and certificates.
std::string synthLedger(const std::string& name) {
    const auto db = freshDir("verify", name).string() + "/p.sqlite";
    const auto r =
        runCommand(kCtl + " ledger synth --db " + db + " --people 40 --seed 3 --today 2026-11-23");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return db;
}

}  // namespace

TEST_CASE("drillctl ledger verify: an untouched ledger's projections match the events") {
    const auto db = synthLedger("untouched");
    const auto r = runCommand(kCtl + " ledger verify --db " + db);
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "ledger intact"));
    CHECK(contains(r.out, "projections match the events"));
}

TEST_CASE("drillctl ledger verify: a certificate's issue date moved in the table fails") {
    const auto db = synthLedger("issued");
    editDatabase(db,
                 "UPDATE certificates SET issued = '1999-01-01' WHERE certificate_id = "
                 "(SELECT min(certificate_id) FROM certificates)");
    const auto r = runCommand(kCtl + " ledger verify --db " + db);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "ledger intact"));  // the chain itself is untouched
    CHECK(contains(r.err, "projection certificates differs at certificate_id="));
    CHECK(contains(r.err, "column issued is \"1999-01-01\" but the events give"));
}

TEST_CASE("drillctl ledger verify: a deleted training row fails") {
    const auto db = synthLedger("training");
    editDatabase(db, "DELETE FROM training WHERE event_id = (SELECT min(event_id) FROM training)");
    const auto r = runCommand(kCtl + " ledger verify --db " + db);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "projection training differs at event_id="));
    CHECK(contains(r.err, "row missing"));
}
