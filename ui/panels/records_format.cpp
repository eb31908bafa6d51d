#include "ui/panels/records_format.h"

namespace drillbase::ui {

std::string codeText(const Strings& s, const std::string& family, const std::string& code) {
    return s.tr(family + "." + code);
}

std::string knownCodeText(const Strings& s, const std::string& family, const std::string& code) {
    const std::string key = family + "." + code;
    return s.primary().has(key) ? s.tr(key) : code;
}

std::string recordKindText(const Strings& s, const std::string& record) {
    return codeText(s, "archive.record", record);
}

std::string tenths(std::int64_t v) {
    const std::int64_t a = v < 0 ? -v : v;
    return std::string(v < 0 ? "-" : "") + std::to_string(a / 10) + "." + std::to_string(a % 10);
}

std::string recordSubjectText(const Strings& s, const ledger::ArchiveRecord& r) {
    if (r.record == "role") return r.orgName.empty() ? r.orgCode : r.orgName;
    if (r.record == "exam") {
        // "exam/part": the exam's name and which part, theory or practical.
        const auto slash = r.subject.rfind('/');
        if (slash != std::string::npos)
            return knownCodeText(s, "exam.name", r.subject.substr(0, slash)) + " · " +
                   codeText(s, "exam.part", r.subject.substr(slash + 1));
    }
    return r.subject;
}

std::string recordDetailText(const Strings& s, const ledger::ArchiveRecord& r) {
    if (r.record == "role") return codeText(s, "person_role", r.role);
    if (r.record == "training") {
        std::string t = codeText(s, "training.kind", r.trainingKind);
        t.append(" · ")
            .append(std::to_string(r.hours))
            .append(" ")
            .append(s.tr("records.hours_unit"));
        if (!r.provider.empty()) t.append(" · ").append(r.provider);
        if (!r.instructor.empty()) t.append(" · ").append(r.instructor);
        return t;
    }
    if (r.record == "certificate_suspension" || r.record == "certificate_reinstatement" ||
        r.record == "certificate_cancellation") {
        // The number, why (as the clerk wrote it) and, for a suspension, when it ends.
        std::string t = r.certificateNumberMasked;
        if (!r.reason.empty()) t.append(" · ").append(r.reason);
        if (!r.until.empty()) t.append(" · ").append(s.tr("records.until")).append(r.until);
        return t;
    }
    if (r.record == "exam")
        return std::to_string(r.score) + " / " + std::to_string(r.maxPoints) + " · " +
               s.tr(r.passed ? "records.passed" : "records.failed_exam");
    if (r.record == "drill_result" || r.record == "quiz_result")
        return tenths(r.score) + " / " + tenths(r.maxPoints) + (r.grade.empty() ? "" : " · ") +
               r.grade + " · " + s.tr(r.passed ? "records.passed" : "records.failed_exam");
    if (r.record == "certificate") {
        std::string t = r.certificateNumberMasked;
        if (!r.revoked.empty()) t += " · " + std::string(s.tr("records.revoked_on")) + r.revoked;
        return t;
    }
    return r.certificateNumberMasked;
}

bool recordIsBad(const ledger::ArchiveRecord& r) {
    if (r.record == "exam" || r.record == "drill_result" || r.record == "quiz_result")
        return !r.passed;
    return !r.revoked.empty() || r.record == "certificate_suspension" ||
           r.record == "certificate_cancellation";
}

}  // namespace drillbase::ui
