#include "ui/panels/map_probe.h"

#include "ui/panels/drill_format.h"

#include <cmath>
#include <cstdio>

namespace drillbase::ui {

namespace {

// Breathing height, as the overlay shows the field.
constexpr double kProbeHeightM = 1.5;

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string valueText(const Strings& s, const std::string& name, double v) {
    // A state given as a number (0, 1, 2) has its words: "sample.fire_state.1".
    const std::string word = "sample." + name + "." + std::to_string(std::lround(v));
    if (s.primary().has(word)) return s.tr(word);
    if (endsWith(name, "_s")) return std::isfinite(v) ? formatClock(v) : s.tr("sample.not_yet");
    char buf[48];
    std::snprintf(buf, sizeof buf, std::fabs(v) >= 100 ? "%.0f" : "%.3g", v);
    return buf;
}

}  // namespace

std::vector<std::string> pointSummary(const Strings& s, const DrillSession& session, double x,
                                      double y) {
    std::vector<std::string> out;
    const auto& map = session.scenario().map;
    if (!session.hazard() || !map.contains(x, y)) return out;
    for (const auto& [name, value] : session.hazard()->sample(x, y, kProbeHeightM)) {
        const std::string key = "sample." + name;
        if (!s.primary().has(key)) continue;
        out.push_back(std::string(s.tr(key)) + "  " + valueText(s, name, value));
    }
    return out;
}

}  // namespace drillbase::ui
