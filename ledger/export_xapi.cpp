#include "ledger/export_xapi.h"

#include "ledger/records_archive.h"
#include "ledger/sha256.h"

#include <nlohmann/json.hpp>

namespace drillbase::ledger {

namespace {

// RFC 9562 §5.8 version 8 (custom) UUID from SHA-256 of a name: the version nibble is 8 and
// the variant bits 10, the rest are hash bits.
std::string uuidFor(const std::string& name) {
    std::string h = sha256Hex("drillbase-xapi|" + name).substr(0, 32);
    h[12] = '8';
    static constexpr char kHex[] = "0123456789abcdef";
    const int v = (h[16] >= 'a' ? h[16] - 'a' + 10 : h[16] - '0');
    h[16] = kHex[(v & 0x3) | 0x8];
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20, 12);
}

nlohmann::json verb(const char* id, const char* en, const char* zh) {
    return {{"id", id}, {"display", {{"en-US", en}, {"zh-CN", zh}}}};
}

nlohmann::json activity(const std::string& id, const std::string& name, const char* type) {
    return {{"objectType", "Activity"},
            {"id", id},
            {"definition", {{"name", {{"zh-CN", name}}}, {"type", type}}}};
}

// Percent-encodes everything but RFC 3986 unreserved characters, for activity IRIs.
std::string iriPart(const std::string& s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

}  // namespace

std::int64_t exportXapi(SqliteDb& db, std::ostream& out, const XapiOptions& o) {
    std::int64_t n = 0;
    out << "[";
    ArchiveReader reader(db);
    reader.forEachPerson([&](const PersonArchive& a) {
        const nlohmann::json actor = {
            {"objectType", "Agent"}, {"account", {{"homePage", o.homePage}, {"name", a.personId}}}};
        for (const auto& r : a.records) {
            nlohmann::json s;
            s["id"] = uuidFor(r.recordId);
            s["actor"] = actor;
            s["timestamp"] = r.date + "T00:00:00Z";  // the day the fact happened
            nlohmann::json ext = {{o.activityBase + "/extensions/record-id", r.recordId}};
            if (r.record == "training") {
                s["verb"] = verb("http://adlnet.gov/expapi/verbs/attended", "attended", "参加");
                s["object"] = activity(o.activityBase + "/training/" + iriPart(r.subject),
                                       r.subject, "http://adlnet.gov/expapi/activities/course");
                ext[o.activityBase + "/extensions/class-hours"] = r.hours;
                ext[o.activityBase + "/extensions/training-kind"] = r.trainingKind;
                s["result"] = {{"completion", true}, {"extensions", ext}};
            } else if (r.record == "exam") {
                s["verb"] = r.passed
                                ? verb("http://adlnet.gov/expapi/verbs/passed", "passed", "通过")
                                : verb("http://adlnet.gov/expapi/verbs/failed", "failed", "未通过");
                s["object"] = activity(o.activityBase + "/exam/" + iriPart(r.subject), r.subject,
                                       "http://adlnet.gov/expapi/activities/assessment");
                nlohmann::json score = {{"raw", r.score}, {"min", 0}, {"max", r.maxPoints}};
                if (r.maxPoints > 0)
                    score["scaled"] =
                        static_cast<double>(r.score) / static_cast<double>(r.maxPoints);
                s["result"] = {{"score", score},
                               {"success", r.passed},
                               {"completion", true},
                               {"extensions", ext}};
            } else if (r.record == "certificate" || r.record == "certificate_review") {
                const bool review = r.record == "certificate_review";
                s["verb"] =
                    review ? verb("http://adlnet.gov/expapi/verbs/passed", "passed", "复审通过")
                           : verb("http://id.tincanapi.com/verb/earned", "earned", "取得");
                s["object"] = activity(
                    o.activityBase + "/certificate/special_operations/" + iriPart(r.subject),
                    r.subject, "http://id.tincanapi.com/activitytype/certificate");
                ext[o.activityBase + "/extensions/certificate-number-masked"] =
                    r.certificateNumberMasked;
                if (!r.revoked.empty()) ext[o.activityBase + "/extensions/revoked"] = r.revoked;
                s["result"] = {{"success", true}, {"extensions", ext}};
            } else if (r.record == "drill_result" || r.record == "quiz_result") {
                const bool drill = r.record == "drill_result";
                s["verb"] = r.passed
                                ? verb("http://adlnet.gov/expapi/verbs/passed", "passed", "通过")
                                : verb("http://adlnet.gov/expapi/verbs/failed", "failed", "未通过");
                s["object"] =
                    activity(o.activityBase + (drill ? "/drill/" : "/quiz/") + iriPart(r.reference),
                             r.subject,
                             drill ? "http://adlnet.gov/expapi/activities/simulation"
                                   : "http://adlnet.gov/expapi/activities/assessment");
                // Scores are kept in tenths of a point out of 100 (common/assessment.h).
                const double raw = static_cast<double>(r.score) / 10.0;
                if (!r.grade.empty()) ext[o.activityBase + "/extensions/grade"] = r.grade;
                s["result"] = {
                    {"score", {{"raw", raw}, {"min", 0}, {"max", 100}, {"scaled", raw / 100.0}}},
                    {"success", r.passed},
                    {"completion", true},
                    {"extensions", ext}};
            } else {
                continue;  // roles are employment facts, not learning experiences
            }
            out << (n ? ",\n" : "\n") << s.dump();
            ++n;
        }
        return true;
    });
    out << (n ? "\n]\n" : "]\n");
    return n;
}

}  // namespace drillbase::ledger
