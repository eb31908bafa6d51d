// scenario_reader.h — the checks every scenario section shares, for the scenario loader and
// the sections it delegates (the transfer register): ids unique within their list, points on
// the map, no unknown keys, positive and non-negative numbers, each element of an array of
// objects. Every problem goes through the FieldReader with its JSON pointer.
#pragma once

#include "common/json_fields.h"
#include "sim/scenario/scenario.h"

#include <set>
#include <string>

namespace drillbase::sim {

class ScenarioReader {
public:
    ScenarioReader(const JsonDocument& doc, std::vector<Diagnostic>& out) : r(doc, out) {}

    FieldReader r;
    MapDef map;

    // Calls fn(pointer) for each object element of an array field, after checking its keys.
    template <class Fn>
    void each(const std::string& obj, const char* key, std::initializer_list<std::string_view> keys,
              Fn fn, bool required = false) {
        const auto ptr = pointerChild(obj, key);
        const auto* v = r.at(ptr);
        if (!v) {
            if (required) r.error(obj, std::string("missing required field \"") + key + "\"");
            return;
        }
        if (!v->is_array()) {
            r.error(ptr, "must be an array");
            return;
        }
        for (std::size_t i = 0; i < v->size(); ++i) {
            const auto p = pointerChild(ptr, i);
            if (!r.isObject(p)) continue;
            r.knownKeys(p, keys);
            fn(p);
        }
    }

    std::string id(const std::string& ptr, std::set<std::string>& seen) {
        const auto v = r.string(ptr, "id").value_or("");
        if (!v.empty() && !seen.insert(v).second)
            r.error(pointerChild(ptr, "id"), "duplicate id \"" + v + "\"");
        return v;
    }

    void onMap(const std::string& ptr, double x, double y) {
        if (!map.contains(x, y))
            r.error(ptr, "point (" + nlohmann::json(x).dump() + ", " + nlohmann::json(y).dump() +
                             ") is off the map (0..width_m, 0..height_m)");
    }

    double positive(const std::string& ptr, const char* key, bool required = true,
                    double fallback = 0) {
        const auto v = r.number(ptr, key, required);
        if (v && *v <= 0) r.error(pointerChild(ptr, key), "must be positive");
        return v.value_or(fallback);
    }

    double nonNegative(const std::string& ptr, const char* key, bool required = true,
                       double fallback = 0) {
        const auto v = r.number(ptr, key, required);
        if (v && *v < 0) r.error(pointerChild(ptr, key), "must not be negative");
        return v.value_or(fallback);
    }
};

}  // namespace drillbase::sim
