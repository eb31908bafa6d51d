// training_kinds.h — the kinds of training record (TrainingRecorded.kind) and which required
// hours each one counts toward. The one place that names them: the ledger checks against this
// list, the compliance engine counts by it, the CLI lists it in its help and errors.
#pragma once

#include "ledger/civil_date.h"
#include "ledger/compliance.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger {

inline constexpr std::string_view kTrainingInitial = "initial";         // 岗前/初次培训
inline constexpr std::string_view kTrainingAnnual = "annual";           // 年度再培训
inline constexpr std::string_view kTrainingReview = "review";           // 特种作业复审培训
inline constexpr std::string_view kTrainingThreeLevel = "three_level";  // 三级安全教育
inline constexpr std::string_view kTrainingFirstLesson = "first_lesson";  // 开工第一课
inline constexpr std::string_view kTrainingSpecialOps = "special_ops";  // 特种作业安全技术培训
inline constexpr std::string_view kTrainingDrill = "drill";             // 应急演练

// Every kind, in the order help texts list them.
const std::vector<std::string_view>& trainingKinds();
bool isTrainingKind(std::string_view kind);
// "initial, annual, review, three_level, first_lesson, special_ops or drill", for messages.
std::string trainingKindList();

// Which required hours a record of this kind counts toward.
enum class TrainingCount {
    InitialHours,  // 生产经营单位安全培训规定 arts. 9 and 13: initial (岗前) training
    AnnualHours,   // the same articles: annual refresher (再培训)
    ReviewHours,   // SAWS Order No. 30: review training before a certificate review (复审)
    NotCounted,    // recorded in the archive, but toward none of the figures above
};
TrainingCount trainingCountsAs(std::string_view kind);

// The record as the hours checks of compliance.h see it; nullopt for kinds that count toward
// neither initial nor annual hours (review, special_ops, drill) and for unknown kinds.
std::optional<TrainingRecord> complianceTrainingRecord(std::string_view kind, const CivilDate& date,
                                                       int hours);

}  // namespace drillbase::ledger
