// event.h — something that happened in a drill, in the past tense ("alarm_raised",
// "valve_closed", "person_exposed"), stamped with its tick. Events are what the log keeps,
// what the timeline shows and what the rubric's rules judge.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace drillbase::sim {

struct Event {
    std::int64_t tick = 0;
    std::string kind;
    std::map<std::string, std::string> attrs;  // e.g. {"unit": "hazmat-1"}, {"form": "oral"}
};

}  // namespace drillbase::sim
