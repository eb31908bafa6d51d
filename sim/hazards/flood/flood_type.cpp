// flood_type.cpp — the flood hazard's scenario section and commands. Two ways to give the
// model, as flood modellers and instructors have them:
//   "lisflood": "x.par"           — a LISFLOOD-FP model as it is (DEM, n, .bci, .bdy, .stage);
//   "dem": "x.asc" with "manning_n" (one value), "manning" (an n grid) or "land_use" (a grid of
//   codes named by "land_use_codes", turned into n by content/hazards/flood.json);
// then, in JSON, what the drill adds: inflow hydrographs at points or along lines (m³/s),
// levee breaches, rain (mm/h), free-outflow edges, water standing at the start (a river or
// reservoir behind a levee) and gauges. The map's south-west corner is the DEM's.
#include "sim/hazards/flood/flood_type.h"

#include "common/json_fields.h"
#include "sim/hazards/flood/flood_hazard.h"
#include "sim/hydraulics/flood_boundaries.h"
#include "sim/hydraulics/lisflood_inputs.h"
#include "sim/scenario/scenario.h"

#include <cmath>
#include <set>

namespace drillbase::sim {

namespace {

std::vector<CommandSpec> floodCommands() {
    const ParamSpec unit = makeParam(Slot::Unit, "param.unit", ChoiceSource::Units);
    const ParamSpec x = makeParam(Slot::X, "param.x"), y = makeParam(Slot::Y, "param.y");
    ParamSpec rain = makeParam(Slot::Value, "param.rain_mm_h");
    rain.unit = "mm/h";
    rain.min = 0;
    rain.max = 500;
    return {
        // A crew builds a sandbag wall at a point: the ground there is raised (防汛抢险 · 筑堤).
        makeSpec("place_sandbags", kTrainee, Gesture::Point, {unit, x, y}),
        // A pump team drains water at a point (抽排).
        makeSpec("deploy_pump", kTrainee, Gesture::Point, {unit, x, y}),
        // The instructor opens a breach now, or sets the rain.
        makeSpec("open_breach", kInstructor, Gesture::Button,
                 {makeParam(Slot::Target, "param.breach", ChoiceSource::Hazard, "breaches")}),
        makeSpec("set_rain", kInstructor, Gesture::Button, {rain}),
    };
}

// A series of [t_s, value] pairs at `ptr`, times strictly increasing, values ≥ 0.
std::optional<TimeSeries> readSeries(FieldReader& r, const std::string& ptr, std::string name,
                                     double scale) {
    const auto* v = r.at(ptr);
    if (!v || !v->is_array() || v->empty()) {
        r.error(ptr, "must be a list of [t_s, value] pairs");
        return std::nullopt;
    }
    TimeSeries s;
    s.name = std::move(name);
    for (std::size_t k = 0; k < v->size(); ++k) {
        const auto& e = (*v)[k];
        const auto p = pointerChild(ptr, k);
        if (!e.is_array() || e.size() != 2 || !e[0].is_number() || !e[1].is_number()) {
            r.error(p, "must be [t_s, value]");
            return std::nullopt;
        }
        const double t = e[0].get<double>(), val = e[1].get<double>();
        if (!std::isfinite(t) || t < 0) return r.error(p, "time must be ≥ 0"), std::nullopt;
        if (!s.tS.empty() && t <= s.tS.back())
            return r.error(p, "times must increase"), std::nullopt;
        if (!std::isfinite(val) || val < 0)
            return r.error(p, "value must not be negative"), std::nullopt;
        s.tS.push_back(t);
        s.value.push_back(val * scale);
    }
    return s;
}

// The grid of the model from a DEM and its friction; false after reporting why.
bool modelFromGrids(HazardSection& s, const FloodRules& rules, FloodModel& m) {
    auto& r = s.reader;
    const auto dem = s.loadGrid("/hazard/dem");
    if (!dem) return false;
    m.nx = dem->ncols;
    m.ny = dem->nrows;
    m.cellM = dem->cellM;
    m.z = dem->values;
    m.inDomain = dem->valid;
    m.manning.assign(m.cells(), 0.035);
    auto sameGrid = [&](const AsciiGrid& g, const char* key) {
        if (g.ncols == dem->ncols && g.nrows == dem->nrows && g.cellM == dem->cellM &&
            g.xll == dem->xll && g.yll == dem->yll)
            return true;
        r.error(pointerChild("/hazard", key),
                "the grid must have the DEM's ncols, nrows, "
                "cellsize and corner");
        return false;
    };
    const int given = (r.at("/hazard/manning_n") ? 1 : 0) + (r.at("/hazard/manning") ? 1 : 0) +
                      (r.at("/hazard/land_use") ? 1 : 0);
    if (given != 1) {
        r.error("/hazard", "give exactly one of \"manning_n\", \"manning\" or \"land_use\"");
        return false;
    }
    if (r.at("/hazard/manning_n")) {
        const double n = r.number("/hazard", "manning_n").value_or(0);
        if (!(n >= 0.005 && n <= 1))
            return r.error("/hazard/manning_n", "must be in [0.005, 1]"), false;
        m.manning.assign(m.cells(), n);
    } else if (r.at("/hazard/manning")) {
        const auto g = s.loadGrid("/hazard/manning");
        if (!g || !sameGrid(*g, "manning")) return false;
        for (std::size_t k = 0; k < m.cells(); ++k) {
            if (!m.inDomain[k]) continue;
            if (!g->valid[k] || !(g->values[k] >= 0.005 && g->values[k] <= 1))
                return r.error("/hazard/manning",
                               "every cell of the domain needs an n in "
                               "[0.005, 1]"),
                       false;
            m.manning[k] = g->values[k];
        }
    } else {
        const auto g = s.loadGrid("/hazard/land_use");
        if (!g || !sameGrid(*g, "land_use")) return false;
        const auto* codes = r.at("/hazard/land_use_codes");
        if (!codes || !codes->is_object()) {
            r.error("/hazard", "\"land_use\" needs \"land_use_codes\": {\"1\": \"pasture\", …}");
            return false;
        }
        std::map<long, double> nOf;
        for (auto it = codes->begin(); it != codes->end(); ++it) {
            const auto p = pointerChild("/hazard/land_use_codes", it.key());
            char* end = nullptr;
            const long code = std::strtol(it.key().c_str(), &end, 10);
            if (it.key().empty() || *end != '\0')
                return r.error(p, "keys must be whole numbers"), false;
            if (!it->is_string()) return r.error(p, "must be a land use name"), false;
            const auto found = rules.landUseManningN.find(it->get<std::string>());
            if (found == rules.landUseManningN.end())
                return r.error(p, "unknown land use \"" + it->get<std::string>() +
                                      "\" (see content/hazards/flood.json land_use_manning_n)"),
                       false;
            nOf[code] = found->second;
        }
        for (std::size_t k = 0; k < m.cells(); ++k) {
            if (!m.inDomain[k]) continue;
            const auto it = nOf.find(std::lround(g->values[k]));
            if (!g->valid[k] || it == nOf.end()) {
                r.error("/hazard/land_use", "cell value " + nlohmann::json(g->values[k]).dump() +
                                                " has no entry in land_use_codes");
                return false;
            }
            m.manning[k] = it->second;
        }
    }
    return true;
}

bool modelFromLisflood(HazardSection& s, FloodModel& m) {
    auto& r = s.reader;
    const auto rel = r.string("/hazard", "lisflood").value_or("");
    if (rel.empty()) return false;
    std::vector<Diagnostic> errors, warnings;
    auto loaded = loadLisfloodModel(s.scenarioDir / rel, errors, warnings);
    if (!loaded) {
        r.error("/hazard/lisflood",
                "model \"" + rel +
                    "\": " + (errors.empty() ? "cannot be read" : errors.front().format()));
        return false;
    }
    for (const auto& f : loaded->filesRead)
        s.addInput(f.lexically_relative(s.scenarioDir).generic_string(), f);
    m = std::move(loaded->model);
    // Into map coordinates: the DEM's south-west corner is the map's (0, 0).
    for (BoundaryCondition& b : m.boundaries) {
        b.x -= m.xll;
        b.y -= m.yll;
        const bool alongX = b.side == BoundarySide::North || b.side == BoundarySide::South;
        if (b.side != BoundarySide::Point) {
            b.from -= alongX ? m.xll : m.yll;
            b.to -= alongX ? m.xll : m.yll;
        }
    }
    for (Gauge& g : m.gauges) {
        g.x -= m.xll;
        g.y -= m.yll;
    }
    return true;
}

}  // namespace

FloodHazardType::FloodHazardType() : commands_(floodCommands()) {}

bool FloodHazardType::loadContent(const std::filesystem::path& contentDir,
                                  std::vector<Diagnostic>& out) {
    const auto doc = loadJsonFile(contentDir / "hazards" / "flood.json", out);
    if (!doc) return false;
    auto rules = parseFloodRules(*doc, out);
    if (!rules) return false;
    rules_ = std::move(*rules);
    return true;
}

std::shared_ptr<const HazardConfig> FloodHazardType::parse(HazardSection& s) const {
    auto& r = s.reader;
    r.knownKeys("/hazard", {"type", "lisflood", "dem", "manning_n", "manning", "land_use",
                            "land_use_codes", "cover", "inflows", "breaches", "rain",
                            "outflow_edges", "initial_water", "gauges", "stocks"});
    auto cfg = std::make_shared<FloodConfig>();
    FloodModel& m = cfg->model;
    const bool lisflood = r.at("/hazard/lisflood") != nullptr;
    if (lisflood == (r.at("/hazard/dem") != nullptr)) {
        r.error("/hazard", "give either \"lisflood\" (a .par file) or \"dem\" (an .asc grid)");
        return cfg;
    }
    if (!(lisflood ? modelFromLisflood(s, m) : modelFromGrids(s, rules_, m))) return cfg;
    if (static_cast<double>(m.cells()) > rules_.maxModelCells) {
        r.error(lisflood ? "/hazard/lisflood" : "/hazard/dem",
                "the grid has " + std::to_string(m.cells()) + " cells, more than " +
                    nlohmann::json(rules_.maxModelCells).dump() +
                    " (content/hazards/flood.json max_model_cells)");
        return cfg;
    }
    m.xll = m.yll = 0;
    const double w = m.nx * m.cellM, h = m.ny * m.cellM;
    if (s.map.widthM > w + 1e-6 || s.map.heightM > h + 1e-6)
        r.error("/map", "the map (" + nlohmann::json(s.map.widthM).dump() + " x " +
                            nlohmann::json(s.map.heightM).dump() + " m) is larger than the DEM (" +
                            nlohmann::json(w).dump() + " x " + nlohmann::json(h).dump() + " m)");
    if (m.settings.simTimeS <= 0) m.settings.simTimeS = 1e9;  // a drill runs until it ends
    if (const auto c = r.string("/hazard", "cover", false)) {
        if (!rules_.debrisFactor.count(*c))
            r.error("/hazard/cover", "unknown land cover \"" + *c +
                                         "\" (see content/hazards/flood.json debris_factor)");
        cfg->cover = *c;
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
            const auto id = r.string(p, "id").value_or("");
            if (!id.empty() && !ids.insert(id).second)
                r.error(pointerChild(p, "id"), "duplicate id \"" + id + "\"");
            fn(p, id);
        }
    };
    auto point = [&](const std::string& p, const char* kx, const char* ky, double& x, double& y) {
        x = r.number(p, kx).value_or(0);
        y = r.number(p, ky).value_or(0);
        s.onMap(p, x, y);
    };
    each("inflows", {"id", "x", "y", "x2", "y2", "hydrograph_m3_s"},
         [&](const std::string& p, const std::string& id) {
             FloodPlace place{id};
             point(p, "x", "y", place.x, place.y);
             double x2 = place.x, y2 = place.y;
             if (r.at(pointerChild(p, "x2"))) point(p, "x2", "y2", x2, y2);
             // The hydrograph's m³/s shared over the cells of the line, each as a LISFLOOD-FP
             // point source in m²/s (÷ Δx).
             const auto cells = cellsOnSegment(m, place.x, place.y, x2, y2);
             if (cells.empty()) return r.error(p, "the inflow is not on a cell of the domain");
             const double scale = 1.0 / (static_cast<double>(cells.size()) * m.cellM);
             auto series = readSeries(r, pointerChild(p, "hydrograph_m3_s"), "inflow:" + id, scale);
             if (!series) return;
             place.startS = series->tS.front();
             for (std::size_t k = 0; k < series->value.size(); ++k)
                 if (series->value[k] > 0) {
                     place.startS = k > 0 ? series->tS[k - 1] : series->tS[k];
                     break;
                 }
             m.series.push_back(*series);
             for (std::size_t c : cells) {
                 BoundaryCondition b;
                 b.side = BoundarySide::Point;
                 b.x = (static_cast<double>(c % static_cast<std::size_t>(m.nx)) + 0.5) * m.cellM;
                 b.y = (static_cast<double>(c / static_cast<std::size_t>(m.nx)) + 0.5) * m.cellM;
                 b.kind = BoundaryKind::QVar;
                 b.series = "inflow:" + id;
                 m.boundaries.push_back(b);
             }
             cfg->inflows.push_back(place);
         });
    each("breaches", {"id", "x0", "y0", "x1", "y1", "bottom_m", "start_s", "duration_s", "width_m"},
         [&](const std::string& p, const std::string& id) {
             Breach b;
             b.id = id;
             point(p, "x0", "y0", b.x0, b.y0);
             point(p, "x1", "y1", b.x1, b.y1);
             b.bottomM = r.number(p, "bottom_m").value_or(0);
             b.startS = r.number(p, "start_s").value_or(0);
             b.durationS = r.number(p, "duration_s").value_or(0);
             b.widthM = r.number(p, "width_m", false).value_or(0);
             if (b.widthM < 0) r.error(pointerChild(p, "width_m"), "must not be negative");
             if (b.startS < 0) r.error(pointerChild(p, "start_s"), "must not be negative");
             if (b.durationS < 0) r.error(pointerChild(p, "duration_s"), "must not be negative");
             m.breaches.push_back(b);
             cfg->breaches.push_back({id, 0.5 * (b.x0 + b.x1), 0.5 * (b.y0 + b.y1), b.startS});
         });
    if (r.at("/hazard/rain")) {
        if (auto rain = readSeries(r, "/hazard/rain", "rain", 1.0)) {
            m.rain.mmPerHour = *rain;
            m.rain.present = true;
        }
    }
    if (const auto* e = r.at("/hazard/outflow_edges")) {
        if (!e->is_array())
            r.error("/hazard/outflow_edges", "must be a list of \"N\", \"S\", \"E\", \"W\"");
        else
            for (std::size_t k = 0; k < e->size(); ++k) {
                const auto p = pointerChild("/hazard/outflow_edges", k);
                const std::string side = (*e)[k].is_string() ? (*e)[k].get<std::string>() : "";
                BoundaryCondition b;
                b.kind = BoundaryKind::Free;
                b.value = -1;
                b.from = -1e12;
                b.to = 1e12;
                if (side == "N")
                    b.side = BoundarySide::North;
                else if (side == "S")
                    b.side = BoundarySide::South;
                else if (side == "E")
                    b.side = BoundarySide::East;
                else if (side == "W")
                    b.side = BoundarySide::West;
                else {
                    r.error(p, "must be \"N\", \"S\", \"E\" or \"W\"");
                    continue;
                }
                m.boundaries.push_back(b);
            }
    }
    each("initial_water", {"id", "level_m", "x", "y", "w", "h"},
         [&](const std::string& p, const std::string&) {
             const double level = r.number(p, "level_m").value_or(0);
             double x = 0, y = 0;
             point(p, "x", "y", x, y);
             const double ww = r.number(p, "w").value_or(0), hh = r.number(p, "h").value_or(0);
             if (m.h0.empty()) m.h0.assign(m.cells(), 0.0);
             for (int j = 0; j < m.ny; ++j)
                 for (int i = 0; i < m.nx; ++i) {
                     const double cx = (i + 0.5) * m.cellM, cy = (j + 0.5) * m.cellM;
                     const std::size_t k = m.index(i, j);
                     if (cx < x || cx > x + ww || cy < y || cy > y + hh || !m.inDomain[k]) continue;
                     m.h0[k] = std::max(m.h0[k], level - m.z[k]);
                 }
         });
    each("gauges", {"id", "x", "y"}, [&](const std::string& p, const std::string& id) {
        FloodPlace g{id};
        point(p, "x", "y", g.x, g.y);
        m.gauges.push_back({g.x, g.y});
        cfg->gauges.push_back(g);
    });
    if (r.at("/hazard/stocks") && r.isObject("/hazard/stocks")) {
        r.knownKeys("/hazard/stocks", {"sandbag_walls", "pumps"});
        auto stock = [&](const char* key, int& dst) {
            const auto v = r.integer("/hazard/stocks", key, false);
            if (!v) return;
            if (*v < 0 || *v > 100000)
                r.error(pointerChild("/hazard/stocks", key), "must be 0 to 100000");
            else
                dst = static_cast<int>(*v);
        };
        stock("sandbag_walls", cfg->sandbagWalls);
        stock("pumps", cfg->pumps);
    }
    if (r.ok())
        for (const std::string& problem : checkFloodModel(m)) r.error("/hazard", problem);
    return cfg;
}

std::unique_ptr<Hazard> FloodHazardType::make(const Scenario& scenario) const {
    const auto* cfg = dynamic_cast<const FloodConfig*>(scenario.hazard.get());
    if (!cfg) return nullptr;
    return std::make_unique<FloodHazard>(scenario, *cfg, rules_);
}

}  // namespace drillbase::sim
