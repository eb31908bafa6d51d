#include "sim/engine/action_script.h"

#include "common/json_fields.h"

#include <algorithm>

namespace drillbase::sim {

std::optional<std::vector<ScheduledCommand>> parseActionScript(const JsonDocument& doc,
                                                               std::vector<Diagnostic>& out) {
    const std::size_t before = out.size();
    FieldReader r(doc, out);
    if (!r.isArray("")) return std::nullopt;
    std::vector<ScheduledCommand> script;
    for (std::size_t i = 0; i < doc.value.size(); ++i) {
        const auto p = pointerChild("", i);
        if (!r.isObject(p)) continue;
        const auto t = r.number(p, "t");
        if (t && *t < 0) r.error(pointerChild(p, "t"), "must not be negative");
        auto c = commandFromJson(doc, pointerChild(p, "command"), out);
        if (t && c) script.push_back({*t, *c});
    }
    if (out.size() > before) return std::nullopt;
    std::stable_sort(
        script.begin(), script.end(),
        [](const ScheduledCommand& a, const ScheduledCommand& b) { return a.atS < b.atS; });
    return script;
}

void runScript(DrillRecorder& rec, const Drill& drill, std::vector<ScheduledCommand> script,
               double untilS) {
    const auto tickMs = drill.state().tickMillis;
    const auto untilTick = static_cast<std::int64_t>(untilS * 1000) / tickMs;
    std::size_t next = 0;
    for (;;) {
        const auto nowMs = drill.state().tick * tickMs;
        while (next < script.size() && static_cast<std::int64_t>(script[next].atS * 1000) <= nowMs)
            rec.apply(script[next++].command);
        if (drill.state().ended || drill.state().tick >= untilTick) break;
        const auto before = drill.state().tick;
        rec.step();
        if (drill.state().tick == before) {
            // Paused: drill time stands still while the wall clock runs, so the script's next
            // command (its resume, typically) comes now. With none left, the drill stays paused.
            if (next >= script.size()) break;
            rec.apply(script[next++].command);
        }
    }
    rec.finish();
}

}  // namespace drillbase::sim
