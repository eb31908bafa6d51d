// fire_type.cpp — the fire hazard's scenario section and commands. Two ways to give the ground,
// as fire analysts and instructors have it:
//   "landscape": "dir"  — a folder in the layout Cell2Fire / C2F-W users exchange (fuels.asc and
//                         its lookup table, elevation, slope, aspect, canopy;
//                         sim/fire/landscape.h), optionally with its Weather.csv ("weather_csv":
//                         true), whose hourly rows become the drill's wind injects;
//   "procedural": {...} — one fuel on a plane of given slope and aspect, with rectangles of other
//                         fuels (a village, a road, a field).
// Then, in JSON: fuel moistures in percent, ignitions, the satellite hot spot, when the fire is
// reported, firebreaks, the sites to protect, the crews' planned safety zones and the drops.
#include "sim/hazards/fire/fire_type.h"

#include "common/json_fields.h"
#include "sim/engine/sim_content.h"
#include "sim/fire/fire_instance.h"
#include "sim/hazards/fire/fire_hazard.h"
#include "sim/math/det_math.h"
#include "sim/scenario/scenario.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

namespace drillbase::sim {

namespace {

std::vector<CommandSpec> fireCommands() {
    const ParamSpec unit = makeParam(Slot::Unit, "param.unit", ChoiceSource::Units);
    const ParamSpec x = makeParam(Slot::X, "param.x"), y = makeParam(Slot::Y, "param.y");
    ParamSpec radius = makeParam(Slot::Radius, "param.radius_m");
    radius.unit = "m";
    radius.min = 5;
    radius.max = 2000;
    return {
        // A crew cuts line from where it stands to the point (锚点 → 控制线), at its production
        // rate
        // in the fuels it crosses; an engine lays wet line, a dozer blades a break.
        makeSpec("build_fireline", kTrainee, Gesture::Point, {unit, x, y}),
        // A helicopter drops water or retardant at the point (吊桶洒水).
        makeSpec("water_drop", kTrainee, Gesture::Point, {unit, x, y}),
        // A crew lights a backfire at the point, to burn out fuel ahead of the front
        // (点火自救/以火攻火).
        makeSpec("backfire", kTrainee, Gesture::Point, {unit, x, y}),
        // The crew's safety zone (安全区) and, by its route, the escape route (避险路线).
        makeSpec("set_safety_zone", kTrainee, Gesture::Area, {unit, x, y, radius}),
        makeSpec("retreat_to_safety_zone", kTrainee, Gesture::Button, {unit}),
        // A ranger or crew goes to the satellite hot spot and confirms it (热点核查).
        makeSpec(
            "verify_hotspot", kTrainee, Gesture::Button,
            {unit, makeParam(Slot::Target, "param.hot_spot", ChoiceSource::Hazard, "hot_spots")}),
        // The instructor starts a spot fire (飞火) at a point: spotting across a line.
        makeSpec("spot_fire", kInstructor, Gesture::Point, {x, y}),
    };
}

// A procedural landscape: one fuel on a plane, rectangles of other fuels over it.
bool proceduralLandscape(FieldReader& r, const MapDef& map, const fire::FuelModelTable& fuels,
                         double maxCells, fire::Landscape& L) {
    const std::string p = "/hazard/procedural";
    r.knownKeys(p, {"cell_m", "fuel", "slope_pct", "aspect_deg", "base_elevation_m", "patches"});
    const double cell = r.number(p, "cell_m", false).value_or(20);
    if (!(cell >= 1 && cell <= 200))
        return r.error(pointerChild(p, "cell_m"), "must be 1 to 200 m"), false;
    const double slopePct = r.number(p, "slope_pct", false).value_or(0);
    if (!(slopePct >= 0 && slopePct <= 300))
        return r.error(pointerChild(p, "slope_pct"), "must be 0 to 300 %"), false;
    const double aspect = r.number(p, "aspect_deg", false).value_or(0);
    if (!(aspect >= 0 && aspect <= 360))
        return r.error(pointerChild(p, "aspect_deg"), "must be 0 to 360 degrees"), false;
    const double z0 = r.number(p, "base_elevation_m", false).value_or(0);
    // A fuel model code, or a local forest type (马尾松林, 杉木林, ...) mapped to its model by
    // content/fuels.json forest_types.
    auto fuelCode = [&](const std::string& ptr) -> std::optional<std::string> {
        const auto code = r.string(ptr, "fuel");
        if (!code) return std::nullopt;
        const fire::FuelModel* m = fuels.find(*code);
        if (!m)
            if (const fire::ForestType* t = fuels.forestType(*code)) m = fuels.find(t->model);
        if (!m) {
            r.error(pointerChild(ptr, "fuel"),
                    "unknown fuel model or forest type \"" + *code +
                        "\" (content/fuels.json: FM1..FM13, GR1, ..., or 马尾松林, 杉木林, ...)");
            return std::nullopt;
        }
        return m->code;
    };
    const auto base = fuelCode(p);
    if (!base) return false;
    const double cols = std::ceil(map.widthM / cell - 1e-9),
                 rows = std::ceil(map.heightM / cell - 1e-9);
    if (!(cols >= 1 && rows >= 1) || cols * rows > maxCells) {
        r.error(pointerChild(p, "cell_m"),
                "the map at this cell size has " + nlohmann::json(cols * rows).dump() +
                    " cells, more than " + nlohmann::json(maxCells).dump() +
                    " (content/hazards/fire.json max_landscape_cells)");
        return false;
    }
    L.ncols = static_cast<int>(cols);
    L.nrows = static_cast<int>(rows);
    L.cellM = cell;
    const std::size_t n = static_cast<std::size_t>(L.ncols) * static_cast<std::size_t>(L.nrows);
    // Each cell's code as an index into `used` (the base fuel and every patch's).
    std::vector<std::string> used{*base};
    std::vector<std::uint16_t> cellCode(n, 0);
    if (const auto* v = r.at(pointerChild(p, "patches"))) {
        if (!v->is_array()) return r.error(pointerChild(p, "patches"), "must be an array"), false;
        if (v->size() > 1000) return r.error(pointerChild(p, "patches"), "more than 1000"), false;
        for (std::size_t k = 0; k < v->size(); ++k) {
            const auto q = pointerChild(pointerChild(p, "patches"), k);
            if (!r.isObject(q)) continue;
            r.knownKeys(q, {"fuel", "x", "y", "w", "h", "name"});
            const auto code = fuelCode(q);
            const double x = r.number(q, "x").value_or(0), y = r.number(q, "y").value_or(0);
            const double w = r.number(q, "w").value_or(0), h = r.number(q, "h").value_or(0);
            if (!code) continue;
            auto at = std::find(used.begin(), used.end(), *code);
            if (at == used.end()) at = used.insert(used.end(), *code);
            const auto index = static_cast<std::uint16_t>(at - used.begin());
            // Only the rows and columns the rectangle can cover.
            const double i0 = std::max(0.0, std::floor(x / cell - 0.5));
            const double j0 = std::max(0.0, std::floor(y / cell - 0.5));
            const double i1 = std::min<double>(L.ncols - 1, std::ceil((x + w) / cell));
            const double j1 = std::min<double>(L.nrows - 1, std::ceil((y + h) / cell));
            if (!(i0 <= i1 && j0 <= j1)) continue;
            for (int j = static_cast<int>(j0); j <= static_cast<int>(j1); ++j)
                for (int i = static_cast<int>(i0); i <= static_cast<int>(i1); ++i) {
                    const double cx = (i + 0.5) * cell, cy = (j + 0.5) * cell;
                    if (cx >= x && cx <= x + w && cy >= y && cy <= y + h)
                        cellCode[static_cast<std::size_t>(j) * L.ncols + i] = index;
                }
        }
    }
    std::set<std::string> burnable;
    for (const auto& c : used)
        if (fuels.find(c)->burnable) burnable.insert(c);
    L.codes.assign(burnable.begin(), burnable.end());
    std::vector<std::uint16_t> fuelOf(used.size(), fire::Landscape::kNone);
    for (std::size_t u = 0; u < used.size(); ++u) {
        const auto it = std::lower_bound(L.codes.begin(), L.codes.end(), used[u]);
        if (it != L.codes.end() && *it == used[u])
            fuelOf[u] = static_cast<std::uint16_t>(it - L.codes.begin());
    }
    L.entry.assign(n, fire::Landscape::kNone);
    L.fuel.resize(n);
    for (std::size_t k = 0; k < n; ++k) L.fuel[k] = fuelOf[cellCode[k]];
    // A plane rising towards the upslope direction (aspect + 180°): z = z0 + s · (distance
    // along it from the map's centre).
    const double s = slopePct / 100.0;
    L.slopeTan.assign(n, static_cast<float>(s));
    L.aspectDeg.assign(n, static_cast<float>(aspect));
    const double up = (aspect + 180.0) * std::numbers::pi / 180.0;
    const double ux = dmath::sin(up), uy = dmath::cos(up);
    L.elevationM.resize(n);
    for (int j = 0; j < L.nrows; ++j)
        for (int i = 0; i < L.ncols; ++i) {
            const double dx = (i + 0.5) * cell - 0.5 * map.widthM;
            const double dy = (j + 0.5) * cell - 0.5 * map.heightM;
            L.elevationM[static_cast<std::size_t>(j) * L.ncols + i] =
                static_cast<float>(z0 + s * (dx * ux + dy * uy));
        }
    return true;
}

}  // namespace

FireHazardType::FireHazardType() : commands_(fireCommands()) {}

bool FireHazardType::loadContent(const std::filesystem::path& contentDir,
                                 std::vector<Diagnostic>& out) {
    auto table = fire::FuelModelTable::load(contentDir / "fuels.json", out);
    if (!table) return false;
    fuels_ = std::move(*table);
    const auto doc = loadJsonFile(contentDir / "hazards" / "fire.json", out);
    if (!doc) return false;
    auto rules = parseFireRules(*doc, out);
    if (!rules) return false;
    rules_ = std::move(*rules);
    return true;
}

std::shared_ptr<const HazardConfig> FireHazardType::parse(HazardSection& s) const {
    auto& r = s.reader;
    r.knownKeys("/hazard",
                {"type", "landscape", "weather_csv", "procedural", "moisture_pct", "ignitions",
                 "hot_spot", "report_s", "firebreaks", "sites", "safety_zones", "stocks"});
    auto cfg = std::make_shared<FireConfig>();
    const bool folder = r.at("/hazard/landscape") != nullptr;
    if (folder == (r.at("/hazard/procedural") != nullptr)) {
        r.error("/hazard", "give either \"landscape\" (a C2F-W folder) or \"procedural\" ground");
        return cfg;
    }
    auto land = std::make_shared<fire::Landscape>();
    if (folder) {
        const auto rel = r.string("/hazard", "landscape");
        if (!rel) return cfg;
        const auto dir = s.scenarioDir / *rel;
        fire::FireInstanceOptions o;
        for (const auto& m : fuels_.models()) o.landscape.knownCodes.insert(m.code);
        std::vector<Diagnostic> errors, warnings;
        auto inst = fire::loadFireInstance(dir, o, errors, warnings);
        if (!inst) {
            if (errors.empty())
                r.error("/hazard/landscape", "landscape \"" + *rel + "\" cannot be read");
            for (std::size_t k = 0; k < errors.size() && k < 5; ++k)
                r.error("/hazard/landscape", "landscape \"" + *rel + "\": " + errors[k].format());
            return cfg;
        }
        if (static_cast<double>(inst->landscape.cellCount()) > rules_.maxLandscapeCells) {
            r.error("/hazard/landscape", "landscape \"" + *rel + "\" has " +
                                             std::to_string(inst->landscape.cellCount()) +
                                             " cells, more than " +
                                             nlohmann::json(rules_.maxLandscapeCells).dump() +
                                             " (content/hazards/fire.json max_landscape_cells)");
            return cfg;
        }
        *land = std::move(inst->landscape);
        for (const char* name : {"fuels.asc", "elevation.asc", "slope.asc", "saz.asc", "cbh.asc",
                                 "cbd.asc", "ccf.asc", "hm.asc"})
            for (const std::string& f : {std::string(name), std::string(name) + ".gz"})
                if (std::filesystem::is_regular_file(dir / f)) s.addInput(*rel + "/" + f, dir / f);
        if (!land->lookup.file.empty()) {
            const auto lf = std::filesystem::path(land->lookup.file);
            s.addInput(*rel + "/" + lf.filename().string(), lf);
        }
        // Weather.csv as it is: each hourly row (10 m wind, km/h, and where it blows from)
        // becomes the drill's wind from that hour on, as instructor injects in the log.
        if (r.boolean("/hazard", "weather_csv", false).value_or(false)) {
            if (!inst->weather) {
                r.error("/hazard/weather_csv", "the landscape folder has no Weather.csv");
            } else {
                s.addInput(*rel + "/Weather.csv", dir / "Weather.csv");
                for (std::size_t h = 0; h < inst->weather->hours.size(); ++h) {
                    const auto& row = inst->weather->hours[h];
                    Command speed = makeCommand("wind_speed");
                    speed.value = row.windKmh / 3.6;
                    Command dir2 = makeCommand("wind_shift");
                    dir2.value = row.windFromDeg;
                    s.injects.emplace_back(static_cast<double>(h) * 3600.0, speed);
                    s.injects.emplace_back(static_cast<double>(h) * 3600.0, dir2);
                }
            }
        }
        // The map's south-west corner is the landscape's.
        land->xll = land->yll = 0;
    } else if (!proceduralLandscape(r, s.map, fuels_, rules_.maxLandscapeCells, *land)) {
        return cfg;
    }
    if (s.map.widthM > land->ncols * land->cellM + 1e-6 ||
        s.map.heightM > land->nrows * land->cellM + 1e-6)
        r.error("/map", "the map (" + nlohmann::json(s.map.widthM).dump() + " x " +
                            nlohmann::json(s.map.heightM).dump() +
                            " m) is larger than the landscape (" +
                            nlohmann::json(land->ncols * land->cellM).dump() + " x " +
                            nlohmann::json(land->nrows * land->cellM).dump() + " m)");
    cfg->landscape = land;

    if (r.at("/hazard/moisture_pct") && r.isObject("/hazard/moisture_pct")) {
        const std::string p = "/hazard/moisture_pct";
        r.knownKeys(p, {"m1", "m10", "m100", "herb", "woody"});
        auto m = [&](const char* k, double& dst, double lo, double hi) {
            const auto v = r.number(p, k);
            if (!v) return;
            if (*v < lo || *v > hi)
                r.error(pointerChild(p, k), "must be " + nlohmann::json(lo).dump() + " to " +
                                                nlohmann::json(hi).dump() + " %");
            else
                dst = *v / 100.0;
        };
        m("m1", cfg->moisture.m1, 1, 60);
        m("m10", cfg->moisture.m10, 1, 60);
        m("m100", cfg->moisture.m100, 1, 60);
        m("herb", cfg->moisture.mHerb, 30, 300);
        m("woody", cfg->moisture.mWoody, 30, 300);
    }

    std::set<std::string> ids;
    auto each = [&](const char* key, std::initializer_list<std::string_view> keys, auto fn) {
        const auto ptr = pointerChild("/hazard", key);
        const auto* v = r.at(ptr);
        if (!v) return;
        if (!v->is_array()) return r.error(ptr, "must be an array");
        for (std::size_t i = 0; i < v->size(); ++i) {
            const auto p = pointerChild(ptr, i);
            if (!r.isObject(p)) continue;
            r.knownKeys(p, keys);
            fn(p);
        }
    };
    auto newId = [&](const std::string& p) {
        const auto id = r.string(p, "id").value_or("");
        if (!id.empty() && !ids.insert(id).second)
            r.error(pointerChild(p, "id"), "duplicate id \"" + id + "\"");
        return id;
    };
    auto cellAt = [&](double x, double y) -> std::optional<std::size_t> {
        if (x < 0 || y < 0) return std::nullopt;
        const auto i = static_cast<long long>(x / land->cellM),
                   j = static_cast<long long>(y / land->cellM);
        if (i >= land->ncols || j >= land->nrows) return std::nullopt;
        return static_cast<std::size_t>(j * land->ncols + i);
    };
    each("ignitions", {"id", "x", "y", "t_s"}, [&](const std::string& p) {
        FireIgnition g{newId(p)};
        g.x = r.number(p, "x").value_or(0);
        g.y = r.number(p, "y").value_or(0);
        g.atS = r.number(p, "t_s", false).value_or(0);
        s.onMap(p, g.x, g.y);
        if (g.atS < 0) r.error(pointerChild(p, "t_s"), "must not be negative");
        const auto c = cellAt(g.x, g.y);
        if (c && !land->burnable(*c))
            r.error(p, "the ignition is on ground that does not burn (" +
                           (land->entry.empty() || land->entry[*c] == fire::Landscape::kNone
                                ? std::string("no fuel")
                                : land->lookup.entries[land->entry[*c]].code) +
                           ")");
        cfg->ignitions.push_back(g);
    });
    if (cfg->ignitions.empty()) r.error("/hazard", "a fire scenario needs \"ignitions\"");
    if (r.at("/hazard/hot_spot") && r.isObject("/hazard/hot_spot")) {
        const std::string p = "/hazard/hot_spot";
        r.knownKeys(p, {"id", "x", "y", "report_s"});
        HotSpot h{newId(p)};
        h.x = r.number(p, "x").value_or(0);
        h.y = r.number(p, "y").value_or(0);
        h.reportS = r.number(p, "report_s").value_or(0);
        s.onMap(p, h.x, h.y);
        if (h.reportS < 0) r.error(pointerChild(p, "report_s"), "must not be negative");
        cfg->hotSpot = h;
    }
    cfg->reportS = r.number("/hazard", "report_s", false).value_or(-1);
    each("firebreaks", {"id", "x0", "y0", "x1", "y1"}, [&](const std::string& p) {
        FireBreakDef b{newId(p)};
        b.x0 = r.number(p, "x0").value_or(0);
        b.y0 = r.number(p, "y0").value_or(0);
        b.x1 = r.number(p, "x1").value_or(0);
        b.y1 = r.number(p, "y1").value_or(0);
        s.onMap(p, b.x0, b.y0);
        s.onMap(p, b.x1, b.y1);
        cfg->firebreaks.push_back(b);
    });
    if (const auto* v = r.at("/hazard/sites")) {
        if (!v->is_array()) {
            r.error("/hazard/sites", "must be a list of building ids");
        } else {
            for (std::size_t k = 0; k < v->size(); ++k) {
                const auto p = pointerChild("/hazard/sites", k);
                const std::string id = (*v)[k].is_string() ? (*v)[k].get<std::string>() : "";
                const bool known = std::any_of(s.map.buildings.begin(), s.map.buildings.end(),
                                               [&](const Rect& b) { return b.id == id; });
                if (!known)
                    r.error(p, "\"" + id + "\" is not a building of the map");
                else
                    cfg->sites.push_back(id);
            }
        }
    }
    each("safety_zones", {"unit", "x", "y", "radius_m"}, [&](const std::string& p) {
        SafetyZoneDef z;
        z.unit = r.string(p, "unit").value_or("");
        z.x = r.number(p, "x").value_or(0);
        z.y = r.number(p, "y").value_or(0);
        z.radiusM = r.number(p, "radius_m").value_or(0);
        s.onMap(p, z.x, z.y);
        if (!(z.radiusM >= 5 && z.radiusM <= 2000))
            r.error(pointerChild(p, "radius_m"), "must be 5 to 2000 m");
        cfg->safetyZones.push_back(z);
    });
    if (r.at("/hazard/stocks") && r.isObject("/hazard/stocks")) {
        r.knownKeys("/hazard/stocks", {"drops"});
        if (const auto v = r.integer("/hazard/stocks", "drops", false)) {
            if (*v < 0 || *v > 10000)
                r.error("/hazard/stocks/drops", "must be 0 to 10000");
            else
                cfg->drops = static_cast<int>(*v);
        }
    }
    return cfg;
}

std::unique_ptr<Hazard> FireHazardType::make(const Scenario& scenario) const {
    const auto* cfg = dynamic_cast<const FireConfig*>(scenario.hazard.get());
    if (!cfg || !cfg->landscape) return nullptr;
    return std::make_unique<FireHazard>(scenario, *cfg, rules_, fuels_);
}

}  // namespace drillbase::sim
