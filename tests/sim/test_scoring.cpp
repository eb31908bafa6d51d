// Scoring on hand-built drill logs: timed criteria, order, outcomes, manual marks, N/A items
// leaving the denominator, grade bands, and rubric validation errors with their positions.
#include "sim/scoring/drill_assessment.h"
#include "sim/scoring/scorer.h"

#include <cmath>

#include <doctest/doctest.h>

using namespace drillbase;
using namespace drillbase::sim;

namespace {

const char* kRubric = R"({
  "total_points": 40,
  "areas": [
    {"id": "warning", "title_zh": "预警与信息报告", "title_en": "Warning and reporting", "items": [
      {"id": "alarm_1min", "title_zh": "1分钟内发出警报", "title_en": "Alarm within 1 minute",
       "max_points": 5, "advice_zh": "发现泄漏后应立即报警", "advice_en": "Raise the alarm at once",
       "rule": {"type": "within", "event": "alarm_raised", "after": "leak_detected", "seconds": 60}},
      {"id": "oral_30min", "title_zh": "30分钟内口头报告", "title_en": "Oral report within 30 min",
       "max_points": 5,
       "rule": {"type": "within", "event": {"kind": "report_sent", "attrs": {"form": "oral"}},
                "seconds": 1800, "late_points": 2}},
      {"id": "written_1h", "title_zh": "1小时内书面报告", "title_en": "Written report within 1 h",
       "max_points": 5,
       "rule": {"type": "within", "event": {"kind": "report_sent", "attrs": {"form": "written"}},
                "seconds": 3600}}
    ]},
    {"id": "response", "title_zh": "应急响应", "title_en": "Response", "items": [
      {"id": "ppe_before_entry", "title_zh": "先佩戴防护装备再进入", "title_en": "PPE before entry",
       "max_points": 5, "rule": {"type": "before", "event": "ppe_donned", "then": "unit_entered_hot_zone"}},
      {"id": "rescue_5min", "title_zh": "5分钟内开始救援", "title_en": "Rescue within 5 min",
       "max_points": 5, "optional": true,
       "rule": {"type": "within", "event": "rescue_started", "after": "casualty_found", "seconds": 300}},
      {"id": "no_deaths", "title_zh": "无人员死亡", "title_en": "No fatalities", "max_points": 10,
       "rule": {"type": "threshold", "metric": "fatalities", "max": 0}},
      {"id": "command_post", "title_zh": "现场指挥部设置合理", "title_en": "Command post well placed",
       "max_points": 5, "rule": {"type": "manual"}}
    ]}
  ]
})";

Rubric rubric() {
    std::vector<Diagnostic> d;
    auto doc = parseJsonText("rubric.json", kRubric, d);
    REQUIRE(doc);
    auto r = parseRubric(*doc, "", d);
    for (const auto& x : d) MESSAGE(x.format());
    REQUIRE(r);
    return *r;
}

GradeScale scale() {
    std::vector<Diagnostic> d;
    auto doc =
        loadJsonFile(std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content" / "grading.json", d);
    REQUIRE(doc);
    auto s = parseGradeScale(*doc, d);
    REQUIRE(s);
    return *s;
}

LoggedEvent ev(std::int64_t tick, std::string kind, std::map<std::string, std::string> attrs = {}) {
    return LoggedEvent{tick, std::move(kind), std::move(attrs)};
}

const ItemResult& item(const ScoreReport& rep, const std::string& id) {
    for (const auto& a : rep.areas)
        for (const auto& r : a.items)
            if (r.item.id == id) return r;
    FAIL("no item " << id);
    throw;
}

}  // namespace

TEST_CASE("a model response earns every automatic point") {
    DrillRecord rec;
    rec.endTick = 4000;
    rec.events = {ev(10, "leak_detected"),
                  ev(50, "alarm_raised"),
                  ev(70, "ppe_donned"),
                  ev(90, "unit_entered_hot_zone"),
                  ev(100, "casualty_found"),
                  ev(300, "rescue_started"),
                  ev(600, "report_sent", {{"form", "oral"}}),
                  ev(3000, "report_sent", {{"form", "written"}})};
    rec.outcomes["fatalities"] = 0;
    rec.manualMarks["command_post"] = ManualMark{5.0, false, "指挥部位于上风向"};
    const auto rep = scoreDrill(rubric(), rec, scale());
    CHECK(rep.earned == doctest::Approx(40));
    CHECK(rep.possible == doctest::Approx(40));
    CHECK(rep.percent == doctest::Approx(100));
    CHECK(rep.grade.zh == "优");
    CHECK(rep.complete);
    const auto& alarm = item(rep, "alarm_1min");
    CHECK(alarm.status == ItemStatus::Earned);
    REQUIRE(alarm.evidence);
    CHECK(alarm.evidence->tick == 50);
    CHECK(alarm.elapsedS == doctest::Approx(40));  // measured from the leak, not the start
    CHECK(alarm.referenceS == doctest::Approx(10));
}

TEST_CASE("timed criteria are judged to the second, from the log") {
    DrillRecord rec;
    rec.endTick = 5000;
    // Exactly 60 s after detection is on time; 61 s is late.
    rec.events = {ev(0, "leak_detected"), ev(60, "alarm_raised")};
    CHECK(item(scoreDrill(rubric(), rec, scale()), "alarm_1min").status == ItemStatus::Earned);
    rec.events = {ev(0, "leak_detected"), ev(61, "alarm_raised")};
    const auto rep = scoreDrill(rubric(), rec, scale());
    const auto& late = item(rep, "alarm_1min");
    CHECK(late.status == ItemStatus::Missed);
    CHECK(late.reason == "late");
    CHECK(late.elapsedS == doctest::Approx(61));
    CHECK(late.deadlineS == doctest::Approx(60));
    // The advice shows up in the report for a missed item.
    const auto j = toJson(rep);
    CHECK(j["areas"][0]["items"][0]["advice_zh"] == "发现泄漏后应立即报警");

    // A tick of 500 ms: tick 121 is 60.5 s, late.
    rec.tickMillis = 500;
    rec.events = {ev(0, "leak_detected"), ev(121, "alarm_raised")};
    CHECK(item(scoreDrill(rubric(), rec, scale()), "alarm_1min").status == ItemStatus::Missed);
}

TEST_CASE("late reports earn late points; attribute filters tell oral from written") {
    DrillRecord rec;
    rec.endTick = 8000;
    rec.events = {ev(2000, "report_sent", {{"form", "written"}}),
                  ev(2500, "report_sent", {{"form", "oral"}})};
    const auto rep = scoreDrill(rubric(), rec, scale());
    const auto& oral = item(rep, "oral_30min");
    CHECK(oral.status == ItemStatus::Partial);
    CHECK(oral.earned == doctest::Approx(2));
    CHECK(oral.evidence->tick == 2500);
    CHECK(item(rep, "written_1h").status == ItemStatus::Earned);
}

TEST_CASE("entering before donning PPE loses the order item; events after the end do not count") {
    DrillRecord rec;
    rec.endTick = 100;
    rec.events = {ev(20, "unit_entered_hot_zone"), ev(20, "ppe_donned"), ev(150, "alarm_raised")};
    const auto rep = scoreDrill(rubric(), rec, scale());
    CHECK(item(rep, "ppe_before_entry").status == ItemStatus::Missed);
    CHECK(item(rep, "ppe_before_entry").reason == "out_of_order");
    // Same tick, right order: log order decides.
    rec.events = {ev(20, "ppe_donned"), ev(20, "unit_entered_hot_zone")};
    CHECK(item(scoreDrill(rubric(), rec, scale()), "ppe_before_entry").status ==
          ItemStatus::Earned);
    rec.events = {ev(0, "leak_detected"), ev(150, "alarm_raised")};
    CHECK(item(scoreDrill(rubric(), rec, scale()), "alarm_1min").reason == "never");
}

TEST_CASE("not-applicable items leave the denominator") {
    DrillRecord rec;
    rec.endTick = 4000;
    rec.outcomes["fatalities"] = 0;
    rec.manualMarks["command_post"] = ManualMark{3.0, false, ""};
    // No casualty was ever found, so the optional rescue item cannot apply.
    rec.events = {ev(0, "leak_detected"), ev(30, "alarm_raised")};
    auto rep = scoreDrill(rubric(), rec, scale());
    CHECK(item(rep, "rescue_5min").status == ItemStatus::NotApplicable);
    CHECK(rep.possible == doctest::Approx(35));
    // earned: alarm 5 + threshold 10 + manual 3 = 18 of 35
    CHECK(rep.earned == doctest::Approx(18));
    CHECK(rep.percent == doctest::Approx(18.0 / 35.0 * 100.0));
    CHECK(rep.grade.zh == "差");

    // The instructor strikes out an optional item explicitly; a required one cannot be struck.
    rec.events.push_back(ev(40, "casualty_found"));
    rec.notApplicable["rescue_5min"] = true;
    rec.notApplicable["no_deaths"] = true;
    rep = scoreDrill(rubric(), rec, scale());
    CHECK(item(rep, "rescue_5min").status == ItemStatus::NotApplicable);
    CHECK(item(rep, "no_deaths").status == ItemStatus::Earned);
}

TEST_CASE("outcome thresholds and missing manual marks") {
    DrillRecord rec;
    rec.endTick = 100;
    rec.outcomes["fatalities"] = 1;
    auto rep = scoreDrill(rubric(), rec, scale());
    CHECK(item(rep, "no_deaths").status == ItemStatus::Missed);
    CHECK(item(rep, "command_post").status == ItemStatus::AwaitingMark);
    CHECK_FALSE(rep.complete);
    rec.outcomes.clear();
    CHECK(item(scoreDrill(rubric(), rec, scale()), "no_deaths").reason == "metric_absent");
}

TEST_CASE("grade bands: 90 优, 75 良, 60 一般, below 差") {
    const auto s = scale();
    CHECK(s.gradeFor(100).zh == "优");
    CHECK(s.gradeFor(90).zh == "优");
    CHECK(s.gradeFor(89.99).zh == "良");
    CHECK(s.gradeFor(75).zh == "良");
    CHECK(s.gradeFor(74.9).zh == "一般");
    CHECK(s.gradeFor(60).zh == "一般");
    CHECK(s.gradeFor(59.9).zh == "差");
    CHECK(s.gradeFor(0).en == "Poor");
}

TEST_CASE("rubric errors are all reported with line, column and pointer") {
    const std::string text = R"({
  "total_points": 12,
  "areas": [
    {"id": "a", "title_zh": "甲", "title_en": "A", "items": [
      {"id": "x", "title_zh": "x", "title_en": "x", "max_points": 5,
       "rule": {"type": "sometime", "event": "e"}},
      {"id": "x", "title_zh": "y", "title_en": "y", "max_points": -1,
       "rule": {"type": "within", "event": "e"}},
      {"id": "z", "title_en": "z", "max_points": 5, "rule": {"type": "occurs", "event": "e"}}
    ]}
  ]
})";
    std::vector<Diagnostic> d;
    auto doc = parseJsonText("bad.json", text, d);
    REQUIRE(doc);
    CHECK_FALSE(parseRubric(*doc, "", d));
    std::vector<std::string> lines;
    for (const auto& x : d) lines.push_back(x.format());
    auto has = [&](const std::string& s) {
        return std::find(lines.begin(), lines.end(), s) != lines.end();
    };
    CHECK(
        has("bad.json:6:25: /areas/0/items/0/rule/type: unknown rule type \"sometime\" "
            "(within, before, occurs, threshold, manual)"));
    CHECK(has("bad.json:8:16: /areas/0/items/1/rule: missing required field \"seconds\""));
    CHECK(has("bad.json:9:7: /areas/0/items/2: missing required field \"title_zh\""));
    CHECK(lines.size() == 3);  // points that do not add up are only judged on a clean rubric
}

TEST_CASE("rubric points must add up to the declared total") {
    const std::string text = R"({"total_points": 12, "areas": [{"id": "a", "title_zh": "甲",
      "title_en": "A", "items": [{"id": "x", "title_zh": "x", "title_en": "x", "max_points": 5,
      "rule": {"type": "manual"}}]}]})";
    std::vector<Diagnostic> d;
    auto doc = parseJsonText("sum.json", text, d);
    CHECK_FALSE(parseRubric(*doc, "", d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].format() == "sum.json:1:18: /total_points: items add up to 5.0, not 12.0");
}

TEST_CASE("a scored drill becomes an assessment in tenths of a point, with its log hash") {
    DrillRecord rec;
    rec.endTick = 4000;
    rec.events = {ev(10, "leak_detected"), ev(50, "alarm_raised")};
    rec.outcomes["fatalities"] = 0;
    const auto rep = scoreDrill(rubric(), rec, scale());
    Scenario sc;
    sc.id = "s1";
    sc.titleZh = "演练";
    const auto a = drillAssessment(rep, sc, scale().passPercent, "base:7", "2026-11-23", 2, "abc");
    CHECK(a.kind == "drill");
    CHECK(a.scoreTenths == static_cast<int>(std::lround(rep.percent * 10)));
    CHECK(a.passTenths == 600);
    CHECK(a.attempt == 2);
    CHECK(a.sourceHash == "abc");
    CHECK(a.grade == rep.grade.zh);
    CHECK_FALSE(a.complete);  // the manual item awaits a mark
}
