// fuel_lookup.cpp — see fuel_lookup.h.
#include "sim/fire/fuel_lookup.h"

#include <algorithm>
#include <map>
#include <new>

namespace drillbase::sim::fire {

using std::to_string;

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

struct Columns {
    std::size_t grid = 0, fuel = 0, r = 0, g = 0, b = 0;
    std::optional<std::size_t> exportValue, name, h, s, l;
};

bool findColumns(const CsvTable& t, CsvReport& rep, Columns& c) {
    bool ok = true;
    auto need = [&](const char* name, std::size_t& k) {
        if (auto f = findColumn(t, name)) {
            k = *f;
        } else {
            rep.error(t.header.empty() ? SourcePos{} : t.header[0].pos,
                      std::string("the header has no '") + name +
                          "' column (C2F-W tables: grid_value,export_value,descriptive_name,"
                          "fuel_type,r,g,b,h,s,l)");
            ok = false;
        }
    };
    need("grid_value", c.grid);
    need("fuel_type", c.fuel);
    need("r", c.r);
    need("g", c.g);
    need("b", c.b);
    c.exportValue = findColumn(t, "export_value");
    c.name = findColumn(t, "descriptive_name");
    c.h = findColumn(t, "h");
    c.s = findColumn(t, "s");
    c.l = findColumn(t, "l");
    return ok;
}

bool colour(const CsvField& f, const char* what, CsvReport& rep, std::uint8_t& out) {
    long long v = 0;
    std::string why;
    if (!parseWhole(f.text, 0, 255, v, why)) {
        rep.error(f.pos, std::string("column '") + what + "': " + why);
        return false;
    }
    out = static_cast<std::uint8_t>(v);
    return true;
}

std::optional<double> optionalNumber(const CsvRow& row, std::optional<std::size_t> col,
                                     const char* what, CsvReport& rep, bool& ok) {
    if (!col || row.fields[*col].text.empty()) return std::nullopt;
    double v = 0;
    std::string why;
    if (!parseNumber(row.fields[*col].text, v, why)) {  // C2F-W ignores these; Vilopriu has h < 0
        rep.error(row.fields[*col].pos, std::string("column '") + what + "': " + why);
        ok = false;
        return std::nullopt;
    }
    return v;
}

}  // namespace

bool isNonFuelName(std::string_view s) {
    if (s.size() == 2 && lower(s[0]) == 'n' && lower(s[1]) == 'f') return true;
    return s.size() >= 3 && lower(s[0]) == 'n' && lower(s[1]) == 'o' && lower(s[2]) == 'n';
}

const FuelLookupEntry* FuelLookup::find(long long gridValue) const {
    for (const auto& e : entries)
        if (e.gridValue == gridValue) return &e;
    return nullptr;
}

std::optional<FuelLookup> parseFuelLookup(std::string_view text, const std::string& fileName,
                                          std::vector<Diagnostic>& errors,
                                          const CsvLimits& limits) try {
    CsvReport rep(fileName, errors, limits.maxErrors);
    auto t = parseCsv(text, rep, limits);
    if (!t) return std::nullopt;
    Columns c;
    if (!findColumns(*t, rep, c)) return std::nullopt;
    FuelLookup out;
    out.file = fileName;
    std::map<long long, int> seen;  // grid value -> line where it was first given
    for (const CsvRow& row : t->rows) {
        if (rep.full()) break;
        if (row.fields.size() != t->header.size()) {
            const SourcePos p =
                row.fields.size() < t->header.size() ? row.end : row.fields[t->header.size()].pos;
            rep.error(p, "row has " + to_string(row.fields.size()) + " fields, the header " +
                             to_string(t->header.size()) +
                             " (quote a descriptive_name that holds a comma)");
            continue;
        }
        FuelLookupEntry e;
        bool ok = true;
        const CsvField& gv = row.fields[c.grid];
        e.pos = gv.pos;
        std::string why;
        if (!parseWhole(gv.text, -1'000'000'000, 1'000'000'000, e.gridValue, why)) {
            rep.error(gv.pos, "column 'grid_value': " + why);
            ok = false;
        } else if (auto [it, fresh] = seen.emplace(e.gridValue, row.line); !fresh) {
            rep.error(gv.pos, "grid_value " + to_string(e.gridValue) +
                                  " is already given on line " + to_string(it->second));
            ok = false;
        }
        if (c.exportValue && !row.fields[*c.exportValue].text.empty()) {
            long long v = 0;
            if (!parseWhole(row.fields[*c.exportValue].text, -1'000'000'000, 1'000'000'000, v,
                            why)) {
                rep.error(row.fields[*c.exportValue].pos, "column 'export_value': " + why);
                ok = false;
            } else {
                e.exportValue = v;
            }
        }
        if (c.name) e.descriptiveName = row.fields[*c.name].text;
        const CsvField& ft = row.fields[c.fuel];
        if (ft.text.empty()) {
            rep.error(ft.pos, "column 'fuel_type' is empty (a fuel model code or 'Non-fuel')");
            ok = false;
        }
        e.nonFuel = isNonFuelName(ft.text);
        if (!e.nonFuel) e.code = ft.text;
        ok = colour(row.fields[c.r], "r", rep, e.r) && ok;
        ok = colour(row.fields[c.g], "g", rep, e.g) && ok;
        ok = colour(row.fields[c.b], "b", rep, e.b) && ok;
        e.h = optionalNumber(row, c.h, "h", rep, ok);
        e.s = optionalNumber(row, c.s, "s", rep, ok);
        e.l = optionalNumber(row, c.l, "l", rep, ok);
        if (ok) out.entries.push_back(std::move(e));
    }
    if (rep.errors() > 0) return std::nullopt;
    if (out.entries.empty()) {
        rep.error({}, "the table has no rows after its header");
        return std::nullopt;
    }
    return out;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{fileName, {}, "", "not enough memory to read the table"});
    return std::nullopt;
}

}  // namespace drillbase::sim::fire
