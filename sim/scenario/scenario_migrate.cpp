#include "sim/scenario/scenario_migrate.h"

#include "sim/scenario/scenario_loader.h"

namespace drillbase::sim {

std::optional<nlohmann::ordered_json> migrateScenarioV1(const nlohmann::ordered_json& v1,
                                                        std::string& error) {
    if (!v1.is_object() || !v1.contains("format") || v1["format"] != kScenarioFormatV1) {
        error = std::string("not a \"") + kScenarioFormatV1 + "\" scenario";
        return std::nullopt;
    }
    nlohmann::ordered_json hazard = {{"type", "gas"}};
    if (v1.contains("weather") && v1["weather"].is_object()) {
        for (const char* k : {"stability", "terrain"})
            if (v1["weather"].contains(k)) hazard[k] = v1["weather"][k];
    }
    if (v1.contains("releases")) hazard["releases"] = v1["releases"];
    if (v1.contains("map") && v1["map"].is_object() && v1["map"].contains("valves"))
        hazard["valves"] = v1["map"]["valves"];
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [key, value] : v1.items()) {
        if (key == "format") {
            out[key] = kScenarioFormat;
        } else if (key == "releases") {
            out["hazard"] = hazard;  // where the releases were
        } else if (key == "weather" && value.is_object()) {
            auto w = value;
            w.erase("stability");
            w.erase("terrain");
            out[key] = w;
        } else if (key == "map" && value.is_object()) {
            auto m = value;
            m.erase("valves");
            out[key] = m;
        } else {
            out[key] = value;
        }
    }
    if (!out.contains("hazard")) out["hazard"] = hazard;
    return out;
}

}  // namespace drillbase::sim
