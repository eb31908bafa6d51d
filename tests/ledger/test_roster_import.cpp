// Roster import: a per-row report, all or nothing by default, partial with a reject file, and
// a ledger that stays consistent when the import fails or the process is killed half-way.
#include "ledger/id_number.h"
#include "ledger/roster_import.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

const fs::path kFixtures = fs::path(DRILLBASE_SOURCE_DIR) / "tests" / "ledger" / "fixtures";
const char* kOrg = "914403001922038216";

constexpr const char* kDbFolder = "roster";
constexpr const char* kBaseId = "base-roster";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const LookupKey& key() {
    static const LookupKey k = *LookupKey::fromHex(std::string(64, 'b'));
    return k;
}

RosterImportOptions options(RosterMode mode = RosterMode::AllOrNothing) {
    RosterImportOptions o;
    o.mode = mode;
    o.today = kToday;
    o.at = kAt;
    return o;
}

// A ledger with the one organisation the fixtures name.
fs::path ledgerWithOrg(const std::string& name) {
    const auto file = freshDb(kDbFolder, name, kBaseId);
    SqliteDb db(file);
    BulkWriter w(db, key(), rules());
    w.registerOrganisation(kOrg, "华为技术有限公司", "manufacturing", kAt);
    return file;
}

bool hasIssue(const RosterImportResult& r, std::size_t row, const std::string& column,
              const std::string& reasonPart) {
    for (const auto& i : r.issues)
        if (i.row == row && i.column == column && i.reason.find(reasonPart) != std::string::npos)
            return true;
    return false;
}

// A roster of n valid rows (370102 + birth date 1980-01-01 + sequence), header first.
std::string bigRoster(int n) {
    std::string csv = "name,id_number,org_credit_code,role\n";
    for (int i = 0; i < n; ++i) {
        std::string first17 = "37010219800101";
        const std::string seq = std::to_string(i);
        first17 += std::string(3 - seq.size(), '0') + seq;
        csv += "工人" + std::to_string(i) + "," + first17 + gb11643CheckChar(first17) + "," + kOrg +
               ",new_worker\n";
    }
    return csv;
}

}  // namespace

TEST_CASE("roster import: a good roster is recorded, people and roles, in one go") {
    SqliteDb db(ledgerWithOrg("good"));
    BulkWriter w(db, key(), rules());
    const auto r = importRoster(w, db, slurp(kFixtures / "roster_good.csv"), options());
    CHECK(r.ok());
    CHECK(r.rowsRead == 3);
    CHECK(r.imported == 3);
    CHECK(count(db, "SELECT count(*) FROM people") == 3);
    CHECK(count(db, "SELECT count(*) FROM people WHERE name = '欧阳, 明'") == 1);
    CHECK(count(db,
                "SELECT count(*) FROM roles WHERE role = 'special_operations_worker' AND "
                "since = '2020-05-18'") == 1);
    CHECK(count(db, "SELECT count(*) FROM roles WHERE since = '2026-11-23'") == 1);  // default
    CHECK(w.events().verify().ok());
    // Importing the same roster again: every row is a person already registered.
    const auto again = importRoster(w, db, slurp(kFixtures / "roster_good.csv"), options());
    CHECK(again.issues.size() == 3);
    CHECK(hasIssue(again, 2, "id_number", "already registered as person base-roster:2"));
    CHECK(count(db, "SELECT count(*) FROM people") == 3);
}

TEST_CASE("roster import: every bad row is reported and a failed import changes nothing") {
    SqliteDb db(ledgerWithOrg("bad"));
    BulkWriter w(db, key(), rules());
    const auto before = w.events().verify();
    const auto r = importRoster(w, db, slurp(kFixtures / "roster_bad.csv"), options());
    CHECK(r.rowsRead == 6);
    CHECK(r.imported == 0);
    CHECK(hasIssue(r, 3, "id_number", "bad check character"));
    CHECK(hasIssue(r, 4, "id_number", "bad check character"));
    CHECK(hasIssue(r, 4, "org_credit_code", "91370102MA3C4K7P03 is not registered"));
    CHECK(hasIssue(r, 5, "role", "unknown role \"boss\""));
    CHECK(hasIssue(r, 6, "id_number", "same person as row 2"));
    CHECK(hasIssue(r, 6, "since", "in the future"));
    CHECK(r.issues.size() == 6);
    // No full identity number in the report: only masked forms.
    for (const auto& i : r.issues) CHECK(i.reason.find("198503121233") == std::string::npos);
    const auto after = w.events().verify();
    CHECK(after.ok());
    CHECK(after.eventsChecked == before.eventsChecked);
    CHECK(after.headHash == before.headHash);
    CHECK(count(db, "SELECT count(*) FROM people") == 0);
}

TEST_CASE("roster import: partial mode records the good rows and writes a reject file") {
    SqliteDb db(ledgerWithOrg("partial"));
    BulkWriter w(db, key(), rules());
    const auto r =
        importRoster(w, db, slurp(kFixtures / "roster_bad.csv"), options(RosterMode::Partial));
    CHECK(r.imported == 2);
    CHECK(r.rejectedRecords.size() == 4);
    CHECK(count(db, "SELECT count(*) FROM people") == 2);
    CHECK(count(db, "SELECT count(*) FROM people WHERE name IN ('王伟', '周杰')") == 2);
    std::ostringstream rejects;
    writeRosterRejects(rejects, r);
    const auto doc = parseCsv(rejects.str());
    REQUIRE_FALSE(doc.error);
    REQUIRE(doc.records.size() == 5);
    CHECK(doc.records[0].fields.back() == "reject_reason");
    CHECK(doc.records[1].fields[0] == "李娜");
    CHECK(doc.records[1].fields[5] == "3");
    CHECK(doc.records[2].fields[6].find("org_credit_code: organisation") != std::string::npos);
    CHECK(w.events().verify().ok());
}

TEST_CASE("roster import: unbalanced quotes and a bad header are located") {
    SqliteDb db(ledgerWithOrg("syntax"));
    BulkWriter w(db, key(), rules());
    const auto r = importRoster(w, db, slurp(kFixtures / "roster_unbalanced.csv"), options());
    CHECK(hasIssue(r, 3, "name", "unbalanced quotes"));
    CHECK(r.imported == 0);
    CHECK(count(db, "SELECT count(*) FROM people") == 0);
    const auto h = importRoster(w, db, "name,id,org_credit_code\n", options());
    CHECK(hasIssue(h, 1, "id", "unknown column"));
    CHECK(hasIssue(h, 1, "id_number", "required column"));
    CHECK(hasIssue(h, 1, "role", "required column"));
    CHECK(hasIssue(importRoster(w, db, "", options()), 1, "", "empty"));
}

TEST_CASE("roster import: an exception half-way leaves the ledger as it was") {
    SqliteDb db(ledgerWithOrg("throw"));
    BulkWriter w(db, key(), rules());
    const auto before = w.events().verify();
    auto o = options();
    o.afterRow = [](std::size_t row) {
        if (row == 150) throw std::runtime_error("disk full");
    };
    CHECK_THROWS_AS(importRoster(w, db, bigRoster(300), o), std::runtime_error);
    const auto after = w.events().verify();
    CHECK(after.ok());
    CHECK(after.headHash == before.headHash);
    CHECK(count(db, "SELECT count(*) FROM people") == 0);
    CHECK(count(db, "SELECT count(*) FROM events") == before.eventsChecked);
}

TEST_CASE("roster import: a process killed (SIGKILL) half-way leaves the ledger consistent") {
    const auto file = ledgerWithOrg("killed");
    std::string beforeHead;
    std::int64_t beforeEvents = 0;
    {
        SqliteDb db(file);
        SqliteEventStorage s(db);
        const auto v = EventStore(s).verify();
        beforeHead = v.headHash;
        beforeEvents = v.eventsChecked;
    }  // closed before fork: an SQLite connection must not cross fork()
    const std::string roster = bigRoster(400);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        SqliteDb db(file);
        BulkWriter w(db, key(), rules());
        auto o = options();
        o.afterRow = [](std::size_t row) {
            if (row == 200) ::kill(::getpid(), SIGKILL);  // no unwinding, no rollback
        };
        importRoster(w, db, roster, o);
        ::_exit(0);  // not reached
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    // Reopening recovers from the WAL: the half-written transaction is gone.
    SqliteDb db(file);
    BulkWriter w(db, key(), rules());
    const auto after = w.events().verify();
    CHECK(after.ok());
    CHECK(after.eventsChecked == beforeEvents);
    CHECK(after.headHash == beforeHead);
    CHECK(count(db, "SELECT count(*) FROM people") == 0);
    // No lock left behind: the same roster imports completely now.
    const auto r = importRoster(w, db, roster, options());
    CHECK(r.ok());
    CHECK(r.imported == 400);
    CHECK(w.events().verify().eventsChecked == beforeEvents + 800);
}

TEST_CASE("roster import: passport rows for foreign staff, keyed by number and issuing state") {
    SqliteDb db(ledgerWithOrg("passports"));
    BulkWriter w(db, key(), rules());
    // The same passport number issued by two states is two people; the number is normalised
    // (case, the spaces and dashes of the data page), the state upper-cased; an empty
    // document_type is a resident identity number.
    const std::string csv =
        std::string("name,id_number,org_credit_code,role,document_type,country\n") +
        "John Smith,c01x-00t 47," + kOrg + ",new_worker,passport,deu\n" +
        "Jeanne Martin,C01X00T47," + kOrg + ",safety_manager,passport,FRA\n" +
        "王伟,370102198503121233," + kOrg + ",new_worker,,\n";
    const auto r = importRoster(w, db, csv, options());
    CHECK(r.ok());
    CHECK(r.imported == 3);
    CHECK(count(db, "SELECT count(*) FROM people WHERE document_type = 'passport'") == 2);
    CHECK(count(db,
                "SELECT count(*) FROM people WHERE document_type = 'passport' AND "
                "id_masked = '******T47' AND country IN ('DEU', 'FRA')") == 2);
    CHECK(count(db,
                "SELECT count(*) FROM people WHERE document_type = 'resident_id' AND "
                "country = 'CHN'") == 1);
    // The number is never stored in the clear, in the events or the tables.
    CHECK(count(db, "SELECT count(*) FROM events WHERE upper(payload) LIKE '%C01X00T47%'") == 0);
    CHECK(count(db, "SELECT count(*) FROM people WHERE id_masked LIKE '%C01X%'") == 0);
    CHECK(w.events().verify().ok());

    // The same passport again, spelt as in the MRZ ("D<<" is Germany in ICAO 9303), is found
    // as the person already registered; the type is read without regard to case.
    const auto dup =
        importRoster(w, db,
                     std::string("name,id_number,org_credit_code,role,document_type,country\n") +
                         "J. Smith,C01X00T47<<," + kOrg + ",new_worker,Passport,D<<\n",
                     options());
    CHECK(dup.issues.size() == 1);
    CHECK(hasIssue(dup, 2, "id_number", "******T47 is already registered as person base-roster:2"));
    CHECK(count(db, "SELECT count(*) FROM people") == 3);
}

TEST_CASE("roster import: bad passport rows are refused naming the column, nothing changes") {
    SqliteDb db(ledgerWithOrg("passports-bad"));
    BulkWriter w(db, key(), rules());
    const auto before = w.events().verify();
    // Rows 2 to 11; ORG stands for the registered organisation.
    std::string csv = R"(name,id_number,org_credit_code,role,document_type,country
A,E12345678,ORG,new_worker,passport,
B,E12345679,ORG,new_worker,passport,DE
C,E12345670,ORG,new_worker,passport,CHN
D,E1234567890,ORG,new_worker,passport,GBR
E,E1234567!,ORG,new_worker,passport,GBR
F,E12345671,ORG,new_worker,visa,GBR
G,370102198503121233,ORG,new_worker,,DEU
H,K9876543,ORG,new_worker,passport,KOR
I,k 987 6543,ORG,new_worker,passport,kor
J,E12,ORG,new_worker,passport,USA
)";
    for (auto at = csv.find("ORG"); at != std::string::npos; at = csv.find("ORG", at))
        csv.replace(at, 3, kOrg);
    const auto r = importRoster(w, db, csv, options());
    CHECK(r.rowsRead == 10);
    CHECK(r.imported == 0);
    CHECK(hasIssue(r, 2, "country", "required for a passport"));
    CHECK(hasIssue(r, 3, "country", "3-letter ISO 3166-1 alpha-3"));
    CHECK(hasIssue(r, 4, "country", "CHN passport belongs to a Chinese citizen"));
    CHECK(hasIssue(r, 5, "id_number", "5 to 9 letters or digits (ICAO 9303 MRZ), found 11"));
    CHECK(hasIssue(r, 6, "id_number", "only the letters A-Z and digits 0-9"));
    CHECK(hasIssue(r, 7, "document_type", "unknown document type \"visa\""));
    CHECK(hasIssue(r, 8, "country", "resident_id is issued by CHN"));
    CHECK(hasIssue(r, 10, "id_number", "*****543 is the same person as row 9"));
    CHECK(hasIssue(r, 11, "id_number", "found 3"));
    CHECK(r.issues.size() == 9);
    // No passport number in the clear in the report.
    for (const auto& i : r.issues) CHECK(i.reason.find("9876543") == std::string::npos);
    const auto after = w.events().verify();
    CHECK(after.ok());
    CHECK(after.eventsChecked == before.eventsChecked);
    CHECK(after.headHash == before.headHash);
    CHECK(count(db, "SELECT count(*) FROM people") == 0);
}

TEST_CASE("roster import: names go through the text rules, located by row and column") {
    SqliteDb db(ledgerWithOrg("names"));
    BulkWriter w(db, key(), rules());
    const auto before = w.events().verify();
    // The name is the second column here, so the column number is the file's, not the
    // position of "name" in the list of known columns.
    const std::string csv = std::string("id_number,name,org_credit_code,role\n") +
                            "370102198503121233,李\x1b[2J娜," + kOrg + ",new_worker\n" +
                            "370602199902285325," + std::string(65, 'x') + "," + kOrg +
                            ",new_worker\n" + "370202199207042469,Jose\xCC\x81," + kOrg +
                            ",new_worker\n" + "37030319780115081X,王伟," + kOrg + ",new_worker\n";
    const auto r = importRoster(w, db, csv, options());
    CHECK(r.rowsRead == 4);
    CHECK(r.imported == 0);
    CHECK(hasIssue(r, 2, "name", "contains U+001B at character 2, a control character (column 2)"));
    CHECK(hasIssue(r, 3, "name", "is 65 characters long; a person name has at most 64"));
    CHECK(hasIssue(r, 4, "name", "not in Unicode NFC (composed) form at character 4"));
    CHECK(r.issues.size() == 3);
    const auto after = w.events().verify();
    CHECK(after.ok());
    CHECK(after.headHash == before.headHash);
    CHECK(count(db, "SELECT count(*) FROM people") == 0);

    // Partial: the good row is recorded, the three others are rejected with their reasons,
    // and the reject file shows their identity numbers masked only.
    const auto p = importRoster(w, db, csv, options(RosterMode::Partial));
    CHECK(p.imported == 1);
    REQUIRE(p.rejectedRecords.size() == 3);
    std::ostringstream rejects;
    writeRosterRejects(rejects, p);
    const auto text = rejects.str();
    for (const char* full : {"370102198503121233", "370602199902285325", "370202199207042469"})
        CHECK(text.find(full) == std::string::npos);
    const auto doc = parseCsv(text);
    REQUIRE_FALSE(doc.error);
    REQUIRE(doc.records.size() == 4);
    CHECK(doc.records[1].fields[0] == "370102********1233");
    CHECK(doc.records[2].fields[0] == "370602********5325");
    CHECK(doc.records[3].fields[0] == "370202********2469");
    CHECK(doc.records[1].fields[1] == "李\x1b[2J娜");  // the name as read, to be fixed there
    CHECK(doc.records[1].fields[5].find("name: contains U+001B") != std::string::npos);
    CHECK(count(db, "SELECT count(*) FROM people WHERE name = '王伟'") == 1);
    CHECK(w.events().verify().ok());
}

TEST_CASE("roster import: the reject file masks passport numbers and legacy 15-digit numbers") {
    SqliteDb db(ledgerWithOrg("rejects-masked"));
    BulkWriter w(db, key(), rules());
    const std::string csv =
        std::string("name,id_number,org_credit_code,role,document_type,country\n") +
        "John Smith,C01X00T47," + kOrg + ",boss,passport,DEU\n" + "王伟,370102850312123," + kOrg +
        ",boss,,\n";
    const auto r = importRoster(w, db, csv, options(RosterMode::Partial));
    REQUIRE(r.rejectedRecords.size() == 2);
    std::ostringstream rejects;
    writeRosterRejects(rejects, r);
    const auto doc = parseCsv(rejects.str());
    REQUIRE_FALSE(doc.error);
    REQUIRE(doc.records.size() == 3);
    CHECK(doc.records[1].fields[1] == "******T47");
    CHECK(doc.records[2].fields[1] == "370102********3");
    CHECK(rejects.str().find("C01X00T47") == std::string::npos);
    CHECK(rejects.str().find("850312") == std::string::npos);
}
