// signing_key.h — the Ed25519 key that signs ledger checkpoints (checkpoint.h).
// Ed25519 (RFC 8032) through libsodium's crypto_sign_*: small keys and signatures, fast, and
// deterministic signing, so no per-signature random number can leak the key.
//
// Why a file beside the database and not a row in it: a checkpoint is worth something only if
// whoever can rewrite the database cannot also sign. The key file is created owner-only (mode
// 0600) like the look-up key (identity_document.h); keep it off copies of the database, back
// it up separately, and give inspectors only the public key.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace drillbase::ledger {

class SigningKey {
public:
    static constexpr std::size_t kSeedSize = 32;
    static SigningKey generate();  // from the OS random source
    // The key from its 32-byte seed written as 64 hex characters (the key file's content).
    static std::optional<SigningKey> fromSeedHex(std::string_view hex);

    SigningKey(const SigningKey& other) = default;
    SigningKey& operator=(const SigningKey& other) = default;
    ~SigningKey();  // wipes the secret (sodium_memzero), so it does not linger in freed memory

    std::string seedHex() const;
    std::string publicKeyHex() const;                     // 64 lower-case hex characters
    std::string signHex(std::string_view message) const;  // detached signature, 128 hex chars

private:
    SigningKey() = default;
    void derive();
    std::array<std::uint8_t, kSeedSize> seed_{};
    std::array<std::uint8_t, 32> publicKey_{};
    std::array<std::uint8_t, 64> secretKey_{};
};

// True when `signatureHex` is a valid Ed25519 signature of `message` by `publicKeyHex`; false
// for any malformed hex as well.
bool verifySignatureHex(std::string_view message, std::string_view signatureHex,
                        std::string_view publicKeyHex);

// fsync of the folder holding `file`, so a file just created there survives a power cut.
void syncParentDir(const std::filesystem::path& file);

// "<db>.sign.key", next to the look-up key "<db>.key".
std::filesystem::path signingKeyFileFor(const std::filesystem::path& dbFile);
// Reads the key file, creating it (mode 0600, O_EXCL) with a fresh key when missing.
SigningKey loadOrCreateSigningKey(const std::filesystem::path& keyFile);
// Reads the key file; std::nullopt when it does not exist. Throws when it is not a key.
std::optional<SigningKey> loadSigningKey(const std::filesystem::path& keyFile);

}  // namespace drillbase::ledger
