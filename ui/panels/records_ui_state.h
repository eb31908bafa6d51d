// records_ui_state.h — what the records screens remember between frames: text typed into
// their fields and which tab is open. UI state only; answers live in the RecordsSession.
#pragma once

#include "ui/records_session.h"

#include <optional>
#include <string>
#include <vector>

namespace drillbase::ui {

enum class RecordsTab { Archive, Roster, Expiring, Stats, Export, Users };

struct RecordsUiState {
    // A tab to bring to the front on the next frame (a click in one list opens another).
    std::optional<RecordsTab> pendingTab;
    char loginName[64] = {};
    char loginPassword[256] = {};
    char loginRepeat[256] = {};
    char search[128] = {};
    int expiringDays = 30;
    char rosterCode[128] = {};  // a credit code or the beginning of a name
    int rosterWithin = 30;
    int statsGroup = 0;  // region, industry, month
    char statsFrom[16] = {};
    char statsTo[16] = {};
    int exportFormat = 0;  // csv, xapi
    char exportPath[512] = {};
    // The training-session form.
    char trainingDate[16] = {};
    int trainingHours = 8;
    int trainingKind = 0;
    char trainingTopic[256] = {};
    char trainingProvider[128] = {};
    char trainingInstructor[64] = {};
    char attendeeSearch[128] = {};
    std::vector<PersonHit> attendees;
    // Adding a user (admins).
    char newUserName[64] = {};
    char newUserPassword[256] = {};
    char newUserRepeat[256] = {};
    int newUserRole = 0;
};

// Passwords leave the input buffers as soon as they are handed over.
void wipe(char* buffer, std::size_t size);
template <std::size_t N>
void wipe(char (&buffer)[N]) {
    wipe(buffer, N);
}

}  // namespace drillbase::ui
