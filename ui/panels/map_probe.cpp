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

std::string valueText(const Strings& s, const std::string& name, const nlohmann::json& value) {
    // A state given as a word has its translation: "sample.fire_state.burning"; null is a time
    // not come yet (fire_arrival_s before the front arrives).
    if (value.is_string()) {
        const std::string word = "sample." + name + "." + value.get<std::string>();
        return s.primary().has(word) ? s.tr(word) : s.tr("sample.not_yet");
    }
    if (!value.is_number()) return s.tr("sample.not_yet");
    const double v = value.get<double>();
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
