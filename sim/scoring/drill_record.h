// drill_record.h — what the scorer reads: the drill's event log (past-tense events with their
// tick), outcome figures, and the evaluator's manual marks. Scoring works from the log, not
// from the final state, so "alarm within 1 minute" is judged by when it happened.
#pragma once

#include "sim/engine/event.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

using LoggedEvent = Event;

// An evaluator's mark for a manual item: points given, or not applicable.
struct ManualMark {
    std::optional<double> points;  // nullopt with notApplicable=false: not yet marked
    bool notApplicable = false;
    std::string note;
};

struct DrillRecord {
    std::int64_t tickMillis = 1000;          // drill time per tick
    std::int64_t endTick = 0;                // the drill ended here (events after it do not exist)
    std::vector<LoggedEvent> events;         // in tick order, as logged
    std::map<std::string, double> outcomes;  // "fatalities", "public_above_aegl2", ...
    std::map<std::string, ManualMark> manualMarks;  // by rubric item id
    std::map<std::string, bool> notApplicable;  // items the instructor struck out before the drill
};

}  // namespace drillbase::sim
