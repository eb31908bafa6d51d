#include "tools/drillctl/ledger_record_commands.h"

#include "tools/drillctl/ledger_cli.h"

#include "common/data_dir.h"
#include "ledger/certificate_history.h"
#include "ledger/text_rules.h"
#include "ledger/training_kinds.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <iostream>
#include <memory>

namespace drillbase::tools {

namespace {

using namespace drillbase::ledger;

struct RecordOptions {
    std::string db, asUser;
    std::string person, idNumber;
    std::string date, hours, kind, topic, provider, instructor;
    std::string exam, part, score;
    std::string number, operation;
    std::string certificate, reason, until, on;
};

[[noreturn]] void refuse(const std::string& message) {
    ledgerFail(message, kLedgerRefused);
}

CivilDate dateOption(const char* flag, const std::string& text) {
    const auto d = parseIsoDate(text);
    if (!d) refuse(std::string(flag) + ": \"" + text + "\" is not a valid date written YYYY-MM-DD");
    return *d;
}

int wholeNumber(const char* flag, const std::string& text, int lo, int hi, const char* what) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end)
        refuse(std::string(flag) + ": \"" + text + "\" is not a whole number of " + what);
    if (value < lo || value > hi)
        refuse(std::string(flag) + ": " + text + " is out of range (" + std::to_string(lo) +
               " to " + std::to_string(hi) + " " + what + ")");
    return value;
}

// Typed text, turned into Unicode NFC here at the edge (a terminal may send decomposed accents)
// and checked against text_rules.h before the database is opened, naming the option.
std::string textOption(const char* flag, const std::string& text, TextField field) {
    const auto nfc = normaliseNfc(text);
    if (!nfc) refuse(std::string(flag) + ": is not valid UTF-8");
    if (const auto problem = textProblem(*nfc, field)) refuse(std::string(flag) + ": " + *problem);
    return *nfc;
}

// The kinds the ledger will accept, read here too so that a wrong --kind is named before the
// database is opened.
TrainingKindList loadTrainingKinds() {
    try {
        return loadTrainingKindsFile(contentDir() / "training-kinds.json");
    } catch (const ContentError& e) {
        refuse(e.what());
    }
}

// --person or --id-number, checked before the database is opened: a typo in the number is
// reported as such, not as an unknown person.
std::optional<IdentityDocument> personArgument(const RecordOptions& o) {
    if (o.person.empty() == o.idNumber.empty())
        refuse("give either --person (ledger person id) or --id-number, not both or neither");
    if (o.idNumber.empty()) return std::nullopt;
    const auto parsed = parseResidentId(o.idNumber, localToday());
    if (!parsed.document) refuse("--id-number: " + parsed.error);
    return parsed.document;
}

std::string resolvePerson(Ledger& ledger, const RecordOptions& o,
                          const std::optional<IdentityDocument>& doc) {
    if (!doc) {
        if (!ledger.personExists(o.person))
            refuse("--person: no person " + o.person + " in the ledger");
        return o.person;
    }
    const auto id = ledger.findPerson(*doc);
    if (!id)
        refuse("--id-number: no person with identity number " + maskDocument(*doc) +
               " in the ledger (drillctl ledger person add)");
    return *id;
}

void runTrain(const RecordOptions& o) {
    const auto doc = personArgument(o);
    TrainingInput t;
    t.date = dateOption("--date", o.date);
    t.hours = wholeNumber("--hours", o.hours, 1, 100, "class hours");
    const auto kinds = loadTrainingKinds();
    if (!kinds.contains(o.kind)) refuse("--kind: \"" + o.kind + "\" is not " + kinds.listText());
    t.kind = o.kind;
    t.topic = textOption("--topic", o.topic, TextField::ShortText);
    t.provider = textOption("--provider", o.provider, TextField::ShortText);
    t.instructor = textOption("--instructor", o.instructor, TextField::ShortText);
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    auto ledger = openLedgerAs(db, file, o.asUser, Action::RecordTraining);
    t.personId = resolvePerson(*ledger, o, doc);
    try {
        const auto id = ledger->recordTraining(t, utcNow());
        std::cout << "recorded " << t.hours << " class hour(s) of " << t.kind << " training on "
                  << t.date.iso() << " for " << t.personId << " (event " << id << ")\n";
    } catch (const LedgerError& e) {
        refuse(e.what());
    }
}

void runExam(const RecordOptions& o) {
    const auto doc = personArgument(o);
    if (o.exam.empty()) refuse("--exam is empty");
    if (o.part != "theory" && o.part != "practical")
        refuse("--part: \"" + o.part + "\" is not theory or practical");
    const ExamPart part = o.part == "theory" ? ExamPart::Theory : ExamPart::Practical;
    const auto date = dateOption("--date", o.date);
    // The range is the rule's (max_points); the ledger names it. Here only the form.
    const int score = wholeNumber("--score", o.score, 0, 1000, "points");
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    auto ledger = openLedgerAs(db, file, o.asUser, Action::RecordResults);
    const auto person = resolvePerson(*ledger, o, doc);
    std::string id;
    try {
        id = ledger->recordExam(person, o.exam, part, date, score, utcNow());
    } catch (const LedgerError& e) {
        refuse(e.what());
    }
    // The attempt number counts every recorded attempt at this part up to this date; the
    // make-up rule (one retake, then retraining) is enforced by recordExam.
    auto st = db.prepare(
        "SELECT passed, max_points, (SELECT COUNT(*) FROM assessments b WHERE b.person_id = "
        "a.person_id AND b.exam = a.exam AND b.part = a.part AND b.on_date <= a.on_date) "
        "FROM assessments a WHERE a.event_id = ?");
    st.bind(1, id);
    if (!st.step()) refuse("the exam record " + id + " was not projected");
    const bool passed = st.columnInt(0) != 0;
    const auto* rule = ledger->rules().examFor(o.exam, date);
    std::cout << o.part << " part of \"" << o.exam << "\" on " << date.iso() << ": " << score
              << " of " << st.columnInt(1) << ", " << (passed ? "passed" : "failed")
              << (rule ? " (pass mark " + std::to_string(rule->passPoints) + ")" : std::string())
              << ", attempt " << st.columnInt(2) << " (event " << id << ")\n";
}

void runCertIssue(const RecordOptions& o) {
    const auto doc = personArgument(o);
    if (o.number.empty()) refuse("--number is empty");
    if (o.operation.empty()) refuse("--operation is empty");
    const auto date = dateOption("--date", o.date);
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    auto ledger = openLedgerAs(db, file, o.asUser, Action::RecordResults);
    const auto person = resolvePerson(*ledger, o, doc);
    try {
        const auto id =
            ledger->issueSpecialOpsCertificate(person, o.number, o.operation, date, utcNow());
        const auto status = ledger->certificateStatus(id, date);
        std::cout << "issued certificate " << id << " (" << o.operation << ") to " << person
                  << " on " << date.iso() << ", valid until " << status.expires.addDays(-1).iso()
                  << '\n';
    } catch (const LedgerError& e) {
        refuse(e.what());
    }
}

// review, suspend, reinstate, revoke and cancel: one certificate, one dated change.
enum class Change { Review, Suspend, Reinstate, Revoke, Cancel };

void runCertChange(const RecordOptions& o, Change change) {
    if (o.certificate.empty()) refuse("--certificate is empty");
    const auto date = dateOption("--date", o.date);
    std::optional<CivilDate> until;
    if (!o.until.empty()) until = dateOption("--until", o.until);
    if (change != Change::Review && o.reason.empty())
        refuse("--reason is empty: say why (it is kept in the certificate's history)");
    const auto reason = textOption("--reason", o.reason, TextField::FreeText);
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    auto ledger = openLedgerAs(db, file, o.asUser, Action::RecordResults);
    const auto at = utcNow();
    try {
        std::string id;
        const char* done = "";
        switch (change) {
            case Change::Review:
                id = ledger->recordCertificateReview(o.certificate, date, at);
                done = "reviewed";
                break;
            case Change::Suspend:
                id = ledger->suspendCertificate(o.certificate, date, reason, until, at);
                done = "suspended";
                break;
            case Change::Reinstate:
                id = ledger->reinstateCertificate(o.certificate, date, reason, at);
                done = "reinstated";
                break;
            case Change::Revoke:
                id = ledger->revokeCertificate(o.certificate, date, reason, at);
                done = "revoked";
                break;
            case Change::Cancel:
                id = ledger->cancelCertificate(o.certificate, date, reason, at);
                done = "cancelled";
                break;
        }
        const auto status = ledger->certificateStatus(o.certificate, date);
        std::cout << "certificate " << o.certificate << ' ' << done << " on " << date.iso()
                  << " (event " << id << "); status: " << certificateStateName(status.state)
                  << " — " << status.explanation << '\n';
    } catch (const LedgerError& e) {
        refuse(e.what());
    }
}

void runCertShow(const RecordOptions& o) {
    if (o.certificate.empty()) refuse("--certificate is empty");
    const auto on = o.on.empty() ? localToday() : dateOption("--on", o.on);
    const auto file = resolveDb(o.db);
    auto db = openExisting(file);
    auto ledger = openLedgerAs(db, file, o.asUser, Action::ReadRecords);
    const auto cert = readCertificate(db, o.certificate);
    if (!cert) refuse("--certificate: no certificate " + o.certificate + " in the ledger");
    CertificateStatus status;
    try {
        status = ledger->certificateStatus(o.certificate, on);
    } catch (const LedgerError& e) {
        refuse(e.what());
    }
    nlohmann::ordered_json history = nlohmann::ordered_json::array();
    for (const auto& c : ledger->certificateHistory(o.certificate)) {
        nlohmann::ordered_json h = {{"date", c.date.iso()}, {"change", c.change}};
        if (!c.reason.empty()) h["reason"] = c.reason;
        if (c.until) h["until"] = c.until->iso();
        h["event_id"] = c.eventId;
        history.push_back(h);
    }
    nlohmann::ordered_json out = {{"certificate_id", cert->certificateId},
                                  {"person_id", cert->personId},
                                  {"type", cert->type},
                                  {"operation", cert->operation},
                                  {"certificate_number", cert->numberMasked},
                                  {"issued", cert->issued.iso()},
                                  {"on", on.iso()},
                                  {"status", std::string(certificateStateName(status.state))},
                                  {"explanation", status.explanation},
                                  {"expires", status.expires.iso()}};
    if (status.nextReview) {
        out["next_review"] = status.nextReview->iso();
        out["days_to_next_review"] = status.daysToNextReview;
    }
    out["practical_reexam_required"] = status.practicalReexamRequired;
    out["rule"] = status.ruleId;
    out["history"] = history;
    std::cout << out.dump(2) << '\n';
}

}  // namespace

void addLedgerRecordCommands(CLI::App& app) {
    auto* ledgerCmd = app.get_subcommand("ledger");
    auto o = std::make_shared<RecordOptions>();
    auto common = [&](CLI::App* cmd) {
        cmd->add_option("--db", o->db, "Ledger database file (default: the user's data folder)");
        addActorOption(*cmd, o->asUser);
    };
    auto personOptions = [&](CLI::App* cmd) {
        cmd->add_option("--person", o->person, "Ledger person id");
        cmd->add_option("--id-number", o->idNumber, "The person's resident identity number");
    };

    auto* train =
        ledgerCmd->add_subcommand("train", "Record a training session of one person (class hours)");
    common(train);
    personOptions(train);
    train->add_option("--date", o->date, "Training date YYYY-MM-DD")->required();
    train->add_option("--hours", o->hours, "Class hours (学时), 1 to 100")->required();
    train->add_option("--kind", o->kind, "Kind of training, an id of content/training-kinds.json")
        ->required();
    train->add_option("--topic", o->topic, "What was taught")->required();
    train->add_option("--provider", o->provider, "Training body (optional)");
    train->add_option("--instructor", o->instructor, "Teacher's name (optional)");
    train->callback(guarded([o] { runTrain(*o); }));

    auto* exam = ledgerCmd->add_subcommand("exam", "Record one exam attempt (theory or practical)");
    common(exam);
    personOptions(exam);
    exam->add_option("--exam", o->exam, "Exam, e.g. special_operations (certification rules)")
        ->required();
    exam->add_option("--part", o->part, "theory or practical")->required();
    exam->add_option("--date", o->date, "Exam date YYYY-MM-DD")->required();
    exam->add_option("--score", o->score, "Points scored")->required();
    exam->callback(guarded([o] { runExam(*o); }));

    auto* cert =
        ledgerCmd->add_subcommand("cert", "Special-operations certificates (特种作业操作证)");
    cert->require_subcommand(1);
    auto* issue = cert->add_subcommand("issue", "Record an issued certificate (both exams passed)");
    common(issue);
    personOptions(issue);
    issue->add_option("--number", o->number, "Certificate number: T + identity number")->required();
    issue->add_option("--operation", o->operation, "The operation it covers, e.g. 低压电工作业")
        ->required();
    issue->add_option("--date", o->date, "Issue date YYYY-MM-DD")->required();
    issue->callback(guarded([o] { runCertIssue(*o); }));

    struct ChangeCommand {
        const char* name;
        const char* help;
        Change change;
    };
    const ChangeCommand changes[] = {
        {"review", "Record a passed review (复审) within its window", Change::Review},
        {"suspend", "Suspend a certificate (暂扣): not valid for work meanwhile", Change::Suspend},
        {"reinstate", "Lift the suspension in force on the date", Change::Reinstate},
        {"revoke", "Revoke a certificate (撤销, Order No. 30 art. 30): final", Change::Revoke},
        {"cancel", "Cancel a certificate (注销, art. 31: death, own request): final",
         Change::Cancel},
    };
    for (const auto& c : changes) {
        auto* cmd = cert->add_subcommand(c.name, c.help);
        common(cmd);
        cmd->add_option("--certificate", o->certificate, "Certificate id (from cert issue)")
            ->required();
        cmd->add_option("--date", o->date, "The day it takes effect, YYYY-MM-DD")->required();
        if (c.change != Change::Review)
            cmd->add_option("--reason", o->reason, "Why (kept in the history)")->required();
        if (c.change == Change::Suspend)
            cmd->add_option("--until", o->until,
                            "First day the certificate is valid again (default: until reinstated)");
        const Change change = c.change;
        cmd->callback(guarded([o, change] { runCertChange(*o, change); }));
    }

    auto* show = cert->add_subcommand(
        "show", "A certificate's status on a date, expiry, next review and history (JSON)");
    common(show);
    show->add_option("--certificate", o->certificate, "Certificate id")->required();
    show->add_option("--on", o->on, "Date to evaluate, YYYY-MM-DD (default today)");
    show->callback(guarded([o] { runCertShow(*o); }));
}

}  // namespace drillbase::tools
