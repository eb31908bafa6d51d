// canonical_json.h — the one byte-exact text form of a JSON value that the ledger hashes.
// Every event's hash is SHA-256 over this form, so the same event must give the same bytes on
// every machine, in every build and in the later provincial (PostgreSQL) ledger, which may
// re-implement it in another language. The form, stated here as the contract:
//   - objects: keys sorted by their UTF-8 bytes (= Unicode code point order), no duplicates;
//   - no whitespace anywhere;
//   - strings: UTF-8 as is (no \u escapes for non-ASCII); only '"', '\\' and control characters
//     below U+0020 are escaped: \b \f \n \r \t, others as \u00xx with lower-case hex
//     (the escaping of RFC 8785); invalid UTF-8 is rejected;
//   - numbers: integers only, in plain decimal ("-12", never "1e3" or "12.0");
//   - true, false, null as literals.
// Why floats are banned: a binary floating-point value has several valid decimal spellings
// (0.1, 1e-1, 0.10000000000000001) and libraries disagree on the shortest one, so two honest
// implementations could hash the same event differently and the chain would look tampered.
// Quantities in events therefore use integer units (class hours, points, days, minutes).
#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace drillbase::ledger {

// Thrown for a value that has no canonical form (a float, invalid UTF-8); the message names
// the JSON pointer of the offending value.
class CanonicalJsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string canonicalJson(const nlohmann::json& value);

}  // namespace drillbase::ledger
