#include "ui/records_session.h"

#include "common/wall_clock.h"
#include "ledger/export_csv.h"
#include "ledger/export_xapi.h"
#include "ledger/identity_document.h"
#include "ledger/ledger_files.h"
#include "ledger/sha256.h"
#include "sim/scoring/drill_assessment.h"

#include <algorithm>
#include <fstream>

namespace drillbase::ui {

namespace {

using namespace drillbase::ledger;

constexpr std::size_t kMaxHits = 200;  // a name search lists at most this many people
constexpr int kDueWithinDays = 30;     // "falls due soon" in a person's archive

// Upper-case letters and digits only: what people type around an identity number (spaces,
// a lower-case x) must not decide whether it is found.
std::string normalizedNumber(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '-') continue;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

bool looksLikeNumber(const std::string& t) {
    if (t.size() < 15) return false;
    for (char c : t)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
    return true;
}

}  // namespace

RecordsClock RecordsClock::system() {
    return {[] { return utcTimestampNow(); },
            [] {
                const auto d = localDateToday();
                return CivilDate{d.year, d.month, d.day};
            }};
}

RecordsSession::RecordsSession(SqliteDb& db, const std::filesystem::path& dbFile,
                               const std::filesystem::path& contentDir, PasswordCost cost,
                               RecordsClock clock)
    : db_(db), clock_(std::move(clock)), logsDir_(dbFile.parent_path() / "drill-logs") {
    baseId_ = initializeLedgerIfNeeded(db, dbFile);
    ledger_ = openLedgerFiles(db, dbFile, contentDir);
    directory_ = std::make_unique<UserDirectory>(db, cost);
    archives_ = std::make_unique<ArchiveReader>(db);
    industries_ = loadIndustriesFile(contentDir / "industries.json");
    regions_ = loadRegionsFile(contentDir / "regions.json");
    compliance_ = std::make_unique<ComplianceReader>(db, ledger_->rules(), ledger_->trainingKinds(),
                                                     industries_);
    hasUsers_ = !directory_->empty();
    refreshCounts();
}

RecordsSession::~RecordsSession() = default;

bool RecordsSession::allowed(Action a) const {
    return user_ && can(user_->role, a);
}

bool RecordsSession::permit(Action a) {
    if (allowed(a)) return true;
    refused(user_ ? "records.denied" : "records.sign_in_first");
    return false;
}

void RecordsSession::refused(const std::string& key, const std::string& detail) {
    notice_ = {false, key, detail};
}

void RecordsSession::done(const std::string& key, const std::string& detail) {
    notice_ = {true, key, detail};
}

void RecordsSession::apply(const RecordsRequest& r) {
    try {
        switch (r.op) {
            case RecordsOp::SignIn: signIn(r); break;
            case RecordsOp::CreateFirstAdmin: createFirstAdmin(r); break;
            case RecordsOp::SignOut: signOut(); break;
            case RecordsOp::FindPeople:
                if (permit(Action::ReadRecords)) findPeople(r.text);
                break;
            case RecordsOp::OpenArchive:
                if (permit(Action::ReadRecords)) openArchive(r.personId);
                break;
            case RecordsOp::LoadExpiring:
                if (permit(Action::ReadRecords)) loadExpiring(r.days);
                break;
            case RecordsOp::Export:
                if (permit(Action::ExportRecords)) exportRecords(r);
                break;
            case RecordsOp::RecordTraining:
                if (permit(Action::RecordTraining)) recordTraining(r.training);
                break;
            case RecordsOp::RecordDrillResult: break;  // needs the drill: App calls it
            case RecordsOp::DisableUser:
                if (permit(Action::ManageUsers)) {
                    directory_->disable(*user_, r.name, clock_.utcNow());
                    refreshUsers();
                    done("users.disabled_done", r.name);
                }
                break;
            case RecordsOp::AddUser:
                if (permit(Action::ManageUsers)) addUser(r);
                break;
            case RecordsOp::LoadRoster:
                if (permit(Action::ReadRecords)) loadRoster(r.text, r.days);
                break;
            case RecordsOp::LoadStats:
                if (permit(Action::ReadRecords)) loadStats(r);
                break;
        }
    } catch (const LedgerError& e) {
        refused("records.refused", e.what());
    } catch (const UserError& e) {
        refused("records.refused", e.what());
    } catch (const std::exception& e) {
        refused("records.failed", e.what());
    }
    refreshCounts();
}

void RecordsSession::signOut() {
    // Nothing read under one account stays on screen for the next person at the desk.
    user_.reset();
    ledger_->setRecordedBy({});
    hits_.clear();
    archive_.reset();
    archiveCompliance_.reset();
    expiring_.clear();
    users_.clear();
    organisations_.clear();
    rosterOrg_.reset();
    roster_.clear();
    stats_.clear();
    done("records.signed_out");
}

void RecordsSession::signIn(const RecordsRequest& r) {
    signOut();
    // One message for every failure: the screen must not tell which names exist.
    // Under the sign-in rate limit; every failure is audited on the chain (ledger/users.h).
    const auto result = directory_->signIn(r.name, r.password, clock_.utcNow());
    if (result.locked()) return refused("login.locked", result.retryAfter);
    user_ = result.user;
    if (!user_) return refused("login.failed");
    ledger_->setRecordedBy(user_->name);
    if (allowed(Action::ManageUsers)) refreshUsers();
    done("login.welcome", user_->name);
}

void RecordsSession::createFirstAdmin(const RecordsRequest& r) {
    if (hasUsers_) return refused("login.first_admin_exists");
    if (r.password != r.repeat) return refused("login.passwords_differ");
    if (!isValidUserName(r.name)) return refused("login.bad_name");
    if (const auto problem = passwordProblem(r.password))
        return refused("login.bad_password", *problem);
    directory_->bootstrapAdmin(r.name, r.password, clock_.utcNow());
    hasUsers_ = true;
    user_ = directory_->find(r.name);
    if (user_) ledger_->setRecordedBy(user_->name);
    refreshUsers();
    done("login.first_admin_created", r.name);
}

void RecordsSession::addUser(const RecordsRequest& r) {
    const auto role = userRoleFromName(r.role);
    if (!role) return refused("users.bad_role", r.role);
    if (r.password != r.repeat) return refused("login.passwords_differ");
    if (!isValidUserName(r.name)) return refused("login.bad_name");
    directory_->addUser(*user_, r.name, *role, r.password, clock_.utcNow());
    refreshUsers();
    done("users.added", r.name);
}

void RecordsSession::refreshUsers() {
    users_ = directory_->list();
}

void RecordsSession::findPeople(const std::string& raw) {
    hits_.clear();
    archive_.reset();
    const std::string number = normalizedNumber(raw);
    std::vector<std::string> ids;
    if (looksLikeNumber(number)) {
        // A special-operations certificate number is "T" + the holder's identity number
        // (SAWS Order No. 30), so it is looked up as that number.
        const std::string idNumber =
            (number.size() == 19 && number[0] == 'T') ? number.substr(1) : number;
        const auto parsed = parseResidentId(idNumber, clock_.today());
        if (!parsed.document) return refused("records.bad_number", parsed.error);
        if (const auto id = ledger_->findPerson(*parsed.document)) ids.push_back(*id);
    } else if (!raw.empty()) {
        // Names by their beginning, through the name index: every name in [raw, raw + U+10FFFF)
        // in byte order starts with raw (UTF-8 keeps code point order in byte order).
        auto st = db_.prepare(
            "SELECT person_id FROM people WHERE name >= ? AND name < ? ORDER BY name, person_id "
            "LIMIT ?");
        st.bind(1, raw);
        st.bind(2, raw + "\xF4\x8F\xBF\xBF");
        st.bind(3, static_cast<std::int64_t>(kMaxHits));
        while (st.step()) ids.push_back(st.columnText(0));
    } else {
        return refused("records.search_empty");
    }
    auto who = db_.prepare(
        "SELECT p.name, p.id_masked, COALESCE((SELECT o.name FROM roles r JOIN organisations o "
        "ON o.credit_code = r.credit_code WHERE r.person_id = p.person_id ORDER BY r.since DESC "
        "LIMIT 1), '') FROM people p WHERE p.person_id = ?");
    for (const auto& id : ids) {
        who.reset();
        who.bind(1, id);
        if (who.step())
            hits_.push_back({id, who.columnText(0), who.columnText(1), who.columnText(2)});
    }
    if (hits_.size() == 1) openArchive(hits_.front().personId);
    done(hits_.empty() ? "records.no_match" : "records.found", std::to_string(hits_.size()));
}

void RecordsSession::openArchive(const std::string& personId) {
    archive_ = archives_->person(personId);
    archiveCompliance_.reset();
    if (!archive_) return refused("records.no_match");
    archiveCompliance_ = compliance_->person(personId, clock_.today(), kDueWithinDays);
    done("records.archive_opened", archive_->name);
}

void RecordsSession::loadExpiring(int days) {
    if (days < 1 || days > 366) return refused("records.bad_days");
    const auto* rule = ledger_->rules().specialOpsOn(clock_.today());
    if (!rule) return refused("records.no_rule");
    expiringDays_ = days;
    expiring_ = certificatesExpiring(db_, clock_.today().iso(), days, rule->validYears);
    done("records.expiring_loaded", std::to_string(expiring_.size()));
}

void RecordsSession::loadRoster(const std::string& raw, int within) {
    if (within < 0 || within > 366) return refused("records.bad_days");
    organisations_.clear();
    rosterOrg_.reset();
    roster_.clear();
    const std::string code = normalizedNumber(raw);
    // By credit code when one is typed, else by the beginning of the name (as people search).
    auto st = db_.prepare(
        code.size() == 18
            ? "SELECT credit_code, name, industry, COALESCE(region, '') FROM organisations "
              "WHERE credit_code = ?1"
            : "SELECT credit_code, name, industry, COALESCE(region, '') FROM organisations "
              "WHERE name >= ?1 AND name < ?1 || char(1114111) ORDER BY name LIMIT 200");
    st.bind(1, code.size() == 18 ? code : raw);
    while (st.step())
        organisations_.push_back(
            {st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3)});
    if (organisations_.size() != 1)
        return organisations_.empty()
                   ? refused("roster.no_match")
                   : done("roster.choose", std::to_string(organisations_.size()));
    rosterOrg_ = organisations_.front();
    rosterWithin_ = within;
    roster_ = compliance_->roster(rosterOrg_->creditCode, clock_.today(), within);
    // The people who need action first: barred from the post, then overdue, missing and due
    // soon; registration order within each group (stable sort).
    auto rank = [](const PersonCompliance& c) {
        if (!c.mayHoldPost) return 0;
        switch (c.worst()) {
            case RequirementState::Overdue: return 1;
            case RequirementState::Missing: return 2;
            case RequirementState::DueSoon: return 3;
            default: return 4;
        }
    };
    std::stable_sort(
        roster_.begin(), roster_.end(),
        [&](const PersonCompliance& a, const PersonCompliance& b) { return rank(a) < rank(b); });
    done("roster.loaded", std::to_string(roster_.size()));
}

void RecordsSession::loadStats(const RecordsRequest& r) {
    const auto group = statsGroupFromName(r.group);
    const auto from = parseIsoDate(r.from);
    const auto to = parseIsoDate(r.to);
    if (!group) return refused("stats.bad_group", r.group);
    if (!from || !to || *to < *from) return refused("stats.bad_period", r.from + " – " + r.to);
    statsGroup_ = *group;
    stats_ = recordsStats(db_, *group, *from, *to, regions_.regions, ledger_->rules(), industries_);
    done("stats.loaded", std::to_string(stats_.size()));
}

void RecordsSession::exportRecords(const RecordsRequest& r) {
    if (r.path.empty()) return refused("export.no_path");
    if (r.format != "csv" && r.format != "xapi") return refused("export.bad_format", r.format);
    // Written beside the target and renamed over it, so a failed export never leaves half a
    // file where an official expects a whole one.
    const std::filesystem::path target(r.path);
    const std::filesystem::path partial(r.path + ".partial");
    std::int64_t rows = 0;
    {
        // Personal data: owner-only (ledger/export_csv.h), as drillctl writes it.
        std::ofstream out = ledger::openPersonalDataFile(partial);
        if (!out) return refused("export.cannot_write", r.path);
        rows = r.format == "csv" ? exportCsv(db_, out) : exportXapi(db_, out);
        out.flush();
        if (!out) {
            std::filesystem::remove(partial);
            return refused("export.cannot_write", r.path);
        }
    }
    std::filesystem::rename(partial, target);
    done("export.done", std::to_string(rows) + " → " + r.path);
}

void RecordsSession::recordTraining(const TrainingSessionForm& f) {
    const auto date = parseIsoDate(f.date);
    if (!date) return refused("training.bad_date", f.date);
    if (*date > clock_.today()) return refused("training.future_date", f.date);
    if (f.attendees.empty()) return refused("training.no_attendees");
    if (f.topic.empty()) return refused("training.no_topic");
    // One session, one transaction: every attendee is recorded or, when the ledger refuses
    // one of them, none is (sqlite_db.h: the Ledger's own writes nest inside).
    Transaction tx(db_);
    const std::string at = clock_.utcNow();
    for (const auto& person : f.attendees) {
        TrainingInput t;
        t.personId = person;
        t.date = *date;
        t.hours = f.hours;
        t.kind = f.kind;
        t.topic = f.topic;
        t.provider = f.provider;
        t.instructor = f.instructor;
        ledger_->recordTraining(t, at);
    }
    tx.commit();
    done("training.recorded", std::to_string(f.attendees.size()));
}

void RecordsSession::recordDrillResult(const std::string& personId, const sim::ScoreReport& report,
                                       const sim::Scenario& scenario, double passPercent,
                                       const std::string& logText) {
    try {
        if (!permit(Action::RecordResults)) return;
        if (!ledger_->personExists(personId)) return refused("records.no_match");
        const std::string hash = sha256Hex(logText);
        const std::string key = hash + "/" + personId;
        if (std::find(recordedDrills_.begin(), recordedDrills_.end(), key) != recordedDrills_.end())
            return refused("report.already_recorded");
        std::filesystem::create_directories(logsDir_);
        const auto logFile = logsDir_ / (hash + ".jsonl");
        if (!std::filesystem::exists(logFile)) {
            std::ofstream out(logFile, std::ios::binary);
            out << logText;
            if (!out.flush()) return refused("export.cannot_write", logFile.string());
        }
        const auto result =
            sim::drillAssessment(report, scenario, passPercent, personId, clock_.today().iso(),
                                 ledger_->nextAttempt(personId, scenario.id), hash);
        const auto id = ledger_->recordAssessment(result, clock_.utcNow());
        recordedDrills_.push_back(key);
        done(result.complete ? "report.recorded" : "report.recorded_provisional", id);
    } catch (const LedgerError& e) {
        refused("records.refused", e.what());
    } catch (const std::exception& e) {
        refused("records.failed", e.what());
    }
    refreshCounts();
}

void RecordsSession::refreshCounts() {
    auto people = db_.prepare("SELECT COUNT(*) FROM people");
    peopleCount_ = people.step() ? people.columnInt(0) : 0;
    auto events = db_.prepare("SELECT COALESCE(MAX(seq), 0) FROM events");
    eventCount_ = events.step() ? events.columnInt(0) : 0;
}

}  // namespace drillbase::ui
