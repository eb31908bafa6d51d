// scorer.h — scores a drill record against its rubric.
// Score = earned ÷ (possible − not applicable) × 100; the grade comes from content/grading.json
// (优 ≥ 90, 良 ≥ 75, 一般 ≥ 60, else 差). Every item carries its evidence (tick and event) and,
// when missed, the facts needed to say what should have been done.
#pragma once

#include "sim/scoring/drill_record.h"
#include "sim/scoring/rubric.h"

#include <nlohmann/json.hpp>

namespace drillbase::sim {

enum class ItemStatus { Earned, Partial, Missed, NotApplicable, AwaitingMark };
const char* statusName(ItemStatus s);

struct Evidence {
    std::int64_t tick = 0;
    std::string event;
    double seconds = 0;  // drill time of the event
};

// Results hold copies of their rubric entries, so a report outlives the rubric it came from.
struct ItemResult {
    RubricItem item;
    ItemStatus status = ItemStatus::Missed;
    double earned = 0;
    std::optional<Evidence> evidence;  // the event that earned (or came too late for) the points
    std::optional<double> deadlineS;   // Within: the limit, in seconds after the reference
    std::optional<double> elapsedS;    // Within: how long it actually took
    std::optional<double> referenceS;  // Within/Before: when the reference event happened
    std::string reason;                // machine-readable why: "on_time", "late", "never", ...
};

struct AreaResult {
    std::string id, titleZh, titleEn;
    double earned = 0;
    double possible = 0;  // maxima of applicable items
    std::vector<ItemResult> items;
};

struct GradeBand {
    double minPercent = 0;
    std::string zh, en;
};

struct GradeScale {
    std::vector<GradeBand> bands;  // highest first
    double passPercent = 60;       // a drill below this is not passed (content/grading.json)
    const GradeBand& gradeFor(double percent) const;
};

// Loads content/grading.json; errors appended with their position.
std::optional<GradeScale> parseGradeScale(const JsonDocument& doc, std::vector<Diagnostic>& out);

struct ScoreReport {
    std::vector<AreaResult> areas;
    double earned = 0;
    double possible = 0;
    double percent = 0;
    GradeBand grade;
    bool complete = true;  // false while manual items await an evaluator's mark
};

ScoreReport scoreDrill(const Rubric& rubric, const DrillRecord& record, const GradeScale& scale);
nlohmann::json toJson(const ScoreReport& report);

}  // namespace drillbase::sim
