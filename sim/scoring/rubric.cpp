#include "sim/scoring/rubric.h"

#include "common/json_fields.h"

#include <cmath>
#include <set>
#include <string_view>
#include <vector>

namespace drillbase::sim {

namespace {

// An event selector is "kind" or {"kind": "...", "attrs": {"k": "v"}}.
std::optional<EventSelector> parseSelector(FieldReader& r, const std::string& ptr) {
    const auto* v = r.at(ptr);
    if (!v) {
        r.error(ptr, "missing event");
        return std::nullopt;
    }
    EventSelector sel;
    if (v->is_string()) {
        sel.kind = v->get<std::string>();
    } else if (v->is_object()) {
        r.knownKeys(ptr, {"kind", "attrs"});
        const auto kind = r.string(ptr, "kind");
        if (!kind) return std::nullopt;
        sel.kind = *kind;
        if (const auto it = v->find("attrs"); it != v->end()) {
            if (!it->is_object()) {
                r.error(pointerChild(ptr, "attrs"), "must be an object of attribute: value");
                return std::nullopt;
            }
            for (const auto& [k, val] : it->items()) {
                if (!val.is_string()) {
                    r.error(pointerChild(pointerChild(ptr, "attrs"), k), "must be a string");
                    return std::nullopt;
                }
                sel.attrs.emplace_back(k, val.get<std::string>());
            }
        }
    } else {
        r.error(ptr, "an event is a kind (string) or {\"kind\", \"attrs\"}");
        return std::nullopt;
    }
    if (sel.kind.empty()) {
        r.error(ptr, "event kind is empty");
        return std::nullopt;
    }
    return sel;
}

std::optional<Rule> parseRule(FieldReader& r, const std::string& ptr) {
    if (!r.isObject(ptr)) return std::nullopt;
    const auto type = r.string(ptr, "type");
    if (!type) return std::nullopt;
    Rule rule;
    static constexpr std::string_view kRuleKeys[][5] = {
        {"type", "", "", "", ""},                              // manual
        {"type", "metric", "max", "", ""},                     // threshold
        {"type", "event", "", "", ""},                         // occurs
        {"type", "event", "after", "seconds", "late_points"},  // within
        {"type", "event", "then", "", ""},                     // before
    };
    const int which = *type == "manual"      ? 0
                      : *type == "threshold" ? 1
                      : *type == "occurs"    ? 2
                      : *type == "within"    ? 3
                      : *type == "before"    ? 4
                                             : -1;
    if (which >= 0) {
        std::vector<std::string_view> keys;
        for (auto k : kRuleKeys[which])
            if (!k.empty()) keys.push_back(k);
        r.knownKeys(ptr, keys);
    }
    if (*type == "manual") {
        rule.kind = RuleKind::Manual;
        return rule;
    }
    if (*type == "threshold") {
        rule.kind = RuleKind::Threshold;
        const auto metric = r.string(ptr, "metric");
        const auto max = r.number(ptr, "max");
        if (!metric || !max) return std::nullopt;
        rule.metric = *metric;
        rule.max = *max;
        return rule;
    }
    const auto event = parseSelector(r, pointerChild(ptr, "event"));
    if (!event) return std::nullopt;
    rule.event = *event;
    if (*type == "occurs") {
        rule.kind = RuleKind::Occurs;
    } else if (*type == "within") {
        rule.kind = RuleKind::Within;
        const auto seconds = r.integer(ptr, "seconds");
        if (!seconds) return std::nullopt;
        if (*seconds <= 0) {
            r.error(pointerChild(ptr, "seconds"), "must be positive");
            return std::nullopt;
        }
        rule.seconds = *seconds;
        if (r.at(pointerChild(ptr, "after"))) {
            rule.after = parseSelector(r, pointerChild(ptr, "after"));
            if (!rule.after) return std::nullopt;
        }
        rule.latePoints = r.number(ptr, "late_points", false);
    } else if (*type == "before") {
        rule.kind = RuleKind::Before;
        rule.then = parseSelector(r, pointerChild(ptr, "then"));
        if (!rule.then) return std::nullopt;
    } else {
        r.error(pointerChild(ptr, "type"),
                "unknown rule type \"" + *type + "\" (within, before, occurs, threshold, manual)");
        return std::nullopt;
    }
    return rule;
}

std::optional<RubricItem> parseItem(FieldReader& r, const std::string& ptr,
                                    std::set<std::string>& ids) {
    if (!r.isObject(ptr)) return std::nullopt;
    RubricItem item;
    r.knownKeys(ptr, {"id", "title_zh", "title_en", "max_points", "optional", "advice_zh",
                      "advice_en", "rule"});
    const auto id = r.string(ptr, "id");
    const auto zh = r.string(ptr, "title_zh");
    const auto en = r.string(ptr, "title_en");
    const auto max = r.number(ptr, "max_points");
    item.optional = r.boolean(ptr, "optional", false).value_or(false);
    item.adviceZh = r.string(ptr, "advice_zh", false).value_or("");
    item.adviceEn = r.string(ptr, "advice_en", false).value_or("");
    auto rule = parseRule(r, pointerChild(ptr, "rule"));
    if (!id || !zh || !en || !max || !rule) return std::nullopt;
    if (!ids.insert(*id).second)
        r.error(pointerChild(ptr, "id"), "duplicate item id \"" + *id + "\"");
    if (*max <= 0) r.error(pointerChild(ptr, "max_points"), "must be positive");
    if (rule->latePoints && (*rule->latePoints < 0 || *rule->latePoints > *max))
        r.error(pointerChild(pointerChild(ptr, "rule"), "late_points"),
                "must be between 0 and max_points");
    item.id = *id;
    item.titleZh = *zh;
    item.titleEn = *en;
    item.maxPoints = *max;
    item.rule = std::move(*rule);
    return item;
}

}  // namespace

std::optional<Rubric> parseRubric(const JsonDocument& doc, const std::string& pointer,
                                  std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject(pointer)) return std::nullopt;
    Rubric rubric;
    r.knownKeys(pointer, {"total_points", "areas"});
    const auto total = r.number(pointer, "total_points");
    const std::string areasPtr = pointerChild(pointer, "areas");
    if (!r.isArray(areasPtr)) return std::nullopt;
    std::set<std::string> ids;
    double sum = 0;
    const auto& areas = *r.at(areasPtr);
    for (std::size_t a = 0; a < areas.size(); ++a) {
        const auto ap = pointerChild(areasPtr, a);
        if (!r.isObject(ap)) continue;
        RubricArea area;
        r.knownKeys(ap, {"id", "title_zh", "title_en", "items"});
        area.id = r.string(ap, "id").value_or("");
        area.titleZh = r.string(ap, "title_zh").value_or("");
        area.titleEn = r.string(ap, "title_en").value_or("");
        const auto itemsPtr = pointerChild(ap, "items");
        if (!r.isArray(itemsPtr)) continue;
        const auto& items = *r.at(itemsPtr);
        if (items.empty()) r.error(itemsPtr, "an evaluation area needs at least one item");
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (auto item = parseItem(r, pointerChild(itemsPtr, i), ids)) {
                sum += item->maxPoints;
                area.items.push_back(std::move(*item));
            }
        }
        rubric.areas.push_back(std::move(area));
    }
    if (total) {
        rubric.totalPoints = *total;
        // Points are entered by hand; a rubric whose items do not add up to its declared total
        // would silently rescale every score, so it is refused.
        if (r.ok() && std::fabs(sum - *total) > 1e-9)
            r.error(pointerChild(pointer, "total_points"),
                    "items add up to " + nlohmann::json(sum).dump() + ", not " +
                        nlohmann::json(*total).dump());
    }
    if (!r.ok()) return std::nullopt;
    return rubric;
}

}  // namespace drillbase::sim
