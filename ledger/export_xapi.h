// export_xapi.h — the ledger's training, exam and certificate records as xAPI statements
// (Experience API 1.0.3, IEEE 9274.1.1-2023), for a learning record store.
// The actor is an Agent identified by an account (xAPI 1.0.3 part 2 §4.1.2.1):
//   {"objectType":"Agent","account":{"homePage":<this base's home page>,"name":<person_id>}}
// person_id is the ledger's own pseudonymous id (the id of the PersonRegistered event). It is
// never the identity number, nor its hash: a hash of a ~10^10-value space can be reversed by
// enumeration, and the keyed look-up hash must stay inside the base (identity_document.h).
// No name is sent either (PIPL art. 6: no more personal information than the purpose needs).
#pragma once

#include "ledger/sqlite_db.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace drillbase::ledger {

struct XapiOptions {
    std::string homePage = "https://drillbase.local";  // the account's system
    std::string activityBase = "https://drillbase.local/xapi/activities";
};

// Writes a JSON array of statements, one per line; returns the number of statements.
// Statement ids are name-based UUIDs (RFC 9562 version 8) over the record's event id, so
// exporting twice sends the same ids and the LRS does not count a record twice.
std::int64_t exportXapi(SqliteDb& db, std::ostream& out, const XapiOptions& options = {});

}  // namespace drillbase::ledger
