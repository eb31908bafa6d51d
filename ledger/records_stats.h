// records_stats.h — coverage and pass rates by region, industry and month: the figures behind
// the officials' charts (issue 4, "Officials' work"). One plain scan of each derived table
// (projections.h) against the period's population held in memory, so it stays fast on a
// provincial ledger of a million people (no per-record index look-ups).
//
// What each figure counts, for a group and the period [from, to] (both inclusive):
//   The group's people ("population"):
//     Region, Industry — people holding a role (roles.since <= to) at an organisation of
//       that region (its county-level GB/T 2260 code) or industry. A person with roles at
//       organisations in two groups counts in both.
//     Month — one row per calendar month touched by [from, to], key "YYYY-MM"; the population
//       is everyone holding a role at any organisation on the month's last day (or on `to`
//       for the last month): a head count, so it grows with hiring.
//   people            number of distinct people in the population.
//   trained           of them, people with at least one training record (any kind) dated in
//                     the period (Month: dated in that month, within [from, to]).
//   examsTaken        exam attempts (ExamRecorded: theory and practical parts, make-ups each
//                     count) dated in the period by people of the population.
//   examsPassed       of those attempts, the passed ones (score >= the rule's pass mark).
//   certificatesValid special-operations certificates held by the population that may be
//                     worked under on the period's last day (Month: the month's last day,
//                     capped at `to`): state valid or review_due, evaluated with the rule in
//                     force then, exactly as Ledger::certificateStatus does.
//   certificatesDue   of the valid ones, those whose review or renewal window is open on that
//                     day (state review_due): the officials' work list.
// Coverage is trained / people; the pass rate examsPassed / examsTaken. Rows come ordered by
// key; groups without people are left out (Month rows are all present).
#pragma once

#include "ledger/civil_date.h"
#include "ledger/industries.h"
#include "ledger/regions.h"
#include "ledger/rules.h"
#include "ledger/sqlite_db.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger {

enum class StatsGroup { Region, Industry, Month };
std::string_view statsGroupName(StatsGroup g);  // "region", "industry", "month"
std::optional<StatsGroup> statsGroupFromName(std::string_view name);

struct StatsRow {
    std::string key;  // region code, industry id or "YYYY-MM"
    // Region: "济南市历下区" (regions.json, or the code when unlisted); Industry: the Chinese
    // name from industries.json when given, else the id; Month: "2026-11".
    std::string label;
    std::string labelEn;  // the same in English
    std::int64_t people = 0, trained = 0, examsTaken = 0, examsPassed = 0, certificatesValid = 0,
                 certificatesDue = 0;
};

// Throws std::invalid_argument when to < from or the period spans more than 10 years
// (Month rows), and DbError for a database without the derived tables.
// `rules` decides certificate validity (the rule in force on each evaluation day);
// `industries` only gives the Industry labels.
std::vector<StatsRow> recordsStats(SqliteDb& db, StatsGroup by, const CivilDate& from,
                                   const CivilDate& to, const std::vector<RegionName>& regions,
                                   const CertificationRules& rules, const IndustryList& industries);

}  // namespace drillbase::ledger
