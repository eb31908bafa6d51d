#include "sim/scoring/scorer.h"

#include "common/json_fields.h"

#include <algorithm>

namespace drillbase::sim {

namespace {

bool matches(const LoggedEvent& e, const EventSelector& sel) {
    if (e.kind != sel.kind) return false;
    for (const auto& [k, v] : sel.attrs) {
        const auto it = e.attrs.find(k);
        if (it == e.attrs.end() || it->second != v) return false;
    }
    return true;
}

// Index of the first matching event at or after `from` (log order), within the drill.
std::optional<std::size_t> firstMatch(const DrillRecord& rec, const EventSelector& sel,
                                      std::size_t from = 0) {
    for (std::size_t i = from; i < rec.events.size(); ++i) {
        if (rec.events[i].tick > rec.endTick) break;
        if (matches(rec.events[i], sel)) return i;
    }
    return std::nullopt;
}

double secondsOf(const DrillRecord& rec, std::int64_t tick) {
    return static_cast<double>(tick * rec.tickMillis) / 1000.0;
}

Evidence evidenceOf(const DrillRecord& rec, std::size_t index) {
    const auto& e = rec.events[index];
    return Evidence{e.tick, e.kind, secondsOf(rec, e.tick)};
}

void judgeWithin(const RubricItem& item, const DrillRecord& rec, ItemResult& r) {
    const Rule& rule = item.rule;
    std::int64_t refTick = 0;
    std::size_t searchFrom = 0;
    if (rule.after) {
        const auto ref = firstMatch(rec, *rule.after);
        if (!ref) {
            // The situation the criterion times never arose (no casualty, say): it cannot be
            // judged, so an optional item leaves the denominator; a required one is missed.
            r.reason = "reference_absent";
            r.status = item.optional ? ItemStatus::NotApplicable : ItemStatus::Missed;
            return;
        }
        refTick = rec.events[*ref].tick;
        searchFrom = *ref;
        r.referenceS = secondsOf(rec, refTick);
    }
    r.deadlineS = static_cast<double>(rule.seconds);
    const auto hit = firstMatch(rec, rule.event, searchFrom);
    if (!hit) {
        r.reason = "never";
        return;
    }
    r.evidence = evidenceOf(rec, *hit);
    const std::int64_t elapsedMs = (rec.events[*hit].tick - refTick) * rec.tickMillis;
    r.elapsedS = static_cast<double>(elapsedMs) / 1000.0;
    if (elapsedMs <= rule.seconds * 1000) {  // integer milliseconds: no rounding at the limit
        r.status = ItemStatus::Earned;
        r.earned = item.maxPoints;
        r.reason = "on_time";
    } else if (rule.latePoints && *rule.latePoints > 0) {
        r.status = ItemStatus::Partial;
        r.earned = *rule.latePoints;
        r.reason = "late";
    } else {
        r.reason = "late";
    }
}

void judgeBefore(const RubricItem& item, const DrillRecord& rec, ItemResult& r) {
    const auto first = firstMatch(rec, item.rule.event);
    const auto then = firstMatch(rec, *item.rule.then);
    if (then) r.referenceS = secondsOf(rec, rec.events[*then].tick);
    if (!first) {
        r.reason = "never";
        return;
    }
    r.evidence = evidenceOf(rec, *first);
    // Log order, not ticks: two commands in the same tick keep the order they were given in.
    if (!then || *first < *then) {
        r.status = ItemStatus::Earned;
        r.earned = item.maxPoints;
        r.reason = "in_order";
    } else {
        r.reason = "out_of_order";
    }
}

ItemResult judge(const RubricItem& item, const DrillRecord& rec) {
    ItemResult r;
    r.item = item;
    const auto struck = rec.notApplicable.find(item.id);
    const auto mark = rec.manualMarks.find(item.id);
    const bool markedNa = mark != rec.manualMarks.end() && mark->second.notApplicable;
    if (item.optional && ((struck != rec.notApplicable.end() && struck->second) || markedNa)) {
        r.status = ItemStatus::NotApplicable;
        r.reason = "marked_not_applicable";
        return r;
    }
    switch (item.rule.kind) {
        case RuleKind::Within: judgeWithin(item, rec, r); break;
        case RuleKind::Before: judgeBefore(item, rec, r); break;
        case RuleKind::Occurs:
            if (const auto hit = firstMatch(rec, item.rule.event)) {
                r.evidence = evidenceOf(rec, *hit);
                r.status = ItemStatus::Earned;
                r.earned = item.maxPoints;
                r.reason = "occurred";
            } else {
                r.reason = "never";
            }
            break;
        case RuleKind::Threshold: {
            const auto it = rec.outcomes.find(item.rule.metric);
            if (it == rec.outcomes.end()) {
                r.reason = "metric_absent";
            } else if (it->second <= item.rule.max) {
                r.status = ItemStatus::Earned;
                r.earned = item.maxPoints;
                r.reason = "within_threshold";
            } else {
                r.reason = "over_threshold";
            }
            break;
        }
        case RuleKind::Manual:
            if (mark == rec.manualMarks.end() || !mark->second.points) {
                r.status = ItemStatus::AwaitingMark;
                r.reason = "awaiting_mark";
            } else {
                r.earned = std::clamp(*mark->second.points, 0.0, item.maxPoints);
                r.status = r.earned >= item.maxPoints ? ItemStatus::Earned
                           : r.earned > 0             ? ItemStatus::Partial
                                                      : ItemStatus::Missed;
                r.reason = "marked";
            }
            break;
    }
    return r;
}

}  // namespace

const char* statusName(ItemStatus s) {
    switch (s) {
        case ItemStatus::Earned: return "earned";
        case ItemStatus::Partial: return "partial";
        case ItemStatus::Missed: return "missed";
        case ItemStatus::NotApplicable: return "not_applicable";
        case ItemStatus::AwaitingMark: return "awaiting_mark";
    }
    return "missed";
}

const GradeBand& GradeScale::gradeFor(double percent) const {
    for (const auto& b : bands)
        if (percent >= b.minPercent) return b;
    return bands.back();
}

std::optional<GradeScale> parseGradeScale(const JsonDocument& doc, std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isArray("/bands")) return std::nullopt;
    GradeScale scale;
    const auto& bands = *r.at("/bands");
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const auto p = pointerChild("/bands", i);
        const auto min = r.number(p, "min_percent");
        const auto zh = r.string(p, "zh");
        const auto en = r.string(p, "en");
        if (!min || !zh || !en) continue;
        if (!scale.bands.empty() && *min >= scale.bands.back().minPercent)
            r.error(pointerChild(p, "min_percent"), "bands must be listed from the highest down");
        scale.bands.push_back({*min, *zh, *en});
    }
    if (const auto pass = r.number("", "pass_percent", false)) {
        if (*pass < 0 || *pass > 100) r.error("/pass_percent", "must be between 0 and 100");
        scale.passPercent = *pass;
    }
    if (r.ok() && (scale.bands.empty() || scale.bands.back().minPercent > 0))
        r.error("/bands", "the last band must start at 0 so every score has a grade");
    if (!r.ok()) return std::nullopt;
    return scale;
}

ScoreReport scoreDrill(const Rubric& rubric, const DrillRecord& record, const GradeScale& scale) {
    ScoreReport rep;
    for (const auto& area : rubric.areas) {
        AreaResult ar;
        ar.id = area.id;
        ar.titleZh = area.titleZh;
        ar.titleEn = area.titleEn;
        for (const auto& item : area.items) {
            auto r = judge(item, record);
            if (r.status != ItemStatus::NotApplicable) {
                ar.possible += item.maxPoints;
                ar.earned += r.earned;
            }
            if (r.status == ItemStatus::AwaitingMark) rep.complete = false;
            ar.items.push_back(std::move(r));
        }
        rep.earned += ar.earned;
        rep.possible += ar.possible;
        rep.areas.push_back(std::move(ar));
    }
    rep.percent = rep.possible > 0 ? rep.earned / rep.possible * 100.0 : 0.0;
    rep.grade = scale.gradeFor(rep.percent);
    return rep;
}

nlohmann::json toJson(const ScoreReport& rep) {
    using nlohmann::json;
    json areas = json::array();
    for (const auto& ar : rep.areas) {
        json items = json::array();
        for (const auto& r : ar.items) {
            json j = {{"id", r.item.id},
                      {"title_zh", r.item.titleZh},
                      {"title_en", r.item.titleEn},
                      {"max_points", r.item.maxPoints},
                      {"earned", r.earned},
                      {"status", statusName(r.status)},
                      {"reason", r.reason}};
            if (r.evidence)
                j["evidence"] = {{"tick", r.evidence->tick},
                                 {"t_s", r.evidence->seconds},
                                 {"event", r.evidence->event}};
            if (r.deadlineS) j["deadline_s"] = *r.deadlineS;
            if (r.elapsedS) j["elapsed_s"] = *r.elapsedS;
            if (r.referenceS) j["reference_t_s"] = *r.referenceS;
            if (r.status == ItemStatus::Missed || r.status == ItemStatus::Partial) {
                j["advice_zh"] = r.item.adviceZh;
                j["advice_en"] = r.item.adviceEn;
            }
            items.push_back(std::move(j));
        }
        areas.push_back({{"id", ar.id},
                         {"title_zh", ar.titleZh},
                         {"title_en", ar.titleEn},
                         {"earned", ar.earned},
                         {"possible", ar.possible},
                         {"items", std::move(items)}});
    }
    return {{"earned", rep.earned},     {"possible", rep.possible}, {"percent", rep.percent},
            {"grade_zh", rep.grade.zh}, {"grade_en", rep.grade.en}, {"complete", rep.complete},
            {"areas", std::move(areas)}};
}

}  // namespace drillbase::sim
