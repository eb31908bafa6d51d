// rng.h — the simulation's own seeded random numbers. The standard library's distributions
// (std::uniform_real_distribution and friends) are implementation-defined, so the same seed
// could give another drill on another compiler; these helpers are written out by hand so a
// seed means the same sequence everywhere, which replay and the state hash depend on.
#pragma once

#include <cstdint>

namespace drillbase::sim {

// SplitMix64 (Steele, Lea & Flood 2014): used to expand one 64-bit seed into the generator state.
inline std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// xoshiro256** (Blackman & Vigna 2018): fast, 256 bits of state, good statistical quality.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) {
        std::uint64_t sm = seed;
        for (auto& word : s_) word = splitMix64(sm);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, 1): the top 53 bits scaled by 2^-53, exact in a double.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n) without modulo bias: draws below 2^64 mod n are rejected so
    // every residue is equally likely.
    std::uint64_t below(std::uint64_t n) {
        if (n == 0) return 0;
        const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }

    const std::uint64_t* state() const { return s_; }  // for hashing

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

}  // namespace drillbase::sim
