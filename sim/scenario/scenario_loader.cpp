#include "sim/scenario/scenario_loader.h"

#include "common/json_fields.h"

#include <algorithm>

namespace drillbase::sim {

namespace {

// Reads the fields every scenario section shares, with the checks instructors most often
// need: ids unique within their list, points on the map.
class ScenarioReader {
public:
    ScenarioReader(const JsonDocument& doc, std::vector<Diagnostic>& out) : r(doc, out) {}

    FieldReader r;
    MapDef map;

    // Calls fn(pointer) for each element of an optional array field.
    template <class Fn>
    void each(const std::string& obj, const char* key, Fn fn, bool required = false) {
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
        for (std::size_t i = 0; i < v->size(); ++i) fn(pointerChild(ptr, i));
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

void readMap(ScenarioReader& s, Scenario& sc) {
    auto& r = s.r;
    if (!r.isObject("/map")) return;
    s.map.widthM = s.positive("/map", "width_m");
    s.map.heightM = s.positive("/map", "height_m");
    s.map.cellM = s.positive("/map", "cell_m");
    std::set<std::string> ids;
    s.each("/map", "buildings", [&](const std::string& p) {
        Rect b;
        b.id = s.id(p, ids);
        b.x = r.number(p, "x").value_or(0);
        b.y = r.number(p, "y").value_or(0);
        b.w = s.positive(p, "w");
        b.h = s.positive(p, "h");
        b.airChangesPerHour = s.positive(p, "air_changes_per_hour", false, 0.5);
        s.onMap(p, b.x, b.y);
        s.onMap(p, b.x + b.w, b.y + b.h);
        s.map.buildings.push_back(b);
    });
    s.each(
        "/map", "assembly_points",
        [&](const std::string& p) {
            Point a{s.id(p, ids), r.number(p, "x").value_or(0), r.number(p, "y").value_or(0)};
            s.onMap(p, a.x, a.y);
            s.map.assemblyPoints.push_back(a);
        },
        true);
    s.each("/map", "valves", [&](const std::string& p) {
        Valve v;
        v.id = s.id(p, ids);
        v.x = r.number(p, "x").value_or(0);
        v.y = r.number(p, "y").value_or(0);
        v.release = r.string(p, "release").value_or("");
        v.workSeconds = s.positive(p, "work_s", false, 60);
        s.onMap(p, v.x, v.y);
        s.map.valves.push_back(v);
    });
    sc.map = s.map;
}

void readWeather(ScenarioReader& s, Scenario& sc) {
    auto& r = s.r;
    if (!r.isObject("/weather")) return;
    sc.weather.windSpeedMS = s.positive("/weather", "wind_speed_m_s");
    const auto from = r.number("/weather", "wind_from_deg");
    if (from && (*from < 0 || *from >= 360))
        r.error("/weather/wind_from_deg", "must be in [0, 360)");
    sc.weather.windFromDeg = from.value_or(0);
    const auto st = r.string("/weather", "stability");
    if (st && (st->size() != 1 || (*st)[0] < 'A' || (*st)[0] > 'F'))
        r.error("/weather/stability", "must be a Pasquill–Gifford class \"A\" to \"F\"");
    else if (st)
        sc.weather.stability = (*st)[0];
    const auto terrain = r.string("/weather", "terrain");
    if (terrain && *terrain != "rural" && *terrain != "urban")
        r.error("/weather/terrain", "must be \"rural\" or \"urban\"");
    sc.weather.urban = terrain && *terrain == "urban";
}

template <class Kind>
std::optional<Kind> kindOf(FieldReader& r, const std::string& p,
                           std::initializer_list<std::pair<const char*, Kind>> names) {
    const auto v = r.string(p, "kind");
    if (!v) return std::nullopt;
    for (const auto& [n, k] : names)
        if (*v == n) return k;
    std::string all;
    for (const auto& [n, k] : names) all += (all.empty() ? "" : ", ") + std::string(n);
    r.error(pointerChild(p, "kind"), "unknown kind \"" + *v + "\" (" + all + ")");
    return std::nullopt;
}

}  // namespace

const char* personKindName(PersonKind k) {
    return k == PersonKind::Worker ? "worker" : "resident";
}

const char* unitKindName(UnitKind k) {
    switch (k) {
        case UnitKind::Hazmat: return "hazmat";
        case UnitKind::Fire: return "fire";
        case UnitKind::Medical: return "medical";
        case UnitKind::Police: return "police";
    }
    return "hazmat";
}

std::optional<Scenario> loadScenario(const JsonDocument& doc,
                                     const std::set<std::string>& chemicals,
                                     std::vector<Diagnostic>& out) {
    // Nested parsers (rubric, commands) report into `out` too: any new diagnostic fails the file.
    const std::size_t before = out.size();
    ScenarioReader s(doc, out);
    auto& r = s.r;
    if (!r.isObject("")) return std::nullopt;
    Scenario sc;
    sc.file = doc.file;
    if (const auto fmt = r.string("", "format"); fmt && *fmt != kScenarioFormat)
        r.error("/format",
                "unsupported format \"" + *fmt + "\" (expected \"" + kScenarioFormat + "\")");
    sc.id = r.string("", "id").value_or("");
    sc.titleZh = r.string("", "title_zh").value_or("");
    sc.titleEn = r.string("", "title_en").value_or("");
    sc.briefingZh = r.string("", "briefing_zh").value_or("");
    sc.briefingEn = r.string("", "briefing_en").value_or("");
    if (const auto t = r.integer("", "tick_ms", false)) {
        if (*t <= 0 || 1000 % *t != 0)
            r.error("/tick_ms", "must divide 1000 (e.g. 1000, 500, 250)");
        else
            sc.tickMillis = *t;
    }
    sc.warningDelayS = s.nonNegative("", "warning_delay_s", false, 60);
    readMap(s, sc);
    readWeather(s, sc);

    std::set<std::string> releaseIds, agentIds;
    s.each(
        "", "releases",
        [&](const std::string& p) {
            ReleaseDef rel;
            rel.id = s.id(p, releaseIds);
            rel.chemical = r.string(p, "chemical").value_or("");
            if (!rel.chemical.empty() && !chemicals.count(rel.chemical))
                r.error(pointerChild(p, "chemical"),
                        "unknown chemical \"" + rel.chemical + "\" (see content/chemicals.json)");
            rel.x = r.number(p, "x").value_or(0);
            rel.y = r.number(p, "y").value_or(0);
            s.onMap(p, rel.x, rel.y);
            rel.heightM = s.nonNegative(p, "height_m");
            rel.rateKgS = s.positive(p, "rate_kg_s");
            rel.startS = s.nonNegative(p, "start_s");
            rel.durationS = s.positive(p, "duration_s");
            sc.releases.push_back(rel);
        },
        true);
    for (std::size_t i = 0; i < sc.map.valves.size(); ++i)
        if (!sc.map.valves[i].release.empty() && !releaseIds.count(sc.map.valves[i].release))
            r.error(pointerChild(pointerChild("/map/valves", i), "release"),
                    "no release with id \"" + sc.map.valves[i].release + "\"");

    s.each("", "people", [&](const std::string& p) {
        PersonDef d;
        d.id = s.id(p, agentIds);
        d.kind = kindOf<PersonKind>(
                     r, p, {{"worker", PersonKind::Worker}, {"resident", PersonKind::Resident}})
                     .value_or(PersonKind::Worker);
        d.x = r.number(p, "x").value_or(0);
        d.y = r.number(p, "y").value_or(0);
        s.onMap(p, d.x, d.y);
        d.vulnerable = r.boolean(p, "vulnerable", false).value_or(false);
        d.speedMS = s.positive(p, "speed_m_s", false, 1.2);
        sc.people.push_back(d);
    });
    s.each("", "units", [&](const std::string& p) {
        UnitDef u;
        u.id = s.id(p, agentIds);
        u.kind = kindOf<UnitKind>(r, p,
                                  {{"hazmat", UnitKind::Hazmat},
                                   {"fire", UnitKind::Fire},
                                   {"medical", UnitKind::Medical},
                                   {"police", UnitKind::Police}})
                     .value_or(UnitKind::Hazmat);
        u.x = r.number(p, "x").value_or(0);
        u.y = r.number(p, "y").value_or(0);
        s.onMap(p, u.x, u.y);
        u.speedMS = s.positive(p, "speed_m_s", false, 5);
        u.ppe = r.boolean(p, "ppe", false).value_or(false);
        sc.units.push_back(u);
    });
    s.each("", "injects", [&](const std::string& p) {
        InjectDef in;
        in.atS = s.nonNegative(p, "t");
        if (auto c = commandFromJson(doc, pointerChild(p, "command"), out)) {
            if (!isInject(c->type))
                r.error(pointerChild(pointerChild(p, "command"), "type"),
                        std::string("\"") + commandName(c->type) +
                            "\" is a trainee command, not an instructor inject");
            in.command = *c;
            sc.injects.push_back(in);
        }
    });
    std::stable_sort(sc.injects.begin(), sc.injects.end(),
                     [](const InjectDef& a, const InjectDef& b) { return a.atS < b.atS; });
    if (auto rubric = parseRubric(doc, "/rubric", out)) sc.rubric = std::move(*rubric);
    if (out.size() > before) return std::nullopt;
    return sc;
}

std::optional<Scenario> loadScenarioFile(const std::filesystem::path& file,
                                         const std::set<std::string>& chemicals,
                                         std::vector<Diagnostic>& out) {
    const auto doc = loadJsonFile(file, out);
    if (!doc) return std::nullopt;
    return loadScenario(*doc, chemicals, out);
}

}  // namespace drillbase::sim
