#include "ledger/organisation_fields.h"

#include "common/utf8.h"
#include "ledger/ledger.h"
#include "ledger/regions.h"

#include <algorithm>

namespace drillbase::ledger {

namespace {

template <class List>
std::string joined(const List& list) {
    std::string s;
    for (const auto& v : list) s += (s.empty() ? "" : ", ") + std::string(v);
    return s;
}

template <class List>
bool oneOf(const List& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace

std::optional<std::string> organisationFieldProblem(const OrganisationInput& o) {
    if (!o.region.empty() && !isRegionCode(o.region))
        return "region must be a six-digit GB/T 2260 division code, got \"" + o.region + "\"";
    if (!isValidUtf8(o.town)) return std::string("town is not valid UTF-8");
    if (o.town.size() > kMaxTownBytes)
        return "town is longer than " + std::to_string(kMaxTownBytes) + " bytes";
    if (!o.supervisionLevel.empty() && !oneOf(kSupervisionLevels, o.supervisionLevel))
        return "supervision level must be one of " + joined(kSupervisionLevels) + ", got \"" +
               o.supervisionLevel + "\"";
    if (!o.riskColour.empty() && !oneOf(kRiskColours, o.riskColour))
        return "risk colour must be one of " + joined(kRiskColours) + ", got \"" + o.riskColour +
               "\"";
    return std::nullopt;
}

std::string regionFromCreditCode(const std::string& creditCode) {
    return creditCode.size() >= 8 ? creditCode.substr(2, 6) : std::string();
}

}  // namespace drillbase::ledger
