// stability.h — Pasquill–Gifford atmospheric stability classes (Pasquill 1961, Gifford 1961):
// A is very unstable (strong sun, light wind), D neutral (overcast or windy), F moderately
// stable (clear night, light wind). Scenarios and the CLI name them by their letter.
#pragma once

#include <optional>
#include <string_view>

namespace drillbase::sim {

enum class Stability { A, B, C, D, E, F };

// Briggs (1973) gives separate curves for open country and for cities, whose rougher and
// warmer surface spreads a plume faster.
enum class Terrain { Rural, Urban };

// 'A'..'F' (either case); nullopt for anything else.
inline std::optional<Stability> parseStability(char c) {
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'F') return std::nullopt;
    return static_cast<Stability>(c - 'A');
}

inline std::optional<Stability> parseStability(std::string_view s) {
    if (s.size() != 1) return std::nullopt;
    return parseStability(s[0]);
}

inline char stabilityLetter(Stability s) {
    return static_cast<char>('A' + static_cast<int>(s));
}

inline const char* terrainName(Terrain t) {
    return t == Terrain::Urban ? "urban" : "rural";
}

}  // namespace drillbase::sim
