// fuel_lookup.h — the fuel lookup table of a Cell2Fire / C2F-W landscape
// (spain_lookup_table.csv, fbp_lookup_table.csv, kitral_… or portugal_…): it maps each integer
// of fuels.asc to a fuel model code and a map colour. Columns, by name as C2F-W's
// DataGenerator.cpp (Dictionary) documents them: grid_value, export_value, descriptive_name,
// fuel_type, r, g, b, h, s, l. drillbase needs grid_value, fuel_type and r, g, b; the others are
// kept when present.
//
// Non-fuel: C2F-W reads a fuel_type beginning with "No" (Vilopriu: "Non-fuel") as "NF", a cell
// that does not burn; drillbase does the same for any fuel_type beginning with "non" or equal to
// "NF" (any case). Every other fuel_type is a fuel model code, which must be one of the codes the
// fire model knows (the `known` set the caller passes in, e.g. the Scott & Burgan codes of
// content/fuels.json), so that a misspelt code is refused here and not met mid-drill.
#pragma once

#include "sim/fire/fire_csv.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::sim::fire {

struct FuelLookupEntry {
    long long gridValue = 0;
    std::optional<long long> exportValue;
    std::string descriptiveName;
    std::string code;      // fuel_type as written, e.g. "GR1"; empty for non-fuel
    bool nonFuel = false;  // "Non-fuel" / "NF": the cell does not burn
    std::uint8_t r = 0, g = 0, b = 0;
    std::optional<double> h, s, l;  // as written (unused by C2F-W; Vilopriu's h goes below 0)
    SourcePos pos;                  // the row's grid_value field
};

struct FuelLookup {
    std::string file;  // as given, for messages about the table later (codes not known, ...)
    std::vector<FuelLookupEntry> entries;  // in file order; grid values are unique
    // The entry of a grid value, or nullptr.
    const FuelLookupEntry* find(long long gridValue) const;
};

// True for a fuel_type that means "no fuel" (see above).
bool isNonFuelName(std::string_view fuelType);

// Parses a lookup table. Codes are NOT checked against the known set here (the landscape does
// that, refusing only the codes its grid uses; see landscape.h). Returns nullopt after at least
// one error: a missing column, a row with a different number of fields than the header, a grid
// value that is not a whole number or repeats, an empty fuel_type, colours outside 0..255.
std::optional<FuelLookup> parseFuelLookup(std::string_view text, const std::string& fileName,
                                          std::vector<Diagnostic>& errors,
                                          const CsvLimits& limits = {});

}  // namespace drillbase::sim::fire
