// The records screens, headless: a ledger seeded through the ledger library, then the App
// driven through the same request path the window uses — sign-in, the first admin, the
// official's look-ups and export, the instructor's training session — and every screen drawn
// in both languages for each role.
#include "ledger/identity_document.h"
#include "ledger/ledger_files.h"
#include "ledger/sha256.h"
#include "ui/frame.h"
#include "ui_fixture.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace drillbase;
using namespace drillbase::ui;

namespace {

const ledger::CivilDate kToday{2026, 11, 23};
const char* kAt = "2026-11-23T09:00:00Z";
const char* kOrg = "914403001922038216";
const char* kZhang = "11010519491231002X";  // 张三, holds an electrician's certificate
const char* kLi = "440524188001010014";     // 李四
const char* kWang = "370102198506121239";   // 王五
const char* kPassword = "correct horse battery";

RecordsClock fixedClock() {
    return {[] { return std::string("2026-11-23T10:00:00Z"); }, [] { return kToday; }};
}

// A ledger with three people at one organisation; 张三's certificate (issued 2020-12-01,
// valid 6 years) expires on 2026-12-01, 8 days after kToday.
struct Seeded {
    std::filesystem::path db;
    std::string zhang, li, wang;
};

Seeded seed(const char* name) {
    Seeded s;
    s.db = testDbPath(name);
    ledger::SqliteDb db(s.db);
    ledger::initializeLedgerIfNeeded(db, s.db);
    auto l = ledger::openLedgerFiles(db, s.db, sourceContent());
    auto doc = [](const char* id) { return *ledger::parseResidentId(id, kToday).document; };
    l->registerOrganisation(kOrg, "示范化工有限公司", "hazardous_chemicals", kAt);
    s.zhang = l->registerPerson("张三", doc(kZhang), kAt);
    s.li = l->registerPerson("李四", doc(kLi), kAt);
    s.wang = l->registerPerson("王五", doc(kWang), kAt);
    for (const auto& p : {s.zhang, s.li, s.wang})
        l->assignRole(p, kOrg, ledger::Role::SpecialOperationsWorker, {2020, 1, 1}, kAt);
    l->recordTraining(s.zhang, {2020, 10, 1}, 40, "initial", "低压电工作业", kAt);
    l->recordExam(s.zhang, "special_operations", ledger::ExamPart::Theory, {2020, 11, 1}, 88, kAt);
    l->recordExam(s.zhang, "special_operations", ledger::ExamPart::Practical, {2020, 11, 10}, 90,
                  kAt);
    l->issueSpecialOpsCertificate(s.zhang, std::string("T") + kZhang, "低压电工作业", {2020, 12, 1},
                                  kAt);
    ledger::UserDirectory users(db, ledger::PasswordCost::testOnlyMinimum());
    const auto admin = users.bootstrapAdmin("admin", kPassword, kAt);
    users.addUser(admin, "teacher", ledger::UserRole::Instructor, kPassword, kAt);
    users.addUser(admin, "inspector", ledger::UserRole::Official, kPassword, kAt);
    users.addUser(admin, "student", ledger::UserRole::Trainee, kPassword, kAt);
    return s;
}

struct Gui {
    explicit Gui(const std::filesystem::path& db)
        : app(sourceContent(), db, ledger::PasswordCost::testOnlyMinimum(), fixedClock()),
          imgui(app) {}
    UiRequests frame() {
        ImGui::NewFrame();
        auto r =
            drawFrame(app.strings(), app.state(), app.info(), app.drillView(), app.recordsView());
        ImGui::Render();
        return r;
    }
    void request(RecordsRequest r) {
        UiRequests q;
        q.records.push_back(std::move(r));
        app.apply(q);
    }
    const RecordsSession& records() { return *app.records(); }
    App app;
    HeadlessImGui imgui;
};

RecordsRequest find(const std::string& text) {
    RecordsRequest r;
    r.op = RecordsOp::FindPeople;
    r.text = text;
    return r;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("a new database asks for the first administrator, then signs them in") {
    Gui gui(testDbPath("records-first-admin"));
    REQUIRE(gui.app.records());
    CHECK_FALSE(gui.records().hasUsers());
    gui.app.state().screen = Screen::Official;
    gui.frame();  // the first-admin form, drawn without a signed-in user
    CHECK_FALSE(gui.records().allowed(ledger::Action::ReadRecords));

    RecordsRequest r;
    r.op = RecordsOp::CreateFirstAdmin;
    r.name = "admin";
    r.password = kPassword;
    r.repeat = "something else";
    gui.request(r);
    CHECK_FALSE(gui.records().notice().ok);
    CHECK(gui.records().notice().key == "login.passwords_differ");
    CHECK_FALSE(gui.records().hasUsers());

    r.repeat = kPassword;
    r.password = r.repeat = "short";
    gui.request(r);
    CHECK(gui.records().notice().key == "login.bad_password");

    r.password = r.repeat = kPassword;
    gui.request(r);
    CHECK(gui.records().notice().ok);
    REQUIRE(gui.records().user());
    CHECK(gui.records().user()->role == ledger::UserRole::Admin);
    // A second "first admin" is refused once one exists.
    r.name = "intruder";
    gui.request(r);
    CHECK(gui.records().notice().key == "login.first_admin_exists");
    gui.frame();
}

TEST_CASE("an official finds people by name, identity number and certificate number") {
    const auto seeded = seed("records-official");
    Gui gui(seeded.db);
    gui.app.state().screen = Screen::Official;

    // Before sign-in nothing is answered, whatever a panel asks.
    gui.request(find("张"));
    CHECK(gui.records().notice().key == "records.sign_in_first");
    CHECK(gui.records().hits().empty());

    CHECK_FALSE(gui.app.signIn("inspector", "wrong password"));
    CHECK(gui.records().notice().key == "login.failed");
    REQUIRE(gui.app.signIn("inspector", kPassword));

    gui.request(find("张"));
    REQUIRE(gui.records().hits().size() == 1);
    REQUIRE(gui.records().archive());
    const auto& a = *gui.records().archive();
    CHECK(a.name == "张三");
    CHECK(a.idMasked == "110105********002X");
    int certificates = 0, exams = 0;
    for (const auto& rec : a.records) {
        certificates += rec.record == "certificate";
        exams += rec.record == "exam";
    }
    CHECK(certificates == 1);
    CHECK(exams == 2);

    // The identity number, typed with a lower-case x and spaces, and the certificate number.
    gui.request(find("440524 1880 0101 0014"));
    REQUIRE(gui.records().archive());
    CHECK(gui.records().archive()->personId == seeded.li);
    gui.request(find(std::string("t") + "11010519491231002x"));
    REQUIRE(gui.records().archive());
    CHECK(gui.records().archive()->personId == seeded.zhang);
    // A number with a wrong check character is refused with the reason, not "nobody".
    gui.request(find("110105194912310021"));
    CHECK_FALSE(gui.records().notice().ok);
    CHECK(gui.records().notice().key == "records.bad_number");

    RecordsRequest expiring;
    expiring.op = RecordsOp::LoadExpiring;
    expiring.days = 30;
    gui.request(expiring);
    REQUIRE(gui.records().expiring().size() == 1);
    CHECK(gui.records().expiring()[0].expires == "2026-12-01");
    expiring.days = 7;  // the certificate ends 8 days after today
    gui.request(expiring);
    CHECK(gui.records().expiring().empty());

    for (const char* loc : {"zh-CN", "en"}) {
        gui.app.setLocale(loc);
        gui.frame();
    }
}

TEST_CASE("an official exports CSV with masked numbers; an instructor may not export") {
    const auto seeded = seed("records-export");
    Gui gui(seeded.db);
    REQUIRE(gui.app.signIn("inspector", kPassword));
    const auto out = seeded.db.parent_path() / "export.csv";
    RecordsRequest r;
    r.op = RecordsOp::Export;
    r.format = "csv";
    r.path = out.string();
    gui.request(r);
    CHECK(gui.records().notice().ok);
    const auto csv = slurp(out);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);  // UTF-8 byte order mark for Excel
    CHECK(csv.find("张三") != std::string::npos);
    for (const char* id : {kZhang, kLi, kWang}) CHECK(csv.find(id) == std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out.string() + ".partial"));

    r.path = (seeded.db.parent_path() / "no-such-dir" / "x.csv").string();
    gui.request(r);
    CHECK(gui.records().notice().key == "export.cannot_write");

    RecordsRequest signOut;
    signOut.op = RecordsOp::SignOut;
    gui.request(signOut);
    CHECK_FALSE(gui.records().user());
    CHECK(gui.records().hits().empty());
    REQUIRE(gui.app.signIn("teacher", kPassword));
    r.path = out.string();
    gui.request(r);
    CHECK(gui.records().notice().key == "records.denied");
}

TEST_CASE("an instructor records a training session for its attendees, all or none") {
    const auto seeded = seed("records-training");
    Gui gui(seeded.db);
    gui.app.state().screen = Screen::Training;
    REQUIRE(gui.app.signIn("teacher", kPassword));
    gui.frame();

    RecordsRequest r;
    r.op = RecordsOp::RecordTraining;
    r.training.date = "2026-11-20";
    r.training.hours = 4;
    r.training.kind = "annual";
    r.training.topic = "受限空间作业安全";
    r.training.provider = "示范培训中心";
    r.training.instructor = "teacher";
    r.training.attendees = {seeded.li, seeded.wang, "base-x:999"};  // the last is unknown
    gui.request(r);
    CHECK_FALSE(gui.records().notice().ok);
    CHECK(gui.records().notice().key == "records.refused");
    const auto before = gui.records().eventCount();

    r.training.attendees = {seeded.li, seeded.wang};
    gui.request(r);
    CHECK(gui.records().notice().ok);
    CHECK(gui.records().eventCount() == before + 2);
    {
        // The chain says who entered the records, not only when.
        ledger::SqliteDb db(seeded.db);
        auto st = db.prepare("SELECT payload FROM events ORDER BY seq DESC LIMIT 2");
        int byTeacher = 0;
        while (st.step())
            byTeacher += st.columnText(0).find("\"recorded_by\":\"teacher\"") != std::string::npos;
        CHECK(byTeacher == 2);
    }
    gui.request(find("李四"));
    REQUIRE(gui.records().archive());
    bool found = false;
    for (const auto& rec : gui.records().archive()->records)
        found |= rec.record == "training" && rec.subject == "受限空间作业安全" && rec.hours == 4;
    CHECK(found);

    r.training.date = "2026-11-24";  // tomorrow
    gui.request(r);
    CHECK(gui.records().notice().key == "training.future_date");
    r.training.date = "2026-11-20";
    r.training.attendees.clear();
    gui.request(r);
    CHECK(gui.records().notice().key == "training.no_attendees");
    CHECK(gui.records().eventCount() == before + 2);
}

TEST_CASE("an admin disables an account, which then cannot sign in") {
    const auto seeded = seed("records-disable");
    Gui gui(seeded.db);
    REQUIRE(gui.app.signIn("admin", kPassword));
    RecordsRequest r;
    r.op = RecordsOp::DisableUser;
    r.name = "admin";  // one's own account: refused
    gui.request(r);
    CHECK_FALSE(gui.records().notice().ok);
    r.name = "student";
    gui.request(r);
    CHECK(gui.records().notice().key == "users.disabled_done");
    bool disabled = false;
    for (const auto& u : gui.records().users()) disabled |= u.name == "student" && u.disabled;
    CHECK(disabled);
    gui.app.state().screen = Screen::Official;
    gui.app.openRecordsTab("users", "");
    gui.frame();
    CHECK_FALSE(gui.app.signIn("student", kPassword));
    // An official may not manage users.
    REQUIRE(gui.app.signIn("inspector", kPassword));
    r.name = "teacher";
    gui.request(r);
    CHECK(gui.records().notice().key == "records.denied");
}

TEST_CASE("each role sees only its screens; every screen draws in both languages") {
    const auto seeded = seed("records-roles");
    for (const char* who : {"student", "teacher", "inspector", "admin"}) {
        Gui gui(seeded.db);
        REQUIRE(gui.app.signIn(who, kPassword));
        const auto role = gui.records().user()->role;
        CHECK(gui.records().allowed(ledger::Action::ReadRecords) ==
              (role != ledger::UserRole::Trainee));
        gui.request(find("王五"));
        if (role == ledger::UserRole::Trainee) {
            CHECK(gui.records().notice().key == "records.denied");
            CHECK(gui.records().hits().empty());
        } else {
            CHECK(gui.records().hits().size() == 1);
        }
        for (const char* loc : {"zh-CN", "en"})
            for (Screen s : kAllScreens) {
                gui.app.setLocale(loc);
                gui.app.state().screen = s;
                gui.frame();
            }
    }
}

TEST_CASE("an instructor records a finished drill in a trainee's archive, with its log kept") {
    const auto seeded = seed("records-drill");
    Gui gui(seeded.db);
    const auto scenarios = std::filesystem::path(DRILLBASE_SOURCE_DIR) / "scenarios";
    std::string why;
    REQUIRE(gui.app.startScenarioFile(
        scenarios / "chlorine-waterworks-night.json",
        scenarios / "actions" / "chlorine-waterworks-night.model.json", 3600, why));
    UiRequests end;
    end.drillCommands.push_back(sim::makeCommand("end_drill"));
    gui.app.apply(end);
    REQUIRE(gui.app.session()->report());
    CHECK(gui.app.state().screen == Screen::Report);
    gui.frame();  // the report with the sign-in form for recording

    RecordsRequest record;
    record.op = RecordsOp::RecordDrillResult;
    record.personId = seeded.wang;
    gui.request(record);  // nobody signed in
    CHECK(gui.records().notice().key == "records.sign_in_first");

    REQUIRE(gui.app.signIn("teacher", kPassword));
    gui.request(record);
    CHECK(gui.records().notice().key == "report.recorded_provisional");
    gui.frame();
    // The log the ledger's hash names is kept beside the database, byte for byte.
    const auto logs = seeded.db.parent_path() / "drill-logs";
    const auto log = gui.app.session()->log();
    REQUIRE(std::filesystem::exists(logs / (ledger::sha256Hex(log) + ".jsonl")));
    CHECK(slurp(logs / (ledger::sha256Hex(log) + ".jsonl")) == log);

    gui.request(record);  // the same drill again for the same person
    CHECK(gui.records().notice().key == "report.already_recorded");
    // The scenario has items an evaluator marks by hand, so the result is provisional: it is
    // in the ledger (complete = 0) but stays out of the archive and pass rates until marked.
    CHECK(gui.records().eventCount() > 0);
    ledger::SqliteDb db(seeded.db);
    auto st = db.prepare(
        "SELECT complete, attempt, source_hash FROM results WHERE person_id = ? AND reference = ?");
    st.bind(1, seeded.wang);
    st.bind(2, std::string_view("chlorine-waterworks-night"));
    REQUIRE(st.step());
    CHECK(st.columnInt(0) == 0);
    CHECK(st.columnInt(1) == 1);
    CHECK(st.columnText(2) == ledger::sha256Hex(log));
    CHECK_FALSE(st.step());
}
