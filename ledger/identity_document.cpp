#include "ledger/identity_document.h"

#include "common/utf8.h"

#include "ledger/id_number.h"
#include "ledger/sha256.h"

#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <stdexcept>

namespace drillbase::ledger {

std::string_view documentTypeName(DocumentType t) {
    return t == DocumentType::ResidentId ? "resident_id" : "passport";
}

std::optional<DocumentType> documentTypeFromName(std::string_view name) {
    if (name == "resident_id") return DocumentType::ResidentId;
    if (name == "passport") return DocumentType::Passport;
    return std::nullopt;
}

IdentityParse parseResidentId(std::string_view number, const CivilDate& today) {
    const auto r = parseIdNumber(number, today);
    if (!r.ok()) return {std::nullopt, r.message()};
    return {IdentityDocument{DocumentType::ResidentId, r.normalized, "CHN", r.birthDate}, {}};
}

namespace {

// ICAO Doc 9303 Part 4: the document number field of a TD3 passport's MRZ is 9 characters.
constexpr std::size_t kPassportNumberMax = 9;
// Not from Doc 9303 (it sets no minimum): see identity_document.h.
constexpr std::size_t kPassportNumberMin = 5;

char upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool isMrzLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::optional<std::string> normalisePassportNumber(std::string_view number, std::string& error) {
    std::string n;
    bool filler = false;  // '<' seen: only more fillers may follow
    for (const char raw : number) {
        const char c = upper(raw);
        if (c == ' ' || c == '-') continue;
        if (c == '<') {
            filler = true;
            continue;
        }
        if (!isMrzLetterOrDigit(c)) {
            error = "passport number may contain only the letters A-Z and digits 0-9 (ICAO 9303)";
            return std::nullopt;
        }
        if (filler) {
            error = "passport number: '<' is the MRZ filler and may only pad the end";
            return std::nullopt;
        }
        n += c;
    }
    if (n.empty()) {
        error = "passport number is empty";
        return std::nullopt;
    }
    if (n.size() < kPassportNumberMin || n.size() > kPassportNumberMax) {
        error = "passport number must have " + std::to_string(kPassportNumberMin) + " to " +
                std::to_string(kPassportNumberMax) + " letters or digits (ICAO 9303 MRZ), found " +
                std::to_string(n.size());
        return std::nullopt;
    }
    return n;
}

std::optional<std::string> normalisePassportCountry(std::string_view country, std::string& error) {
    std::string cc;
    for (const char c : country)
        if (c != '<' && c != ' ') cc += upper(c);
    if (cc == "D") cc = "DEU";  // Doc 9303 Part 3 three-letter codes: Germany's code is "D<<"
    if (cc.empty()) {
        error = "passport issuing country is missing (ISO 3166-1 alpha-3, e.g. DEU)";
        return std::nullopt;
    }
    if (cc.size() != 3 ||
        !std::all_of(cc.begin(), cc.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        error = "passport issuing country must be a 3-letter ISO 3166-1 alpha-3 code (e.g. DEU)";
        return std::nullopt;
    }
    if (cc == "CHN") {
        error =
            "a CHN passport belongs to a Chinese citizen: register mainland residents by their "
            "resident identity number, Hong Kong, Macao and Taiwan residents by their residence "
            "permit number";
        return std::nullopt;
    }
    return cc;
}

IdentityParse parsePassport(std::string_view number, std::string_view country) {
    std::string error;
    const auto n = normalisePassportNumber(number, error);
    if (!n) return {std::nullopt, error};
    const auto cc = normalisePassportCountry(country, error);
    if (!cc) return {std::nullopt, error};
    return {IdentityDocument{DocumentType::Passport, *n, *cc, std::nullopt}, {}};
}

std::string maskDocument(const IdentityDocument& doc) {
    if (doc.type == DocumentType::ResidentId) return maskIdNumber(doc.number);
    const std::size_t keep = doc.number.size() > 3 ? 3 : 0;
    return std::string(doc.number.size() - keep, '*') + doc.number.substr(doc.number.size() - keep);
}

std::string maskDocumentText(std::string_view typed) {
    const auto decoded = decodeUtf8(typed);
    if (!decoded) return std::string(typed.size(), '*');
    const std::size_t n = decoded->size();
    std::size_t head = 0, tail = 0;
    if (n >= 15) {
        head = 6;
        tail = n - 14;
    } else if (n > 3) {
        tail = 3;
    }
    std::string out;
    std::size_t i = 0;
    for (std::size_t b = 0; b < typed.size(); ++i) {
        const auto lead = static_cast<unsigned char>(typed[b]);
        const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (i < head || i >= n - tail)
            out += typed.substr(b, len);
        else
            out += '*';
        b += len;
    }
    return out;
}

LookupKey LookupKey::generate() {
    ensureSodium();
    LookupKey k;
    randombytes_buf(k.bytes_.data(), k.bytes_.size());
    return k;
}

std::optional<LookupKey> LookupKey::fromHex(std::string_view hex) {
    LookupKey k;
    std::size_t len = 0;
    if (hex.size() != kSize * 2 ||
        sodium_hex2bin(k.bytes_.data(), k.bytes_.size(), hex.data(), hex.size(), nullptr, &len,
                       nullptr) != 0 ||
        len != kSize)
        return std::nullopt;
    return k;
}

std::string LookupKey::hex() const {
    return toHex(bytes_.data(), bytes_.size());
}

LookupKey loadOrCreateLookupKey(const std::filesystem::path& keyFile) {
    namespace fs = std::filesystem;
    if (fs::exists(keyFile)) {
        std::ifstream in(keyFile);
        std::string text;
        in >> text;
        const auto key = LookupKey::fromHex(text);
        if (!key)
            throw std::runtime_error(keyFile.string() +
                                     ": not a ledger look-up key (expected 64 hex characters)");
        return *key;
    }
    const auto key = LookupKey::generate();
    // Created with mode 0600 in one step (O_EXCL): no moment in which others could read it, and
    // two processes starting together cannot both write a different key.
    const int fd = ::open(keyFile.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return loadOrCreateLookupKey(keyFile);
        throw std::runtime_error("cannot create look-up key file " + keyFile.string());
    }
    const std::string text = key.hex() + "\n";
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (!written) throw std::runtime_error("cannot write look-up key file " + keyFile.string());
    return key;
}

std::string lookupHash(const IdentityDocument& doc, const LookupKey& key) {
    return keyedHash(std::string(documentTypeName(doc.type)) + "|" + doc.country + "|" + doc.number,
                     key);
}

std::string keyedHash(std::string_view input, const LookupKey& key) {
    ensureSodium();
    std::array<std::uint8_t, 32> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(input.data()),
                       input.size(), key.bytes().data(), key.bytes().size());
    return toHex(out.data(), out.size());
}

}  // namespace drillbase::ledger
