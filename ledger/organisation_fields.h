// organisation_fields.h — the optional fields of a registered organisation (ledger.h
// OrganisationInput): its region, town, supervision level and risk colour, checked in one
// place for the Ledger, the CLI and the roster import.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace drillbase::ledger {

struct OrganisationInput;

// 分级属地监管: which level of emergency-management department supervises the organisation.
inline constexpr std::array<std::string_view, 4> kSupervisionLevels{"national", "provincial",
                                                                    "city", "county"};
// 安全风险四色分级 (国务院安委办 2016 No. 11 and the provincial guides after it): red = major,
// orange = high, yellow = moderate, blue = low risk.
inline constexpr std::array<std::string_view, 4> kRiskColours{"red", "orange", "yellow", "blue"};

// Longest town name accepted, in bytes (about 21 Chinese characters): 乡镇/街道 names are short.
inline constexpr std::size_t kMaxTownBytes = 64;

// The first problem with the optional fields, naming the field, or nullopt when they are
// acceptable (empty fields always are).
std::optional<std::string> organisationFieldProblem(const OrganisationInput& o);

// The region an organisation is counted in when none was given: characters 3-8 of its
// unified social credit code, the registering authority's GB/T 2260 division code
// (登记管理机关行政区划码, GB 32100-2015 clause 4). "" for a code too short to have one.
std::string regionFromCreditCode(const std::string& creditCode);

}  // namespace drillbase::ledger
