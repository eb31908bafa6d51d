// civil_date.h — a calendar date (proleptic Gregorian, no time zone) for birth dates,
// certificate issue and expiry, and review deadlines.
// Why not std::chrono::year_month_day everywhere: rule arithmetic here is in whole days and
// whole years ("valid 6 years", "within 60 days before"), and a plain value type with an ISO
// text form keeps events, tests and SQL readable. "Today" is always passed in, never read from
// a clock inside the ledger, so every rule can be tested on a fixed date.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drillbase::ledger {

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31

    auto operator<=>(const CivilDate&) const = default;

    // "YYYY-MM-DD"
    std::string iso() const;
    // Days since 1970-01-01 (negative before).
    std::int64_t toDays() const;
    static CivilDate fromDays(std::int64_t days);

    CivilDate addDays(std::int64_t n) const { return fromDays(toDays() + n); }
    // Same month and day n years later; 29 February becomes 28 February in a common year, so a
    // validity period never silently runs into March.
    CivilDate addYears(int n) const;
    CivilDate addMonths(int n) const;  // day clamped to the month's last day
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);
bool isValidDate(int year, int month, int day);

// Strict "YYYY-MM-DD" (four-digit year, real date); nullopt otherwise.
std::optional<CivilDate> parseIsoDate(std::string_view text);

// Days from `a` to `b` (positive when b is later).
inline std::int64_t daysBetween(const CivilDate& a, const CivilDate& b) {
    return b.toDays() - a.toDays();
}

}  // namespace drillbase::ledger
