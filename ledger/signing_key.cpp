#include "ledger/signing_key.h"

#include "ledger/sha256.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <stdexcept>

namespace drillbase::ledger {

namespace {

// Exactly `out.size()` bytes from lower- or upper-case hex, nothing else allowed.
template <std::size_t N>
bool fromHex(std::string_view hex, std::array<std::uint8_t, N>& out) {
    if (hex.size() != 2 * N) return false;
    std::size_t written = 0;
    return sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &written,
                          nullptr) == 0 &&
           written == N;
}

}  // namespace

SigningKey SigningKey::generate() {
    ensureSodium();
    SigningKey k;
    randombytes_buf(k.seed_.data(), k.seed_.size());
    k.derive();
    return k;
}

std::optional<SigningKey> SigningKey::fromSeedHex(std::string_view hex) {
    ensureSodium();
    SigningKey k;
    if (!fromHex(hex, k.seed_)) return std::nullopt;
    k.derive();
    return k;
}

SigningKey::~SigningKey() {
    sodium_memzero(seed_.data(), seed_.size());
    sodium_memzero(secretKey_.data(), secretKey_.size());
}

void SigningKey::derive() {
    crypto_sign_seed_keypair(publicKey_.data(), secretKey_.data(), seed_.data());
}

std::string SigningKey::seedHex() const {
    return toHex(seed_.data(), seed_.size());
}

std::string SigningKey::publicKeyHex() const {
    return toHex(publicKey_.data(), publicKey_.size());
}

std::string SigningKey::signHex(std::string_view message) const {
    std::array<std::uint8_t, crypto_sign_BYTES> sig{};
    crypto_sign_detached(sig.data(), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         secretKey_.data());
    return toHex(sig.data(), sig.size());
}

bool verifySignatureHex(std::string_view message, std::string_view signatureHex,
                        std::string_view publicKeyHex) {
    ensureSodium();
    std::array<std::uint8_t, crypto_sign_BYTES> sig{};
    std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> pk{};
    if (!fromHex(signatureHex, sig) || !fromHex(publicKeyHex, pk)) return false;
    return crypto_sign_verify_detached(sig.data(),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), pk.data()) == 0;
}

void syncParentDir(const std::filesystem::path& file) {
    // The new name is durable only once its directory is: without this a power cut after the
    // ledger recorded the public key could lose the key file, and with it every later write.
    const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::filesystem::path signingKeyFileFor(const std::filesystem::path& dbFile) {
    return std::filesystem::path(dbFile.string() + ".sign.key");
}

std::optional<SigningKey> loadSigningKey(const std::filesystem::path& keyFile) {
    if (!std::filesystem::exists(keyFile)) return std::nullopt;
    std::ifstream in(keyFile);
    std::string text;
    in >> text;
    auto key = SigningKey::fromSeedHex(text);
    if (!key)
        throw std::runtime_error(keyFile.string() +
                                 ": not a signing key (expected 64 hex characters)");
    return key;
}

SigningKey loadOrCreateSigningKey(const std::filesystem::path& keyFile) {
    if (auto key = loadSigningKey(keyFile)) return *key;
    const auto key = SigningKey::generate();
    // Written whole under a name of this process's own, then linked into place: a process
    // killed half-way leaves at most that stray file, never an empty or partial key file that
    // would refuse every later checkpoint. The file is created with mode 0600 in one step, so
    // it is never readable by others, and link() fails when another process put its key in
    // place first (as O_EXCL on the key file itself would), so two processes cannot both
    // write a different key.
    const std::string tmp = keyFile.string() + ".new." + std::to_string(::getpid());
    ::unlink(tmp.c_str());  // left by a killed process that had the same pid
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) throw std::runtime_error("cannot create signing key file " + keyFile.string());
    std::string text = key.seedHex() + "\n";
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    sodium_memzero(text.data(), text.size());
    if (!written) {
        ::unlink(tmp.c_str());
        throw std::runtime_error("cannot write signing key file " + keyFile.string());
    }
    const int linked = ::link(tmp.c_str(), keyFile.c_str());
    const int linkErrno = errno;
    ::unlink(tmp.c_str());
    if (linked != 0) {
        if (linkErrno == EEXIST) return loadOrCreateSigningKey(keyFile);
        throw std::runtime_error("cannot create signing key file " + keyFile.string());
    }
    syncParentDir(keyFile);
    return key;
}

}  // namespace drillbase::ledger
