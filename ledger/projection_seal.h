// projection_seal.h — the base's signature over what the derived tables hold.
// Every write transaction that appends events or changes the derived tables (projections.h)
// ends, right before COMMIT, with a signed digest of each table (projection_audit.h), in the
// append-only table projection_seals. Whoever opens the ledger to read it (queries, compliance,
// exports, the GUI) first recomputes the digests and compares them with the newest seal: a
// revocation cleared or an issue date moved by hand no longer matches, and the ledger refuses
// to serve from those tables, naming the table, until `drillctl ledger verify` has shown the
// difference and `drillctl ledger rebuild` has restored them from the events.
//
// Signed bytes: "drillbase-ledger-projections-v1\n" +
//   canonicalJson({base_id, number, prev, tables: {<table>: <sha256 hex, or "empty">}, through})
// where through is the projection mark (the last event applied), and prev the SHA-256 of the
// previous seal's signature (64 zeros for the first): an old seal copied forward does not
// verify, and a lowered mark does not match.
//
// A write checks the tables against the newest seal under its lock before it catches them up
// (Projections::catchUpFrom), so a hand edit is never sealed over by the next honest write. An
// empty and a missing table both read "empty", so creating the tables on first use changes nothing
// that was sealed.
#pragma once

#include "ledger/sqlite_db.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace drillbase::ledger {

// Asks for a seal at the end of the current write transaction (SqliteDb::beforeCommit). The
// seal is skipped when the signing key is not beside the database: a copy without the key is
// for reading, and its reads then refuse anything changed since the last seal.
void requestProjectionSeal(SqliteDb& db);
inline constexpr const char* kProjectionSealHook = "projection-seal";

enum class SealProblem { None, TableChanged, SealsRemoved, SealNotSigned };

struct ProjectionSealCheck {
    bool ok = true;
    SealProblem problem = SealProblem::None;
    bool sealed = false;  // a seal exists (false for a ledger from before seals)
    std::string table;    // the first table that differs, when !ok
    std::string message;  // English, names the table and what to do
};

// Compares the tables with the newest seal under the key file's public key (or the key the
// ledger records). A signed ledger without any seal fails too (the seals were removed).
ProjectionSealCheck checkProjectionSeal(SqliteDb& db);

// Thrown where tables that fail the check would be built upon (a catch-up, a reader's open).
class UntrustedTablesError : public std::runtime_error {
public:
    explicit UntrustedTablesError(const ProjectionSealCheck& c);
    SealProblem problem;
    std::string table;
};
void requireSealedTables(SqliteDb& db);

}  // namespace drillbase::ledger
