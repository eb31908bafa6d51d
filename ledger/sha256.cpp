#include "ledger/sha256.h"

#include <sodium.h>

#include <stdexcept>

namespace drillbase::ledger {

void ensureSodium() {
    // A function-local static is initialised exactly once even with concurrent callers.
    static const int rc = sodium_init();  // 0 first time, 1 if already done, -1 on failure
    if (rc < 0) throw std::runtime_error("libsodium failed to initialise");
}

Sha256Digest sha256(std::string_view data) {
    ensureSodium();
    Sha256Digest out{};
    crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size());
    return out;
}

Sha256Stream::Sha256Stream() {
    ensureSodium();
    crypto_hash_sha256_init(&state_);
}

void Sha256Stream::update(std::string_view data) {
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(data.data()),
                              data.size());
}

Sha256Digest Sha256Stream::finish() {
    Sha256Digest out{};
    crypto_hash_sha256_final(&state_, out.data());
    return out;
}

std::string toHex(const std::uint8_t* data, std::size_t size) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    s.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        s += kHex[data[i] >> 4];
        s += kHex[data[i] & 0xF];
    }
    return s;
}

std::string sha256Hex(std::string_view data) {
    const auto d = sha256(data);
    return toHex(d.data(), d.size());
}

}  // namespace drillbase::ledger
