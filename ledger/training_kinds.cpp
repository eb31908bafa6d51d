#include "ledger/training_kinds.h"

#include <algorithm>

namespace drillbase::ledger {

const std::vector<std::string_view>& trainingKinds() {
    static const std::vector<std::string_view> kAll = {
        kTrainingInitial,     kTrainingAnnual,     kTrainingReview, kTrainingThreeLevel,
        kTrainingFirstLesson, kTrainingSpecialOps, kTrainingDrill};
    return kAll;
}

bool isTrainingKind(std::string_view kind) {
    const auto& all = trainingKinds();
    return std::find(all.begin(), all.end(), kind) != all.end();
}

std::string trainingKindList() {
    const auto& all = trainingKinds();
    std::string out;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i) out += i + 1 == all.size() ? " or " : ", ";
        out += all[i];
    }
    return out;
}

// What counts toward which figure (生产经营单位安全培训规定, SAWS Order No. 3 as amended by
// Order No. 80; 特种作业人员安全技术培训考核管理规定, SAWS Order No. 30). Decisions:
//  - initial: the initial training of principal persons and safety managers (art. 9) and the
//    pre-job training of new workers (art. 13) — initial hours.
//  - three_level (三级安全教育): the plant, workshop and team-level pre-job training that arts.
//    12 to 16 prescribe for new workers (contents in art. 14 ff.); together they are the
//    new worker's pre-job hours of art. 13 — initial hours.
//  - annual: the yearly refresher (每年再培训) of arts. 9 and 13 — annual hours.
//  - first_lesson (开工第一课): the safety lesson at the start of work (after a holiday, at a new
//    project) for staff already on the post; it is in-service refresher training, so it counts
//    toward the annual hours of arts. 9 and 13, never toward a new worker's pre-job hours.
//  - review: Order No. 30's training before a certificate review (at least 8 class hours);
//    it counts only there (Ledger::recordCertificateReview), as before.
//  - special_ops: the theory and practical training for a special-operations certificate
//    (Order No. 30), which has its own syllabus and exam, not the hours of arts. 9 and 13.
//  - drill: emergency drills are a separate duty (生产安全事故应急预案管理办法 art. 33) and are
//    not class hours of safety training; recorded in the archive, counted toward no figure.
TrainingCount trainingCountsAs(std::string_view kind) {
    if (kind == kTrainingInitial || kind == kTrainingThreeLevel) return TrainingCount::InitialHours;
    if (kind == kTrainingAnnual || kind == kTrainingFirstLesson) return TrainingCount::AnnualHours;
    if (kind == kTrainingReview) return TrainingCount::ReviewHours;
    return TrainingCount::NotCounted;
}

std::optional<TrainingRecord> complianceTrainingRecord(std::string_view kind, const CivilDate& date,
                                                       int hours) {
    switch (trainingCountsAs(kind)) {
        case TrainingCount::InitialHours: return TrainingRecord{date, hours, true};
        case TrainingCount::AnnualHours: return TrainingRecord{date, hours, false};
        case TrainingCount::ReviewHours:
        case TrainingCount::NotCounted: break;
    }
    return std::nullopt;
}

}  // namespace drillbase::ledger
