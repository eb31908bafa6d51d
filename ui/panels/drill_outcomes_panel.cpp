#include "ui/panels/drill_outcomes_panel.h"

#include "ui/panels/drill_format.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <map>

namespace drillbase::ui {

namespace {

// The figures every hazard has (sim/engine/outcomes.cpp), in the order a debriefing reads
// them: who was harmed, how the public was protected, the responders, the worst figures.
// A hazard's own figures are aliases of these for its rubrics (the gas's public_above_aegl2)
// and appear with the item they judge.
const char* const kEngineOutcomes[] = {"people",
                                       "exposed_level1",
                                       "exposed_level2",
                                       "exposed_level3",
                                       "public_above_level2",
                                       "workers_above_level2",
                                       "evacuated",
                                       "sheltered",
                                       "unaware",
                                       "responders_exposed",
                                       "fatalities",
                                       "expected_fatalities",
                                       "peak_public",
                                       "max_dose"};

// "exposed_level2" → {"exposed_level", 2}; level 0 when the key names no level.
std::pair<std::string, int> splitLevel(const std::string& key) {
    const std::string tag = "_level";
    const auto at = key.rfind(tag);
    if (at == std::string::npos || at + tag.size() + 1 != key.size()) return {key, 0};
    const char d = key.back();
    if (d < '1' || d > '9') return {key, 0};
    return {key.substr(0, at + tag.size()), d - '0'};
}

}  // namespace

std::string levelName(const Strings& s, const DrillSession& session, int level) {
    const std::string key = session.legend().harmKey(level);
    if (!key.empty()) return s.tr(key);
    char buf[64];
    std::snprintf(buf, sizeof buf, s.tr("outcome.level_n"), level);
    return buf;
}

std::string outcomeLabel(const Strings& s, const DrillSession& session, const std::string& key) {
    const auto [stem, level] = splitLevel(key);
    if (level > 0 && s.primary().has("outcome." + stem)) {
        char buf[256];
        std::snprintf(buf, sizeof buf, s.tr("outcome." + stem),
                      levelName(s, session, level).c_str());
        return buf;
    }
    const std::string k = "outcome." + key;
    if (!s.primary().has(k)) return key;
    // Figures of the hazard's field name its quantity: "the highest gas concentration".
    if (std::string(s.tr(k)).find("%s") == std::string::npos) return s.tr(k);
    const auto& quantity = session.legend().quantityKey;
    char buf[256];
    std::snprintf(buf, sizeof buf, s.tr(k), quantity.empty() ? "" : s.tr(quantity));
    return buf;
}

std::vector<std::string> hazardOutcomeKeys(const Strings& s, const DrillSession& session) {
    std::vector<std::string> keys;
    if (!session.hazard()) return keys;
    std::map<std::string, double> own;
    session.hazard()->addOutcomes(session.drill().state(), own);
    for (const auto& [key, value] : own) {
        // "public_above_aegl2" is the engine's "public_above_level2" under the gas's name.
        if (key.rfind("public_above_", 0) == 0 || key.rfind("workers_above_", 0) == 0) continue;
        if (s.primary().has("outcome." + key)) keys.push_back(key);
    }
    return keys;
}

std::string formatOutcome(const Strings& s, const DrillSession& session, const std::string& key,
                          double v) {
    // A moment of the drill ("fire_contained_s"): its clock time, or that it never came (-1).
    const std::string tail = "_s";
    if (key.size() > tail.size() && key.compare(key.size() - tail.size(), tail.size(), tail) == 0)
        return v < 0 ? std::string(s.tr("report.never")) : formatClock(v);
    return formatOutcome(session, key, v);
}

std::string formatOutcome(const DrillSession& session, const std::string& key, double v) {
    const std::string& unit = session.legend().unit;
    char buf[96];
    // No exponent a trainee would have to decode: whole units from 100 up.
    const char* fmt = std::fabs(v) >= 100 ? "%.0f %s" : "%.3g %s";
    if (key == "peak_public")
        std::snprintf(buf, sizeof buf, fmt, v, unit.c_str());
    else if (key == "max_dose")  // ∫ intensity dt
        std::snprintf(buf, sizeof buf, fmt, v, (unit + "·s").c_str());
    else if (v == std::floor(v) && std::fabs(v) < 1e9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

void drawOutcomes(const Strings& s, const DrillSession& session) {
    const auto& out = session.outcomes();
    if (out.empty()) return;
    ImGui::TextUnformatted(s.tr("report.outcomes"));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##outcomes", 2, flags)) return;
    ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch, 1);
    auto row = [&](const std::string& key, double value) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textWrapped(outcomeLabel(s, session, key));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatOutcome(s, session, key, value).c_str());
    };
    for (const char* key : kEngineOutcomes)
        if (const auto it = out.find(key); it != out.end()) row(key, it->second);
    // Then the hazard's own figures (a fire's burned area, its containment time), those that
    // have a name: the debrief reads them beside the harm.
    for (const auto& key : hazardOutcomeKeys(s, session))
        if (const auto it = out.find(key); it != out.end()) row(key, it->second);
    ImGui::EndTable();
}

}  // namespace drillbase::ui
