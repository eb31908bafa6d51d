// assessment.h — the small interface through which drills and quizzes hand a trainee's result
// to whatever keeps records (the certification ledger), so sim/ and quiz/ never depend on the
// ledger and the ledger never on them. Integers only: the ledger hashes a canonical form in
// which floating point is not allowed, so scores travel as tenths of a point.
#pragma once

#include <string>

namespace drillbase {

struct AssessmentResult {
    std::string personId;   // the ledger's person id (never an identity number)
    std::string kind;       // "drill" or "quiz"
    std::string title;      // scenario or paper title (zh-CN)
    std::string reference;  // scenario id or paper id
    std::string date;       // YYYY-MM-DD, when it was taken
    int scoreTenths = 0;    // 789 = 78.9 of 100
    int passTenths = 600;   // the pass mark, same unit
    int attempt = 1;
    std::string grade;       // 优 / 良 / 一般 / 差 for drills
    std::string sourceHash;  // hash of the drill log or quiz paper it came from
    bool complete = true;    // false while manual items await an evaluator
};

class AssessmentSink {
public:
    virtual ~AssessmentSink() = default;
    // Records the result and returns its record id; throws std::runtime_error when refused.
    virtual std::string record(const AssessmentResult& result) = 0;
};

}  // namespace drillbase
