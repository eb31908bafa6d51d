// state_hash.h — a 64-bit FNV-1a hash over the drill state in a fixed field order. Two runs
// (or a run and its replay) that reach the same state produce the same value; doubles are
// hashed by their bit pattern, which is why the build forbids FMA contraction.
#pragma once

#include <bit>
#include <cstdint>
#include <string_view>

namespace drillbase::sim {

class StateHasher {
public:
    void add(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
    }
    void add(std::int64_t v) { add(static_cast<std::uint64_t>(v)); }
    void add(int v) { add(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
    void add(bool v) { byte(v ? 1 : 0); }
    void add(double v) { add(std::bit_cast<std::uint64_t>(v)); }
    void add(std::string_view s) {
        add(static_cast<std::uint64_t>(s.size()));
        for (char c : s) byte(static_cast<unsigned char>(c));
    }
    std::uint64_t value() const { return h_; }

private:
    void byte(unsigned char b) {
        h_ ^= b;
        h_ *= 0x100000001b3ULL;  // FNV-1a 64-bit prime
    }
    std::uint64_t h_ = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis
};

}  // namespace drillbase::sim
