// transfer_state.h — the transfer work as it stands in a running drill: the warning in force
// and the response stage, each household's progress from the register to a shelter (with the
// ticks the rubric and the debrief read), and each shelter's head count against its capacity.
// Plain data in register order: part of DrillState, hashed with it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace drillbase::sim {

// AtHome: not ordered yet. Ordered: in its cadre's queue. CadreOnWay: the cadre is going there.
// Handling: the cadre is at the door. Moving: the members found are on their way to the shelter.
// Sheltered: every member who left has arrived. Returned: they went back home from the shelter.
enum class HouseholdStatus { AtHome, Ordered, CadreOnWay, Handling, Moving, Sheltered, Returned };
const char* householdStatusName(HouseholdStatus s);

struct HouseholdState {
    std::string id;
    double x = 0, y = 0;  // the home
    int cadre = -1;       // index into DrillState::units
    int shelter = -1;     // index into TransferState::shelters (the planned one)
    int zone = -1;        // index into the scenario's zones
    bool vulnerable = false;
    std::vector<int> members;  // indices into DrillState::people
    HouseholdStatus status = HouseholdStatus::AtHome;
    std::int64_t orderedTick = -1;    // the order to move them
    std::int64_t visitTick = -1;      // the cadre reached the door
    std::int64_t leftTick = -1;       // they left home
    std::int64_t shelteredTick = -1;  // the last of them arrived
    std::int64_t waterTick = -1;      // the hazard first reached the home
    std::int64_t returnedTick = -1;   // they went back home
    bool returnedDuringWarning = false;
    int missing = 0;          // members not at home when the cadre called (人在哪)
    int homeWhenReached = 0;  // members still at home when the hazard reached it
};

struct ShelterState {
    std::string id;
    double x = 0, y = 0;
    int capacity = 0;
    int count = 0;  // people there now
    int peak = 0;
    bool overReported = false;  // over capacity has been reported
};

struct TransferState {
    int warningLevel = 0;   // 0 none, 1..4 blue..red (content/transfer.json warning_levels)
    int responseStage = 0;  // 0 none, 1..4 = I..IV (I the most severe)
    std::vector<HouseholdState> households;
    std::vector<ShelterState> shelters;
};

}  // namespace drillbase::sim
