#include "sim/chemicals.h"

#include "common/json_fields.h"
#include "sim/dispersion/units.h"

#include "sim/math/det_math.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string_view>
#include <vector>

namespace drillbase::sim {

namespace {

constexpr const char* kFormat = "drillbase-chemicals/1";

// Every object in the file refuses keys it does not know, so a misspelt optional field (a
// boiling point, a check note) is reported instead of silently read as absent.
constexpr std::array<std::string_view, 4> kRootKeys = {"format", "description", "notes",
                                                       "chemicals"};
constexpr std::array<std::string_view, 10> kChemicalKeys = {
    "id",   "name", "cas",   "formula", "molecularWeight", "boilingPointC", "propertiesSource",
    "aegl", "idlh", "probit"};
constexpr std::array<std::string_view, 2> kNameKeys = {"zh-CN", "en"};
constexpr std::array<std::string_view, 6> kAeglKeys = {"unit",  "source", "aegl1",
                                                       "aegl2", "aegl3",  "checks"};
constexpr std::array<std::string_view, 5> kCheckKeys = {"values", "status", "source", "checked",
                                                        "note"};
constexpr std::array<std::string_view, 2> kIdlhKeys = {"ppm", "source"};
constexpr std::array<std::string_view, 6> kProbitKeys = {
    "a", "b", "n", "concentrationUnit", "timeUnit", "source"};

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
    // Not knownKeys: its nearest-name hint would turn "1h" into "4h", a wrong duration in a
    // table of exposure limits; naming the five keys is the safer hint.
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

// "2026-12-01": a real calendar date in ISO 8601 form.
bool isIsoDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    const auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[static_cast<std::size_t>(m - 1)] + (m == 2 && leap ? 1 : 0);
}

// The names a check may give its values: a whole tier ("aegl2", all five durations) or one
// value ("aegl2/10min").
const std::vector<std::string>& valueNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (int lv = 1; lv <= 3; ++lv) {
            const std::string tier = "aegl" + std::to_string(lv);
            v.push_back(tier);
            for (const char* d : kAeglDurationKeys) v.push_back(tier + "/" + d);
        }
        return v;
    }();
    return names;
}

// `word` is not in `names`: "unknown X \"word\"; did you mean \"y\"?" when one is near.
std::string unknownName(const char* what, const std::string& word,
                        const std::vector<std::string_view>& names, const char* hint) {
    std::string msg = std::string("unknown ") + what + " \"" + word + "\"";
    const auto near = nearestName(word, names);
    return near.empty() ? msg + " (" + hint + ")" : msg + "; did you mean \"" + near + "\"?";
}

// One entry of "checks": {"values": [...], "status", "source", "checked", "note"?}. Marks the
// named slots of `c`; `markedBy` remembers which entry marked each slot, to refuse a second.
void readCheck(FieldReader& r, const std::string& gp, Chemical& c,
               std::array<std::array<std::string, 5>, 3>& markedBy) {
    r.knownKeys(gp, kCheckKeys);
    ValueCheck vc;
    bool statusKnown = false;
    if (const auto st = r.string(gp, "status")) {
        std::vector<std::string_view> names(kCheckStatusNames.begin(), kCheckStatusNames.end());
        const auto it = std::find(names.begin(), names.end(), *st);
        if (it == names.end()) {
            r.error(pointerChild(gp, "status"),
                    unknownName("status", *st, names, "use confirmed, corrected or unconfirmed"));
        } else {
            vc.status = static_cast<CheckStatus>(it - names.begin());
            statusKnown = true;
        }
    }
    vc.source = source(r, gp);
    const auto checked = r.string(gp, "checked");
    if (checked && !isIsoDate(*checked)) {
        r.error(pointerChild(gp, "checked"), "must be the date of the check, YYYY-MM-DD");
    }
    vc.checked = checked.value_or("");
    vc.note = r.string(gp, "note", false).value_or("");
    if (statusKnown && vc.status != CheckStatus::Confirmed && vc.note.empty())
        r.error(gp,
                "a corrected or unconfirmed value needs a \"note\": what was wrong, or why "
                "it could not be confirmed");
    const std::string vp = pointerChild(gp, "values");
    if (!r.at(vp)) {
        r.error(gp, "missing required field \"values\"");
        return;
    }
    if (!r.isArray(vp)) return;
    const auto& list = *r.at(vp);
    if (list.empty()) r.error(vp, "must name at least one AEGL value");
    const auto& all = valueNames();
    const std::vector<std::string_view> names(all.begin(), all.end());
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string ep = pointerChild(vp, k);
        if (!list[k].is_string()) {
            r.error(ep, "must be a string");
            continue;
        }
        const auto name = list[k].get<std::string>();
        const auto at = std::find(all.begin(), all.end(), name);
        if (at == all.end()) {
            r.error(ep, unknownName("AEGL value", name, names, "use e.g. aegl3 or aegl3/10min"));
            continue;
        }
        // valueNames() lists per tier the tier itself, then its five durations.
        const auto index = static_cast<std::size_t>(at - all.begin());
        const std::size_t perTier = 1 + kAeglDurationKeys.size();
        const std::size_t lv = index / perTier, slot = index % perTier;  // 0: the whole tier
        for (std::size_t d = 0; d < kAeglDurationKeys.size(); ++d) {
            if (slot != 0 && slot != d + 1) continue;
            if (!markedBy[lv][d].empty()) {
                r.error(ep, "aegl" + std::to_string(lv + 1) + "/" + kAeglDurationKeys[d] +
                                " is already marked at " + markedBy[lv][d]);
                continue;
            }
            markedBy[lv][d] = ep;
            c.aegl[lv].check[d] = vc;
        }
    }
}

// "checks": every AEGL value says whether it was checked against its published source.
void readChecks(FieldReader& r, const std::string& aeglPtr, Chemical& c) {
    const std::string ptr = pointerChild(aeglPtr, "checks");
    if (!r.at(ptr)) {
        r.error(aeglPtr, "missing required field \"checks\" (a check mark for every AEGL value)");
        return;
    }
    if (!r.isArray(ptr)) return;
    std::array<std::array<std::string, 5>, 3> markedBy;
    for (std::size_t j = 0; j < r.at(ptr)->size(); ++j) {
        const std::string gp = pointerChild(ptr, j);
        if (r.isObject(gp)) readCheck(r, gp, c, markedBy);
    }
    for (std::size_t lv = 0; lv < 3; ++lv) {
        for (std::size_t d = 0; d < kAeglDurationKeys.size(); ++d) {
            if (!c.aegl[lv].ppm[d] || c.aegl[lv].check[d]) continue;
            r.error(pointerChild(pointerChild(aeglPtr, "aegl" + std::to_string(lv + 1)),
                                 kAeglDurationKeys[d]),
                    "no check mark: name this value in \"checks\"");
        }
    }
}

void readAegl(FieldReader& r, const std::string& cp, Chemical& c) {
    const std::string ptr = pointerChild(cp, "aegl");
    if (!r.at(ptr)) {
        r.error(cp, "missing required field \"aegl\"");
        return;
    }
    if (!r.isObject(ptr)) return;
    r.knownKeys(ptr, kAeglKeys);
    const auto unit = r.string(ptr, "unit");
    if (unit && *unit != "ppm") r.error(pointerChild(ptr, "unit"), "must be \"ppm\"");
    c.aeglSource = source(r, ptr);
    readTier(r, ptr, 1, c.aegl[0], false);
    readTier(r, ptr, 2, c.aegl[1], true);
    readTier(r, ptr, 3, c.aegl[2], true);
    readChecks(r, ptr, c);
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
    r.knownKeys(ptr, kProbitKeys);
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
    r.knownKeys(ptr, kIdlhKeys);
    c.idlhPpm = positive(r, ptr, "ppm", true);
    c.idlhSource = source(r, ptr);
}

Chemical readChemical(FieldReader& r, const std::string& cp) {
    Chemical c;
    r.knownKeys(cp, kChemicalKeys);
    c.id = r.string(cp, "id").value_or("");
    const std::string namePtr = pointerChild(cp, "name");
    if (r.at(namePtr) == nullptr) {
        r.error(cp, "missing required field \"name\"");
    } else if (r.isObject(namePtr)) {
        r.knownKeys(namePtr, kNameKeys);
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
    return probit->a + probit->b * dmath::log(dmath::pow(c, probit->n) * minutes);
}

double probitToFraction(double y) {
    return 0.5 * dmath::erfc(-(y - 5.0) / std::sqrt(2.0));
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
    r.knownKeys("", kRootKeys);
    if (const auto* notes = r.at("/notes")) {
        if (!notes->is_array()) r.error("/notes", "must be an array of strings");
        for (std::size_t i = 0; notes->is_array() && i < notes->size(); ++i) {
            const auto& n = (*notes)[i];
            if (!n.is_string() || n.get<std::string>().empty())
                r.error(pointerChild("/notes", i), "must be a non-empty string");
        }
    }
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
