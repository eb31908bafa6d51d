// rubric.h — an evaluation rubric in the style of AQ/T 9009-2015 (生产安全事故应急演练评估规范)
// and GB/T 46792: evaluation areas (预警与信息报告, 指挥与协调, ...) holding items with maximum
// points, optionally not applicable, each judged by an automatic rule over the drill log or by
// an evaluator's manual mark. Rubrics are data (scenario JSON), never code.
#pragma once

#include "common/json_source.h"

#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

// Which events a rule looks for: a kind, and attributes that must all match.
struct EventSelector {
    std::string kind;
    std::vector<std::pair<std::string, std::string>> attrs;
};

enum class RuleKind {
    Within,     // `event` happens within `seconds` of `after` (drill start or another event)
    Before,     // `event` happens, and before `then` (or `then` never happens)
    Occurs,     // `event` happens at all before the drill ends
    Threshold,  // outcome `metric` is at most `max`
    Manual,     // an evaluator marks it
};

struct Rule {
    RuleKind kind = RuleKind::Manual;
    EventSelector event;
    std::optional<EventSelector> after;  // Within: the reference event; none = drill start
    std::optional<EventSelector> then;   // Before
    std::int64_t seconds = 0;            // Within
    std::string metric;                  // Threshold
    double max = 0;                      // Threshold
    std::optional<double> latePoints;    // Within: points when done but late
};

struct RubricItem {
    std::string id;
    std::string titleZh, titleEn;
    std::string adviceZh, adviceEn;  // what should have been done, shown when missed
    double maxPoints = 0;
    bool optional = false;  // may be marked not applicable
    Rule rule;
};

struct RubricArea {
    std::string id;
    std::string titleZh, titleEn;
    std::vector<RubricItem> items;
};

struct Rubric {
    std::vector<RubricArea> areas;
    double totalPoints = 0;  // declared total; must equal the sum of item maxima
};

// Parses the rubric found at `pointer` in `doc`; every problem is appended to `out` with its
// line, column and JSON pointer. Returns nullopt when any error was found.
std::optional<Rubric> parseRubric(const JsonDocument& doc, const std::string& pointer,
                                  std::vector<Diagnostic>& out);

}  // namespace drillbase::sim
