// drill_internal.h — helpers shared by the Drill's source files (drill.cpp: life cycle, step
// and hash; drill_apply.cpp: commands; drill_agents.cpp: units and people). Not a public API.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace drillbase::sim::detail {

inline constexpr double kBreathingHeightM = 1.5;
inline constexpr double kPpeDonSeconds = 60;  // breathing apparatus and suit, trained crew
inline constexpr double kCurtainKnockdown = 0.5;

template <class T>
const T* findById(const std::vector<T>& items, const std::string& id) {
    for (const auto& it : items)
        if (it.id == id) return &it;
    return nullptr;
}

// Fixed decimals so event attributes (and so the log) are identical on every machine.
inline std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace drillbase::sim::detail
