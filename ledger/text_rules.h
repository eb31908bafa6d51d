// text_rules.h — what text the ledger accepts in names and free-text fields: how long, which
// characters, which Unicode form. One table for every field, so the limits and their reasons
// are decided here and nowhere else (event_payloads.cpp applies them to every event written by
// Ledger and BulkWriter alike; drillctl and the roster import report them with their place).
//
// Why these rules:
//  - Length: text is hashed into an append-only chain, copied to the provincial ledger and
//    printed on archives and certificates; without a bound one bad row (a 100 MB "name") is
//    stored for ever. Limits count characters (Unicode code points), not bytes, so a Chinese
//    name has the same room as a Latin one:
//      person name        64  the longest names on resident cards and passports (long
//                             transliterated minority names with "·", ICAO 9303 full names)
//                             fit with room; a printed certificate line holds about that much
//      organisation name 100  registered enterprise names with branch suffixes (有限责任公司
//                             第一分公司 ...) stay well under it
//      short text        200  training topic, provider, instructor, town: one printed line
//                             (the 600-byte rule of Ledger::recordTraining is 200 CJK chars)
//      free text        1000  reasons for suspension, revocation, correction, and the stored
//                             form of a training topic: paragraphs (LF allowed, no other
//                             control character). Ledger::recordTraining and drillctl keep a
//                             topic to one line; bulk imports of older archives may not.
//  - Characters: no control characters (C0 incl. NUL, DEL, C1 incl. ESC and BEL): they break
//    terminals, logs and CSV files and are never part of a name. No line or paragraph
//    separators (U+2028/9) and no bidirectional overrides or isolates (U+202A–E, U+2066–9),
//    which can make a name display as another (Unicode TR 36 §2, "Trojan Source").
//  - Unicode NFC (UAX #15): the same name typed on two systems (macOS input gives decomposed
//    accents, NFD) must be the same bytes, or it hashes and sorts as two people. Text that is
//    not NFC is refused with the position; normaliseNfc() is for the edges (drillctl options),
//    which may turn typed text into NFC before it reaches the ledger. ICU (libicu) decides.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace drillbase::ledger {

enum class TextField { PersonName, OrganisationName, ShortText, FreeText };

struct TextRule {
    std::string_view what;  // "a person name", for messages
    std::size_t maxChars = 0;
    bool lineBreaks = false;  // LF (U+000A) allowed: free text may have paragraphs
};
const TextRule& textRule(TextField field);

// Why `text` is refused for `field`, in English ("is 70 characters long; a person name has
// at most 64"), or std::nullopt when it is acceptable. The empty text is acceptable here:
// whether a field may be empty is the caller's rule.
std::optional<std::string> textProblem(std::string_view text, TextField field);

// `text` in Unicode NFC, or std::nullopt when it is not valid UTF-8.
std::optional<std::string> normaliseNfc(std::string_view text);

}  // namespace drillbase::ledger
