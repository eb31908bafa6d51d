#include "ledger/identity_document.h"

#include "ledger/id_number.h"
#include "ledger/sha256.h"

#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

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

IdentityParse parsePassport(std::string_view number, std::string_view country) {
    std::string n;
    for (const char c : number) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z')
            n += static_cast<char>(c - 'a' + 'A');
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            n += c;
        else
            return {std::nullopt, "passport number may contain only letters and digits"};
    }
    if (n.size() < 5 || n.size() > 20)
        return {std::nullopt, "passport number must have 5 to 20 letters or digits"};
    std::string cc;
    for (const char c : country) cc += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    if (cc.size() != 3 || cc.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
        return {std::nullopt, "passport issuing country must be a 3-letter ISO 3166-1 code"};
    return {IdentityDocument{DocumentType::Passport, n, cc, std::nullopt}, {}};
}

std::string maskDocument(const IdentityDocument& doc) {
    if (doc.type == DocumentType::ResidentId) return maskIdNumber(doc.number);
    const std::size_t keep = doc.number.size() > 3 ? 3 : 0;
    return std::string(doc.number.size() - keep, '*') + doc.number.substr(doc.number.size() - keep);
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
