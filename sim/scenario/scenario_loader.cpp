#include "sim/scenario/scenario_loader.h"

#include "common/json_fields.h"
#include "sim/scenario/scenario_reader.h"
#include "sim/transfer/transfer_loader.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace drillbase::sim {

namespace {

void readMap(ScenarioReader& s, Scenario& sc) {
    auto& r = s.r;
    if (!r.isObject("/map")) return;
    r.knownKeys("/map", {"width_m", "height_m", "cell_m", "buildings", "assembly_points"});
    s.map.widthM = s.positive("/map", "width_m");
    s.map.heightM = s.positive("/map", "height_m");
    s.map.cellM = s.positive("/map", "cell_m");
    std::set<std::string> ids;
    s.each("/map", "buildings", {"id", "x", "y", "w", "h", "air_changes_per_hour", "floors"},
           [&](const std::string& p) {
               Rect b;
               b.id = s.id(p, ids);
               b.x = r.number(p, "x").value_or(0);
               b.y = r.number(p, "y").value_or(0);
               b.w = s.positive(p, "w");
               b.h = s.positive(p, "h");
               b.airChangesPerHour = s.positive(p, "air_changes_per_hour", false, 0.5);
               if (const auto f = r.integer(p, "floors", false)) {
                   if (*f < 1 || *f > 200)
                       r.error(pointerChild(p, "floors"), "must be 1 to 200");
                   else
                       b.floors = static_cast<int>(*f);
               }
               s.onMap(p, b.x, b.y);
               s.onMap(p, b.x + b.w, b.y + b.h);
               s.map.buildings.push_back(b);
           });
    s.each(
        "/map", "assembly_points", {"id", "x", "y"},
        [&](const std::string& p) {
            Point a{s.id(p, ids), r.number(p, "x").value_or(0), r.number(p, "y").value_or(0)};
            s.onMap(p, a.x, a.y);
            s.map.assemblyPoints.push_back(a);
        },
        true);
    sc.map = s.map;
}

void readWeather(ScenarioReader& s, Scenario& sc) {
    auto& r = s.r;
    if (!r.isObject("/weather")) return;
    r.knownKeys("/weather", {"wind_speed_m_s", "wind_from_deg"});
    sc.weather.windSpeedMS = s.positive("/weather", "wind_speed_m_s");
    const auto from = r.number("/weather", "wind_from_deg");
    if (from && (*from < 0 || *from >= 360))
        r.error("/weather/wind_from_deg", "must be in [0, 360)");
    sc.weather.windFromDeg = from.value_or(0);
}

void readHazard(ScenarioReader& s, Scenario& sc, const SimContent& content) {
    auto& r = s.r;
    if (!r.isObject("/hazard")) return;
    const auto type = r.string("/hazard", "type");
    if (!type) return;
    const HazardType* t = content.hazards().find(*type);
    if (!t) {
        const auto names = content.hazards().names();
        std::vector<std::string_view> views(names.begin(), names.end());
        std::string all;
        for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
        const auto near = nearestName(*type, views);
        r.error("/hazard/type",
                "unknown hazard type \"" + *type + "\"" +
                    (near.empty() ? " (one of: " + all + ")" : "; did you mean \"" + near + "\"?"));
        return;
    }
    sc.hazardType = *type;
    const auto dir = std::filesystem::path(r.doc().file).parent_path();
    std::vector<std::pair<double, Command>> scheduled;
    HazardSection section{r.doc(), r, sc.map, dir, sc.inputs, scheduled};
    sc.hazard = t->parse(section);
    for (auto& [atS, c] : scheduled) sc.injects.push_back(InjectDef{atS, std::move(c)});
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

void readAgents(ScenarioReader& s, Scenario& sc, const DrillRules& rules) {
    auto& r = s.r;
    std::set<std::string> agentIds;
    s.each("", "people", {"id", "kind", "x", "y", "vulnerable", "speed_m_s"},
           [&](const std::string& p) {
               PersonDef d;
               d.id = s.id(p, agentIds);
               d.kind =
                   kindOf<PersonKind>(
                       r, p, {{"worker", PersonKind::Worker}, {"resident", PersonKind::Resident}})
                       .value_or(PersonKind::Worker);
               d.x = r.number(p, "x").value_or(0);
               d.y = r.number(p, "y").value_or(0);
               s.onMap(p, d.x, d.y);
               d.vulnerable = r.boolean(p, "vulnerable", false).value_or(false);
               d.speedMS = s.positive(p, "speed_m_s", false, 1.2);
               sc.people.push_back(d);
           });
    s.each("", "units", {"id", "kind", "x", "y", "speed_m_s", "ppe"}, [&](const std::string& p) {
        UnitDef u;
        u.id = s.id(p, agentIds);
        u.kind = r.string(p, "kind").value_or("");
        const auto& kinds = rules.unitKinds;
        if (!u.kind.empty() && std::find(kinds.begin(), kinds.end(), u.kind) == kinds.end()) {
            std::string all;
            for (const auto& k : kinds) all += (all.empty() ? "" : ", ") + k;
            r.error(pointerChild(p, "kind"), "unknown unit kind \"" + u.kind + "\" (" + all +
                                                 "; content/drill.json unit_kinds)");
        }
        u.x = r.number(p, "x").value_or(0);
        u.y = r.number(p, "y").value_or(0);
        s.onMap(p, u.x, u.y);
        u.speedMS = s.positive(p, "speed_m_s", false, 5);
        u.ppe = r.boolean(p, "ppe", false).value_or(false);
        sc.units.push_back(u);
    });
    std::set<std::string> roleIds;
    s.each("", "roles", {"id", "title_zh", "title_en"}, [&](const std::string& p) {
        RoleDef d;
        d.id = s.id(p, roleIds);
        d.titleZh = r.string(p, "title_zh").value_or("");
        d.titleEn = r.string(p, "title_en").value_or("");
        sc.roles.push_back(d);
    });
}

}  // namespace

const char* personKindName(PersonKind k) {
    return k == PersonKind::Worker ? "worker" : "resident";
}

std::optional<Scenario> loadScenario(const JsonDocument& doc, const SimContent& content,
                                     std::vector<Diagnostic>& out) {
    // Nested parsers (rubric, commands, hazard) report into `out` too: any new diagnostic
    // fails the file.
    const std::size_t before = out.size();
    ScenarioReader s(doc, out);
    auto& r = s.r;
    if (!r.isObject("")) return std::nullopt;
    Scenario sc;
    sc.file = doc.file;
    const auto fmt = r.string("", "format");
    if (fmt && *fmt == kScenarioFormatV1) {
        // Never misread an old file: its releases and stability sit where /2 has none.
        r.error("/format", std::string("format \"") + kScenarioFormatV1 +
                               "\" is no longer read; rewrite the file as \"" + kScenarioFormat +
                               "\" with: drillctl scenario migrate " + doc.file);
        return std::nullopt;
    }
    if (fmt && *fmt != kScenarioFormat)
        r.error("/format",
                "unsupported format \"" + *fmt + "\" (expected \"" + kScenarioFormat + "\")");
    r.knownKeys("", {"format", "id", "title_zh", "title_en", "briefing_zh", "briefing_en",
                     "tick_ms", "warning_delay_s", "map", "weather", "hazard", "people", "units",
                     "roles", "injects", "transfer", "rubric"});
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
    const auto& lim = content.rules().limits;
    if (sc.tickMillis < lim.minTickMs)
        r.error("/tick_ms", "must be at least " + std::to_string(lim.minTickMs) +
                                " (content/drill.json limits): shorter ticks make a drill crawl");
    readMap(s, sc);
    // A map the navigator (cells of at most 5 m) and the overlays can hold (content/drill.json).
    if (sc.map.widthM > lim.maxMapM || sc.map.heightM > lim.maxMapM)
        r.error("/map", "is larger than " + nlohmann::json(lim.maxMapM).dump() +
                            " m a side (content/drill.json limits)");
    else if (sc.map.cellM > 0) {
        const double nav = std::min(sc.map.cellM, 5.0);
        const double cells = std::ceil(sc.map.widthM / nav) * std::ceil(sc.map.heightM / nav);
        if (cells > lim.maxMapCells)
            r.error("/map/cell_m", "gives " + nlohmann::json(cells).dump() +
                                       " grid cells, more than " +
                                       nlohmann::json(lim.maxMapCells).dump() +
                                       " (content/drill.json limits): use larger cells");
    }
    readWeather(s, sc);
    readHazard(s, sc, content);
    readAgents(s, sc, content.rules());
    readTransfer(s, sc, content.rules().transfer);
    if (sc.people.size() > lim.maxPeople)
        r.error("/people", "more than " + std::to_string(lim.maxPeople) + " people");
    if (sc.units.size() > lim.maxUnits)
        r.error("/units", "more than " + std::to_string(lim.maxUnits) + " units");

    const auto catalog = content.catalogFor(sc.hazardType);
    s.each("", "injects", {"t", "command"}, [&](const std::string& p) {
        InjectDef in;
        in.atS = s.nonNegative(p, "t");
        if (auto c = catalog.parse(doc, pointerChild(p, "command"), out)) {
            const auto* spec = catalog.find(c->type);
            if (spec && !(spec->issuers & kInstructor))
                r.error(pointerChild(pointerChild(p, "command"), "type"),
                        "\"" + c->type + "\" is a trainee command, not an instructor inject");
            in.command = *c;
            sc.injects.push_back(in);
        }
    });
    if (sc.injects.size() > lim.maxInjects)
        r.error("/injects", "more than " + std::to_string(lim.maxInjects) + " injects");
    std::stable_sort(sc.injects.begin(), sc.injects.end(),
                     [](const InjectDef& a, const InjectDef& b) { return a.atS < b.atS; });
    if (auto rubric = parseRubric(doc, "/rubric", out)) sc.rubric = std::move(*rubric);
    if (out.size() > before) return std::nullopt;
    return sc;
}

std::optional<Scenario> loadScenarioFile(const std::filesystem::path& file,
                                         const SimContent& content, std::vector<Diagnostic>& out) {
    const auto doc = loadJsonFile(file, out);
    if (!doc) return std::nullopt;
    return loadScenario(*doc, content, out);
}

}  // namespace drillbase::sim
