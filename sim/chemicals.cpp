#include "sim/chemicals.h"

#include "common/json_fields.h"
#include "sim/dispersion/units.h"

#include <cctype>
#include <cmath>
#include <set>

namespace drillbase::sim {

namespace {

constexpr const char* kFormat = "drillbase-chemicals/1";

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto ca = static_cast<unsigned char>(a[i]), cb = static_cast<unsigned char>(b[i]);
        if (std::tolower(ca) != std::tolower(cb)) return false;
    }
    return true;
}

// A positive number at obj/key; reported at the value when it is not.
std::optional<double> positive(FieldReader& r, const std::string& obj, const char* key,
                               bool required) {
    auto v = r.number(obj, key, required);
    if (v && !(*v > 0)) {
        r.error(pointerChild(obj, key), "must be greater than zero");
        return std::nullopt;
    }
    return v;
}

// A non-empty "source" string: every value in the file must say where it was published.
std::string source(FieldReader& r, const std::string& obj) {
    auto s = r.string(obj, "source");
    if (s && s->empty()) r.error(pointerChild(obj, "source"), "must name the published source");
    return s.value_or("");
}

// "aeglN": null (not recommended at any duration) or {"10min": x|null, …, "8h": x|null}.
void readTier(FieldReader& r, const std::string& aeglPtr, int level, AeglTier& tier,
              bool required60) {
    const std::string key = "aegl" + std::to_string(level);
    const std::string ptr = pointerChild(aeglPtr, key);
    const auto* v = r.at(ptr);
    if (!v) {
        r.error(aeglPtr, "missing required field \"" + key + "\"");
        return;
    }
    if (v->is_null()) {
        if (required60) r.error(ptr, "AEGL-" + std::to_string(level) + " is required (60 min)");
        return;
    }
    if (!r.isObject(ptr)) return;
    for (const auto& [k, _] : v->items()) {
        bool known = false;
        for (const char* d : kAeglDurationKeys) known = known || k == d;
        if (!known)
            r.error(pointerChild(ptr, k), "unknown duration (use 10min, 30min, 60min, 4h, 8h)");
    }
    for (std::size_t d = 0; d < kAeglDurationKeys.size(); ++d) {
        const char* dk = kAeglDurationKeys[d];
        const auto it = v->find(dk);
        if (it == v->end() || it->is_null()) continue;
        tier.ppm[d] = positive(r, ptr, dk, true);
    }
    if (required60 && !tier.at(AeglDuration::Min60)) {
        r.error(ptr, "missing the 60-minute value \"60min\"");
    }
}

void readAegl(FieldReader& r, const std::string& cp, Chemical& c) {
    const std::string ptr = pointerChild(cp, "aegl");
    if (!r.at(ptr)) {
        r.error(cp, "missing required field \"aegl\"");
        return;
    }
    if (!r.isObject(ptr)) return;
    const auto unit = r.string(ptr, "unit");
    if (unit && *unit != "ppm") r.error(pointerChild(ptr, "unit"), "must be \"ppm\"");
    c.aeglSource = source(r, ptr);
    readTier(r, ptr, 1, c.aegl[0], false);
    readTier(r, ptr, 2, c.aegl[1], true);
    readTier(r, ptr, 3, c.aegl[2], true);
    // A higher tier is a more severe effect, so it can never sit at a lower concentration.
    for (std::size_t d = 0; d < kAeglDurationKeys.size(); ++d) {
        for (int lv = 0; lv < 2; ++lv) {
            const auto& lo = c.aegl[lv].ppm[d];
            const auto& hi = c.aegl[lv + 1].ppm[d];
            if (lo && hi && *lo > *hi) {
                r.error(
                    pointerChild(pointerChild(ptr, "aegl" + std::to_string(lv + 2)),
                                 kAeglDurationKeys[d]),
                    "AEGL-" + std::to_string(lv + 2) + " is below AEGL-" + std::to_string(lv + 1));
            }
        }
    }
}

void readProbit(FieldReader& r, const std::string& cp, Chemical& c) {
    const std::string ptr = pointerChild(cp, "probit");
    const auto* v = r.at(ptr);
    if (!v || v->is_null()) return;  // optional: not published for every gas
    if (!r.isObject(ptr)) return;
    Probit p;
    const auto a = r.number(ptr, "a");
    const auto b = positive(r, ptr, "b", true);
    const auto n = positive(r, ptr, "n", true);
    const auto unit = r.string(ptr, "concentrationUnit");
    if (unit && *unit != "ppm" && *unit != "mg/m3") {
        r.error(pointerChild(ptr, "concentrationUnit"), "must be \"ppm\" or \"mg/m3\"");
    }
    const auto time = r.string(ptr, "timeUnit");
    if (time && *time != "min") r.error(pointerChild(ptr, "timeUnit"), "must be \"min\"");
    p.source = source(r, ptr);
    if (!a || !b || !n || !unit) return;
    p.a = *a;
    p.b = *b;
    p.n = *n;
    p.concentrationPpm = *unit == "ppm";
    c.probit = p;
}

void readIdlh(FieldReader& r, const std::string& cp, Chemical& c) {
    const std::string ptr = pointerChild(cp, "idlh");
    const auto* v = r.at(ptr);
    if (!v || v->is_null()) return;
    if (!r.isObject(ptr)) return;
    c.idlhPpm = positive(r, ptr, "ppm", true);
    c.idlhSource = source(r, ptr);
}

Chemical readChemical(FieldReader& r, const std::string& cp) {
    Chemical c;
    c.id = r.string(cp, "id").value_or("");
    const std::string namePtr = pointerChild(cp, "name");
    if (r.at(namePtr) == nullptr) {
        r.error(cp, "missing required field \"name\"");
    } else if (r.isObject(namePtr)) {
        c.nameZh = r.string(namePtr, "zh-CN").value_or("");
        c.nameEn = r.string(namePtr, "en").value_or("");
    }
    c.cas = r.string(cp, "cas").value_or("");
    c.formula = r.string(cp, "formula").value_or("");
    c.molecularWeight = positive(r, cp, "molecularWeight", true).value_or(0);
    c.boilingPointC = r.number(cp, "boilingPointC", false);
    const std::string propPtr = pointerChild(cp, "propertiesSource");
    c.propertiesSource = r.string(cp, "propertiesSource").value_or("");
    if (r.at(propPtr) && c.propertiesSource.empty()) {
        r.error(propPtr, "must name the published source");
    }
    readAegl(r, cp, c);
    readIdlh(r, cp, c);
    readProbit(r, cp, c);
    return c;
}

}  // namespace

std::optional<double> Chemical::aeglMgPerM3(int level, AeglDuration d) const {
    if (level < 1 || level > 3) return std::nullopt;
    const auto& ppm = aegl[static_cast<std::size_t>(level - 1)].at(d);
    if (!ppm) return std::nullopt;
    return ppmToMgPerM3(*ppm, molecularWeight);
}

std::optional<double> Chemical::probitValue(double mgPerM3, double minutes) const {
    if (!probit || mgPerM3 <= 0 || minutes <= 0) return std::nullopt;
    const double c = probit->concentrationPpm ? mgPerM3ToPpm(mgPerM3, molecularWeight) : mgPerM3;
    return probit->a + probit->b * std::log(std::pow(c, probit->n) * minutes);
}

double probitToFraction(double y) {
    return 0.5 * std::erfc(-(y - 5.0) / std::sqrt(2.0));
}

std::optional<ChemicalTable> ChemicalTable::load(const std::filesystem::path& file,
                                                 std::vector<Diagnostic>& out) {
    auto doc = loadJsonFile(file, out);
    if (!doc) return std::nullopt;
    return fromDocument(*doc, out);
}

std::optional<ChemicalTable> ChemicalTable::fromDocument(const JsonDocument& doc,
                                                         std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject("")) return std::nullopt;
    const auto format = r.string("", "format");
    if (format && *format != kFormat) {
        r.error("/format", std::string("unsupported format (expected \"") + kFormat + "\")");
    }
    ChemicalTable table;
    if (!r.at("/chemicals")) {
        r.error("", "missing required field \"chemicals\"");
    } else if (r.isArray("/chemicals")) {
        std::set<std::string> ids;
        const auto& list = doc.value.at("chemicals");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string cp = pointerChild("/chemicals", i);
            if (!r.isObject(cp)) continue;
            Chemical c = readChemical(r, cp);
            if (!c.id.empty() && !ids.insert(c.id).second) {
                r.error(pointerChild(cp, "id"), "duplicate chemical id \"" + c.id + "\"");
            }
            table.chemicals_.push_back(std::move(c));
        }
        if (list.empty()) r.error("/chemicals", "must list at least one chemical");
    }
    if (!r.ok()) return std::nullopt;
    return table;
}

const Chemical* ChemicalTable::find(std::string_view key) const {
    for (const auto& c : chemicals_) {
        if (c.id == key || equalsIgnoreCase(c.nameEn, key) || c.cas == key) return &c;
    }
    // "hydrogen sulfide" for the id "hydrogen_sulfide".
    for (const auto& c : chemicals_) {
        if (c.id.size() != key.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < key.size() && same; ++i) {
            const char k = key[i] == ' ' || key[i] == '-' ? '_' : key[i];
            same = std::tolower(static_cast<unsigned char>(k)) == c.id[i];
        }
        if (same) return &c;
    }
    return nullptr;
}

}  // namespace drillbase::sim
