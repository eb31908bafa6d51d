// ledger_assessments.cpp — drill and quiz results recorded as assessments (一人一档: the time,
// content and result of each assessment in the person's archive).
#include "ledger/event_kinds.h"
#include "ledger/ledger.h"

namespace drillbase::ledger {

std::string Ledger::recordAssessment(const AssessmentResult& r, const std::string& at) {
    requirePerson(r.personId);
    if (r.kind != "drill" && r.kind != "quiz")
        throw LedgerError("an assessment is a drill or a quiz, not " + r.kind);
    if (!parseIsoDate(r.date))
        throw LedgerError("assessment date " + r.date + " is not YYYY-MM-DD");
    if (r.scoreTenths < 0 || r.scoreTenths > 1000 || r.passTenths < 0 || r.passTenths > 1000)
        throw LedgerError("scores are between 0 and 100");
    if (r.attempt < 1) throw LedgerError("attempts count from 1");
    // Without the log's hash the result could not be re-verified by replaying the drill.
    if (r.sourceHash.empty())
        throw LedgerError("an assessment needs the hash of its drill log or quiz paper");
    return append(kinds::kAssessmentRecorded, at,
                  {{"person_id", r.personId},
                   {"kind", r.kind},
                   {"title", r.title},
                   {"reference", r.reference},
                   {"date", r.date},
                   {"score_tenths", r.scoreTenths},
                   {"pass_tenths", r.passTenths},
                   {"passed", r.scoreTenths >= r.passTenths},
                   {"attempt", r.attempt},
                   {"grade", r.grade},
                   {"source_hash", r.sourceHash},
                   {"complete", r.complete}});
}

int Ledger::nextAttempt(const std::string& personId, const std::string& reference) {
    auto st = db_.prepare("SELECT COUNT(*) FROM results WHERE person_id = ? AND reference = ?");
    st.bind(1, personId).bind(2, reference);
    st.step();
    return static_cast<int>(st.columnInt(0)) + 1;
}

}  // namespace drillbase::ledger
