// records_request.h — what the records panels ask of the ledger while drawing. Panels never
// touch the database: they append a RecordsRequest, and the App hands it to the
// RecordsSession after the frame (app_state.h explains the collect-then-apply rule).
#pragma once

#include <string>
#include <vector>

namespace drillbase::ui {

enum class RecordsOp {
    SignIn,            // name, password
    CreateFirstAdmin,  // name, password, repeat: only while the ledger has no users
    SignOut,
    FindPeople,         // text: a name (or its beginning), identity number or certificate number
    OpenArchive,        // personId
    LoadRoster,         // text: credit code; days: the "falls due within" window
    LoadExpiring,       // days
    LoadStats,          // group: "region", "industry" or "month"; from, to (YYYY-MM-DD)
    Export,             // format: "csv" or "xapi"; path
    RecordTraining,     // the training-session form below
    AddUser,            // name, role, password, repeat
    DisableUser,        // name: the account can no longer sign in
    RecordDrillResult,  // personId: the finished drill's result into the person's archive
};

// One training session an instructor held: one TrainingRecorded event per attendee.
struct TrainingSessionForm {
    std::string date;  // YYYY-MM-DD
    int hours = 0;
    std::string kind;  // initial, annual, review, three_level, first_lesson, special_ops, drill
    std::string topic, provider, instructor;
    std::vector<std::string> attendees;  // person ids
};

struct RecordsRequest {
    RecordsOp op = RecordsOp::FindPeople;
    std::string name, password, repeat, role;
    std::string text, personId, group, from, to, format, path;
    int days = 30;
    TrainingSessionForm training;
};

}  // namespace drillbase::ui
