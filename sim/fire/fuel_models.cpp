#include "sim/fire/fuel_models.h"

#include "common/json_fields.h"
#include "sim/engine/sim_content.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

namespace drillbase::sim::fire {

namespace {

constexpr const char* kFormat = "drillbase-fuels/1";

constexpr std::array<std::string_view, 11> kRootKeys = {
    "format",         "description",           "units",
    "sav_10h_per_ft", "sav_100h_per_ft",       "particle_density_lb_ft3",
    "notes",          "total_mineral_content", "effective_mineral_content",
    "groups",         "forest_types"};
constexpr std::array<std::string_view, 5> kGroupKeys = {"id", "name", "source", "verified",
                                                        "models"};
constexpr std::array<std::string_view, 10> kModelKeys = {
    "code",       "number",   "name",        "burnable",    "load_t_ac",
    "sav_per_ft", "depth_ft", "mx_dead_pct", "heat_btu_lb", "dynamic"};
constexpr std::array<std::string_view, 5> kLoadKeys = {"1h", "10h", "100h", "live_herb",
                                                       "live_woody"};
constexpr std::array<std::string_view, 3> kSavKeys = {"1h", "live_herb", "live_woody"};
constexpr std::array<std::string_view, 2> kHeatKeys = {"dead", "live"};
constexpr std::array<std::string_view, 2> kNameKeys = {"zh-CN", "en"};
constexpr std::array<std::string_view, 3> kForestKeys = {"source", "verified", "types"};
constexpr std::array<std::string_view, 4> kTypeKeys = {"name", "model", "alternatives", "basis"};

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(a[i])) !=
            std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// A bound as people write it: 100, not 100.0.
std::string bound(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    return nlohmann::json(v).dump();
}

// A number at obj/key within [lo, hi], reported where it is when out of range.
std::optional<double> ranged(FieldReader& r, const std::string& obj, const char* key, double lo,
                             double hi, const char* unit, bool required = true) {
    const auto v = r.number(obj, key, required);
    if (v && (*v < lo || *v > hi)) {
        r.error(pointerChild(obj, key),
                "must be in [" + bound(lo) + ", " + bound(hi) + "] " + unit);
        return std::nullopt;
    }
    return v;
}

void readNames(FieldReader& r, const std::string& ptr, std::string& zh, std::string& en) {
    if (!r.isObject(ptr)) return;
    r.knownKeys(ptr, kNameKeys);
    zh = r.string(ptr, "zh-CN").value_or("");
    en = r.string(ptr, "en").value_or("");
}

struct Constants {
    double sav10h = 109, sav100h = 30, density = 32, mineralTotal = 0.0555,
           mineralEffective = 0.010;
};

// A live or 1-h SAV ratio: required (> 0) when its class has load, null or absent otherwise.
double readSav(FieldReader& r, const std::string& obj, const char* key, double load) {
    const auto* v = r.at(pointerChild(obj, key));
    if (load <= 0 && (v == nullptr || v->is_null())) return 0;
    if (v == nullptr || v->is_null()) {
        r.error(v ? pointerChild(obj, key) : obj,
                std::string("\"") + key + "\" is required: its class has a load");
        return 0;
    }
    return ranged(r, obj, key, 16, 10000, "1/ft").value_or(0);
}

std::optional<FuelModel> readModel(FieldReader& r, const std::string& ptr, const Constants& k,
                                   const std::string& group) {
    if (!r.isObject(ptr)) return std::nullopt;
    r.knownKeys(ptr, kModelKeys);
    FuelModel m;
    m.group = group;
    m.code = r.string(ptr, "code").value_or("");
    if (r.at(pointerChild(ptr, "code")) && m.code.empty())
        r.error(pointerChild(ptr, "code"), "must not be empty");
    if (const auto n = r.integer(ptr, "number")) {
        if (*n < 1 || *n > 256) r.error(pointerChild(ptr, "number"), "must be in [1, 256]");
        m.number = static_cast<int>(*n);
    }
    readNames(r, pointerChild(ptr, "name"), m.nameZh, m.nameEn);
    m.burnable = r.boolean(ptr, "burnable", false).value_or(true);
    if (!m.burnable) {
        for (const char* key : {"load_t_ac", "sav_per_ft", "depth_ft", "mx_dead_pct"})
            if (r.at(pointerChild(ptr, key)))
                r.error(pointerChild(ptr, key), "a non-burnable model has no fuel");
        return m;
    }
    m.dynamic = r.boolean(ptr, "dynamic").value_or(false);
    m.sav10h = k.sav10h;
    m.sav100h = k.sav100h;
    m.particleDensity = k.density;
    m.mineralTotal = k.mineralTotal;
    m.mineralEffective = k.mineralEffective;

    const std::string L = pointerChild(ptr, "load_t_ac");
    if (r.isObject(L)) {
        r.knownKeys(L, kLoadKeys);
        auto load = [&](const char* key) {
            return ranged(r, L, key, 0, 100, "t/ac").value_or(0) * kLbFt2PerTonAcre;
        };
        m.load1h = load("1h");
        m.load10h = load("10h");
        m.load100h = load("100h");
        m.loadHerb = load("live_herb");
        m.loadWoody = load("live_woody");
        if (m.load1h + m.load10h + m.load100h + m.loadHerb + m.loadWoody <= 0)
            r.error(L, "a burnable model needs some load (or \"burnable\": false)");
        if (m.load1h <= 0 && m.loadHerb > 0 && m.dynamic)
            r.error(L, "a dynamic model needs a 1-h load for its cured herbaceous fuel");
    }
    const std::string S = pointerChild(ptr, "sav_per_ft");
    if (r.isObject(S)) {
        r.knownKeys(S, kSavKeys);
        m.sav1h = readSav(r, S, "1h", m.load1h > 0 ? m.load1h : 1);
        m.savHerb = readSav(r, S, "live_herb", m.loadHerb);
        m.savWoody = readSav(r, S, "live_woody", m.loadWoody);
    }
    m.depthFt = ranged(r, ptr, "depth_ft", 0.01, 50, "ft").value_or(0);
    m.mxDead = ranged(r, ptr, "mx_dead_pct", 5, 100, "%").value_or(0) / 100.0;
    const std::string H = pointerChild(ptr, "heat_btu_lb");
    if (r.isObject(H)) {
        r.knownKeys(H, kHeatKeys);
        m.heatDead = ranged(r, H, "dead", 4000, 12000, "Btu/lb").value_or(0);
        m.heatLive = ranged(r, H, "live", 4000, 12000, "Btu/lb").value_or(0);
    }
    return m;
}

void readForestTypes(FieldReader& r, std::vector<ForestType>& out, bool& verified,
                     const std::vector<FuelModel>& models) {
    const std::string F = "/forest_types";
    if (!r.at(F) || !r.isObject(F)) return;
    r.knownKeys(F, kForestKeys);
    r.string(F, "source");
    verified = r.boolean(F, "verified").value_or(false);
    const std::string T = pointerChild(F, "types");
    if (!r.isArray(T)) return;
    auto known = [&](const std::string& code) {
        for (const auto& m : models)
            if (m.code == code) return true;
        return false;
    };
    for (std::size_t i = 0; i < r.at(T)->size(); ++i) {
        const std::string p = pointerChild(T, i);
        if (!r.isObject(p)) continue;
        r.knownKeys(p, kTypeKeys);
        ForestType t;
        readNames(r, pointerChild(p, "name"), t.nameZh, t.nameEn);
        t.model = r.string(p, "model").value_or("");
        if (!t.model.empty() && !known(t.model))
            r.error(pointerChild(p, "model"), "\"" + t.model + "\" is not a model of this file");
        t.basis = r.string(p, "basis").value_or("");
        const std::string A = pointerChild(p, "alternatives");
        if (r.at(A) && r.isArray(A)) {
            for (std::size_t j = 0; j < r.at(A)->size(); ++j) {
                const auto& v = (*r.at(A))[j];
                if (!v.is_string() || !known(v.get<std::string>())) {
                    r.error(pointerChild(A, j), "must be the code of a model of this file");
                    continue;
                }
                t.alternatives.push_back(v.get<std::string>());
            }
        }
        out.push_back(std::move(t));
    }
}

}  // namespace

std::optional<FuelModelTable> FuelModelTable::fromDocument(const JsonDocument& doc,
                                                           std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject("")) return std::nullopt;
    r.knownKeys("", kRootKeys);
    if (const auto f = r.string("", "format"); f && *f != kFormat)
        r.error("/format", std::string("expected \"") + kFormat + "\"");
    r.string("", "description", false);
    if (r.at("/units") && r.isObject("/units"))
        for (const auto& [key, v] : r.at("/units")->items())
            if (!v.is_string()) r.error(pointerChild("/units", key), "must be a string");
    if (const auto* n = r.at("/notes"); n && !n->is_array() && !n->is_string())
        r.error("/notes", "must be a string or a list of strings");
    // The particle constants; absent ones keep Rothermel's values (a test file need not list them).
    Constants k;
    auto constant = [&](const char* key, double lo, double hi, double& dst) {
        if (r.at(pointerChild("", key))) dst = readSourcedNumber(r, key, lo, hi).value_or(dst);
    };
    constant("sav_10h_per_ft", 16, 1000, k.sav10h);
    constant("sav_100h_per_ft", 16, 1000, k.sav100h);
    constant("particle_density_lb_ft3", 10, 80, k.density);
    constant("total_mineral_content", 0, 0.5, k.mineralTotal);
    constant("effective_mineral_content", 1e-4, 0.5, k.mineralEffective);

    FuelModelTable t;
    std::set<std::string> codes;
    std::set<int> numbers;
    if (r.isArray("/groups")) {
        for (std::size_t g = 0; g < r.at("/groups")->size(); ++g) {
            const std::string G = pointerChild("/groups", g);
            if (!r.isObject(G)) continue;
            r.knownKeys(G, kGroupKeys);
            const std::string id = r.string(G, "id").value_or("");
            std::string zh, en;
            if (r.at(pointerChild(G, "name"))) readNames(r, pointerChild(G, "name"), zh, en);
            r.string(G, "source");
            r.boolean(G, "verified");
            const std::string M = pointerChild(G, "models");
            if (!r.isArray(M)) continue;
            for (std::size_t i = 0; i < r.at(M)->size(); ++i) {
                const std::string p = pointerChild(M, i);
                auto m = readModel(r, p, k, id);
                if (!m) continue;
                std::string upper = m->code;
                for (char& c : upper)
                    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                if (!m->code.empty() && !codes.insert(upper).second)
                    r.error(pointerChild(p, "code"), "\"" + m->code + "\" is listed twice");
                if (m->number > 0 && !numbers.insert(m->number).second)
                    r.error(pointerChild(p, "number"),
                            std::to_string(m->number) + " is listed twice");
                t.models_.push_back(std::move(*m));
            }
        }
    }
    readForestTypes(r, t.forestTypes_, t.forestTypesVerified_, t.models_);
    if (!r.ok()) return std::nullopt;
    return t;
}

std::optional<FuelModelTable> FuelModelTable::load(const std::filesystem::path& file,
                                                   std::vector<Diagnostic>& out) {
    const auto doc = loadJsonFile(file, out);
    if (!doc) return std::nullopt;
    return fromDocument(*doc, out);
}

const FuelModel* FuelModelTable::find(std::string_view codeOrNumber) const {
    int number = 0;
    const char* end = codeOrNumber.data() + codeOrNumber.size();
    const auto [p, ec] = std::from_chars(codeOrNumber.data(), end, number);
    const bool isNumber = !codeOrNumber.empty() && ec == std::errc() && p == end;
    for (const auto& m : models_)
        if (isNumber ? m.number == number : equalsIgnoreCase(m.code, codeOrNumber)) return &m;
    return nullptr;
}

const ForestType* FuelModelTable::forestType(std::string_view name) const {
    for (const auto& t : forestTypes_)
        if (t.nameZh == name || equalsIgnoreCase(t.nameEn, name)) return &t;
    return nullptr;
}

}  // namespace drillbase::sim::fire
