// chemicals.h — the toxic gases a drill can release, loaded from content/chemicals.json
// (format "drillbase-chemicals/1"). Every number carries its published source in the file, and
// every AEGL value a mark saying whether it was checked against that source ("checks"). Loading
// checks types, ranges, the order AEGL-1 ≤ AEGL-2 ≤ AEGL-3 and unknown keys, and reports each
// problem as FILE:LINE:COL: /json/pointer: message.
#pragma once

#include "common/json_source.h"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::sim {

// The five exposure durations for which AEGLs are published (US EPA / NRC).
enum class AeglDuration { Min10, Min30, Min60, Hour4, Hour8 };
inline constexpr std::array<const char*, 5> kAeglDurationKeys = {"10min", "30min", "60min", "4h",
                                                                 "8h"};

// How a value compares with its published source, as last checked by a person.
enum class CheckStatus {
    Confirmed,    // equals the published figure
    Corrected,    // was wrong and now equals the published figure
    Unconfirmed,  // no copy of the source was at hand; the value is kept as it was
};
inline constexpr std::array<const char*, 3> kCheckStatusNames = {"confirmed", "corrected",
                                                                 "unconfirmed"};

// One check mark: which source the value was compared with and when. `note` says what was
// wrong (corrected) or why the value could not be confirmed (unconfirmed).
struct ValueCheck {
    CheckStatus status = CheckStatus::Unconfirmed;
    std::string source;
    std::string checked;  // ISO date, YYYY-MM-DD
    std::string note;
};

// One AEGL tier: ppm per duration; nullopt where the NAC found the data insufficient ("NR").
// `check` holds the mark of each value (required for every value; optional for an NR slot).
struct AeglTier {
    std::array<std::optional<double>, 5> ppm;
    std::array<std::optional<ValueCheck>, 5> check;
    const std::optional<double>& at(AeglDuration d) const { return ppm[static_cast<int>(d)]; }
    const std::optional<ValueCheck>& checkAt(AeglDuration d) const {
        return check[static_cast<int>(d)];
    }
};

// Lethality probit  Y = a + b·ln(Cⁿ·t), C in `concentrationUnit`, t in minutes; the fraction
// of people killed is Φ(Y − 5).
struct Probit {
    double a = 0, b = 0, n = 1;
    bool concentrationPpm = true;  // false: mg/m³
    std::string source;
};

struct Chemical {
    std::string id;  // "chlorine"
    std::string nameZh, nameEn;
    std::string cas, formula;
    double molecularWeight = 0;           // g/mol
    std::optional<double> boilingPointC;  // at 1 atm
    std::string propertiesSource;
    std::array<AeglTier, 3> aegl;  // [0] = AEGL-1 … [2] = AEGL-3, values with their checks
    std::string aeglSource;
    std::optional<double> idlhPpm;
    std::string idlhSource;
    std::optional<Probit> probit;

    // AEGL-`level` (1..3) for a duration in mg/m³, converted with 24.45 L/mol.
    std::optional<double> aeglMgPerM3(int level, AeglDuration d = AeglDuration::Min60) const;
    // Probit value for exposure to `mgPerM3` for `minutes` (nullopt without probit constants).
    std::optional<double> probitValue(double mgPerM3, double minutes) const;
};

// Fraction of an exposed population expected to respond at probit Y: Φ(Y − 5).
double probitToFraction(double y);

class ChemicalTable {
public:
    // Loads and validates a chemicals file. On any error returns nullopt and appends every
    // problem found to `out`.
    static std::optional<ChemicalTable> load(const std::filesystem::path& file,
                                             std::vector<Diagnostic>& out);
    static std::optional<ChemicalTable> fromDocument(const JsonDocument& doc,
                                                     std::vector<Diagnostic>& out);

    // By id, or by English name ignoring case ("Chlorine", "chlorine", "hydrogen_sulfide").
    const Chemical* find(std::string_view key) const;
    const std::vector<Chemical>& all() const { return chemicals_; }

private:
    std::vector<Chemical> chemicals_;
};

}  // namespace drillbase::sim
