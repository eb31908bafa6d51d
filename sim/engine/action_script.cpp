#include "sim/engine/action_script.h"

#include "common/json_fields.h"

#include <algorithm>

namespace drillbase::sim {

std::optional<std::vector<ScheduledCommand>> parseActionScript(const JsonDocument& doc,
                                                               const CommandCatalog& catalog,
                                                               std::vector<Diagnostic>& out) {
    const std::size_t before = out.size();
    FieldReader r(doc, out);
    if (!r.isArray("")) return std::nullopt;
    std::vector<ScheduledCommand> script;
    for (std::size_t i = 0; i < doc.value.size(); ++i) {
        const auto p = pointerChild("", i);
        if (!r.isObject(p)) continue;
        r.knownKeys(p, {"t", "command"});
        const auto t = r.number(p, "t");
        if (t && *t < 0) r.error(pointerChild(p, "t"), "must not be negative");
        auto c = catalog.parse(doc, pointerChild(p, "command"), out);
        if (t && c) script.push_back({*t, *c});
    }
    if (out.size() > before) return std::nullopt;
    std::stable_sort(
        script.begin(), script.end(),
        [](const ScheduledCommand& a, const ScheduledCommand& b) { return a.atS < b.atS; });
    return script;
}

void runScript(const Drill& drill, const std::vector<ScheduledCommand>& script, double untilS,
               const std::function<void(const Command&)>& apply,
               const std::function<void()>& step) {
    const auto tickMs = drill.state().tickMillis;
    const auto untilTick = static_cast<std::int64_t>(untilS * 1000) / tickMs;
    std::size_t next = 0;
    for (;;) {
        const auto nowMs = drill.state().tick * tickMs;
        while (next < script.size() && static_cast<std::int64_t>(script[next].atS * 1000) <= nowMs)
            apply(script[next++].command);
        if (drill.state().ended || drill.state().tick >= untilTick) break;
        const auto before = drill.state().tick;
        step();
        if (drill.state().tick == before) {
            // Paused: drill time stands still while the wall clock runs, so the script's next
            // command (its resume, typically) comes now. With none left, the drill stays paused.
            if (next >= script.size()) break;
            apply(script[next++].command);
        }
    }
}

void runScript(DrillRecorder& rec, const Drill& drill, const std::vector<ScheduledCommand>& script,
               double untilS) {
    runScript(
        drill, script, untilS, [&](const Command& c) { rec.apply(c); }, [&] { rec.step(); });
}

}  // namespace drillbase::sim
