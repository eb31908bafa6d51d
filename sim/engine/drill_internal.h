// drill_internal.h — helpers shared by the Drill's source files (drill.cpp: life cycle, step
// and hash; drill_apply.cpp: commands; drill_agents.cpp: units and people) and the hazards'.
// Not a public API.
#pragma once

#include "sim/math/det_math.h"

#include <cstdio>
#include <string>
#include <vector>

namespace drillbase::sim::detail {

inline constexpr double kBreathingHeightM = 1.5;

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

// Tasks of the transfer work the engine itself finishes (drill_transfer*.cpp): a cadre's visit
// to a household, a unit managing a shelter.
inline constexpr const char* kVisit = "transfer_visit";
inline constexpr const char* kStaff = "transfer_staff";
bool isTransferTask(const std::string& kind);

inline double distance(double x0, double y0, double x1, double y1) {
    return dmath::hypot(x1 - x0, y1 - y0);
}

}  // namespace drillbase::sim::detail
