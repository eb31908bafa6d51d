// wall_clock.h — the only place the wall clock is read. The simulation and the ledger never
// read it (their results must be reproducible and testable on fixed dates); the edges that
// serve a person — drillctl and the GUI — read it here and pass the values in.
#pragma once

#include <string>

namespace drillbase {

// "YYYY-MM-DDTHH:MM:SSZ", the recorded-at time of ledger events.
std::string utcTimestampNow();

// The calendar date where the base is (local time): "today" for birth dates and rule dates.
struct LocalDate {
    int year = 1970, month = 1, day = 1;
};
LocalDate localDateToday();

}  // namespace drillbase
