// sha256.h — SHA-256 (FIPS 180-4) through libsodium, for the ledger's hash chain.
#pragma once

#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace drillbase::ledger {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::string_view data);
// Lower-case hex, 64 characters: the form stored in the events table and in exports.
std::string sha256Hex(std::string_view data);
std::string toHex(const std::uint8_t* data, std::size_t size);

// SHA-256 fed piece by piece: the digest of every row of a derived table (projection_audit.h)
// without holding the whole table as one string.
class Sha256Stream {
public:
    Sha256Stream();
    void update(std::string_view data);
    Sha256Digest finish();  // once; the stream is spent afterwards

private:
    crypto_hash_sha256_state state_{};
};

// libsodium must be initialised once before use; safe to call from any thread, any number of
// times. Throws std::runtime_error when the library cannot initialise.
void ensureSodium();

}  // namespace drillbase::ledger
