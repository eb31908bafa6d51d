// identity_document.h — how a person is identified in the ledger without the ledger holding
// the number in the clear. Chinese staff use the resident identity number (GB 11643); foreign
// staff a passport (ICAO 9303 document number + issuing state).
// PIPL (个人信息保护法) art. 28 makes identity numbers sensitive personal information, so the
// number is never a primary key and never stored in the clear: the ledger keeps
//   - a keyed hash (BLAKE2b-256 keyed with a per-installation secret, libsodium
//     crypto_generichash) to find the same person again, which cannot be reversed by
//     enumerating the ~10^10 plausible identity numbers without the key, and
//   - the masked form ("110105********1234") for views and exports.
#pragma once

#include "ledger/civil_date.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace drillbase::ledger {

enum class DocumentType { ResidentId, Passport };

std::string_view documentTypeName(DocumentType t);  // "resident_id", "passport"
std::optional<DocumentType> documentTypeFromName(std::string_view name);

struct IdentityDocument {
    DocumentType type = DocumentType::ResidentId;
    std::string number;   // normalised: 18-character identity number, or upper-case passport no.
    std::string country;  // ISO 3166-1 alpha-3 issuing state; "CHN" for resident identity numbers
    std::optional<CivilDate> birthDate;  // known from a resident identity number
};

struct IdentityParse {
    std::optional<IdentityDocument> document;
    std::string error;  // English reason when document is empty
};

// Resident identity number (18 or legacy 15 digits), validated against `today`.
IdentityParse parseResidentId(std::string_view number, const CivilDate& today);

// Passport (a TD3 machine-readable passport, ICAO Doc 9303 Part 4):
//  - number: the document number of the machine-readable zone (line 2, positions 1-9), so at
//    most 9 characters from the MRZ set A-Z and 0-9 (Doc 9303 Part 3; '<' is only the
//    filler and is dropped at the end). Lower case is turned to upper case, and the spaces and
//    dashes some passports print on the data page are dropped. Doc 9303 sets no minimum; we
//    ask for 5 so that a fragment typed by mistake is refused and the mask (last 3 shown)
//    always hides something.
//  - country: the issuing state as printed in the MRZ, three letters (ISO 3166-1 alpha-3; Doc
//    9303 Part 3, three-letter codes), upper-cased; Doc 9303's "D" for Germany is taken as
//    DEU. Only the form is checked: the list of codes changes and includes Doc 9303's own
//    (UNO, XXA, ...).
//    CHN is refused: a Chinese passport is held by a Chinese citizen, who is registered by the
//    resident identity number (mainland residents) or the 18-digit number of the residence
//    permit (Hong Kong, Macao and Taiwan residents), so one person cannot appear twice.
IdentityParse parsePassport(std::string_view number, std::string_view country);
// The two halves of parsePassport, for callers that report each input on its own (roster
// import names the column): the normalised value, or std::nullopt with `error` set.
std::optional<std::string> normalisePassportNumber(std::string_view number, std::string& error);
std::optional<std::string> normalisePassportCountry(std::string_view country, std::string& error);

// Masked for display: resident ids keep the address code and last 4 characters, passports
// only their last 3.
std::string maskDocument(const IdentityDocument& doc);
// The same masking for a number as typed, which may be invalid (a roster row that was
// rejected): 15 characters or more are masked like a resident id (the address code and what
// follows the 8 birth-date characters stay), shorter ones like a passport (last 3 stay, and
// nothing of 3 characters or fewer). Characters, not bytes, so UTF-8 is never split.
std::string maskDocumentText(std::string_view typed);

// The per-installation secret of the look-up hash (32 bytes).
class LookupKey {
public:
    static constexpr std::size_t kSize = 32;
    static LookupKey generate();  // from the OS random source
    static std::optional<LookupKey> fromHex(std::string_view hex);
    std::string hex() const;
    const std::array<std::uint8_t, kSize>& bytes() const { return bytes_; }

private:
    std::array<std::uint8_t, kSize> bytes_{};
};

// Reads the key file (64 hex characters), creating it with owner-only permissions when missing.
// Why a file beside the database and not a row in it: a copied database alone must not be
// enough to test guesses against the stored hashes.
LookupKey loadOrCreateLookupKey(const std::filesystem::path& keyFile);

// Lower-case hex of keyed BLAKE2b-256 over "type|country|number". The type and country are in
// the input so a passport number can never collide with an identity number.
std::string lookupHash(const IdentityDocument& doc, const LookupKey& key);
// The same keyed BLAKE2b-256 over any text, e.g. a certificate number that embeds an
// identity number.
std::string keyedHash(std::string_view text, const LookupKey& key);

}  // namespace drillbase::ledger
