// content/training-kinds.json: the shipped file gives the answers the hard-coded table gave
// before it moved to content/, broken files are reported with file, line, column and pointer,
// and the ledger accepts and counts exactly the kinds the file lists.
#include "ledger/ledger.h"
#include "ledger/ledger_files.h"
#include "ledger/training_kinds.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace drillbase;
using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "training-kinds";

// The table that lived in training_kinds.cpp until the kinds moved to content/: every kind in
// the order it listed them, and what each counted toward (initial: arts. 9 and 13;
// three_level: arts. 12 to 16; annual and first_lesson: the refresher of arts. 9 and 13;
// review: Order No. 30; special_ops and drill: no figure).
struct OldKind {
    const char* id;
    TrainingCount counts;
};
constexpr OldKind kOldTable[] = {
    {"initial", TrainingCount::InitialHours},     {"annual", TrainingCount::AnnualHours},
    {"review", TrainingCount::ReviewHours},       {"three_level", TrainingCount::InitialHours},
    {"first_lesson", TrainingCount::AnnualHours}, {"special_ops", TrainingCount::NotCounted},
    {"drill", TrainingCount::NotCounted}};

struct Read {
    std::optional<TrainingKindList> list;
    std::vector<Diagnostic> diags;
    bool has(const std::string& formatted) const {
        return std::any_of(diags.begin(), diags.end(),
                           [&](const Diagnostic& d) { return d.format() == formatted; });
    }
    std::string all() const {
        std::string s;
        for (const auto& d : diags) s += d.format() + "\n";
        return s;
    }
};

Read readText(const std::string& text) {
    Read r;
    if (auto doc = parseJsonText("kinds.json", text, r.diags))
        r.list = readTrainingKinds(*doc, r.diags);
    return r;
}

// One entry as the shipped file writes it, on one line.
std::string entry(const std::string& id, const std::string& counts, const std::string& from,
                  const std::string& until = "") {
    return R"({"id": ")" + id + R"(", "counts_toward": ")" + counts + R"(", "effective_from": ")" +
           from + "\"" + (until.empty() ? "" : R"(, "effective_until": ")" + until + "\"") +
           R"(, "source": {"document": "d", "article": "", "verified": false, "note": "why"}})";
}

std::string file(const std::vector<std::string>& entries) {
    std::string s =
        "{\"format\": \"drillbase-training-kinds/1\", \"version\": \"t\", \"kinds\": [\n";
    for (std::size_t i = 0; i < entries.size(); ++i) s += (i ? ",\n" : "") + entries[i];
    return s + "\n]}";
}

std::string person(Ledger& ledger) {
    return ledger.registerPerson("赵六", *parseResidentId("11010519491231002X", kToday).document,
                                 kAt);
}

}  // namespace

TEST_CASE("training kinds: the shipped file gives the old answers for every kind") {
    const auto& kinds = trainingKinds();
    REQUIRE(kinds.ids().size() == std::size(kOldTable));
    // Record dates before, at and after every effective_from in the file.
    const CivilDate dates[] = {{2001, 1, 1}, {2010, 7, 1}, {2015, 7, 1},
                               {2016, 7, 1}, kToday,       {2040, 12, 31}};
    for (std::size_t i = 0; i < std::size(kOldTable); ++i) {
        const auto& old = kOldTable[i];
        CAPTURE(old.id);
        CHECK(kinds.ids()[i] == old.id);
        CHECK(kinds.contains(old.id));
        for (const auto& d : dates) {
            CAPTURE(d.iso());
            CHECK(kinds.countsAs(old.id, d) == old.counts);
            const auto rec = kinds.complianceRecord(old.id, d, 6);
            const bool hours = old.counts == TrainingCount::InitialHours ||
                               old.counts == TrainingCount::AnnualHours;
            REQUIRE(rec.has_value() == hours);
            if (rec) {
                CHECK(rec->initial == (old.counts == TrainingCount::InitialHours));
                CHECK(rec->hours == 6);
                CHECK(rec->date == d);
            }
        }
    }
    CHECK(kinds.listText() ==
          "initial, annual, review, three_level, first_lesson, special_ops or drill");
    // Unknown kinds, as before: not a kind, counted toward nothing.
    for (const char* unknown : {"Initial", "party", ""}) {
        CHECK_FALSE(kinds.contains(unknown));
        CHECK(kinds.countsAs(unknown, kToday) == TrainingCount::NotCounted);
        CHECK_FALSE(kinds.complianceRecord(unknown, kToday, 4));
    }
    // Every entry carries its source and the reasoning, as the rules file does.
    for (const auto& e : kinds.entries()) {
        CAPTURE(e.meta.id);
        CHECK_FALSE(e.meta.source.document.empty());
        CHECK_FALSE(e.meta.source.note.empty());
        CHECK_FALSE(e.meta.effectiveUntil);
    }
}

TEST_CASE("training kinds: every shipped kind has its name in both string catalogs") {
    for (const char* locale : {"en", "zh-CN"}) {
        std::ifstream in(kContent / "i18n" / (std::string(locale) + ".json"));
        const auto catalog = nlohmann::json::parse(in);
        for (const auto& id : trainingKinds().ids()) {
            CAPTURE(locale);
            CAPTURE(id);
            const auto it = catalog.find("training.kind." + id);
            REQUIRE(it != catalog.end());
            CHECK_FALSE(it->get<std::string>().empty());
        }
    }
}

TEST_CASE("training kinds: a misspelt key is reported with its line, column and pointer") {
    const auto r = readText(R"({
  "format": "drillbase-training-kinds/1",
  "version": "t",
  "kinds": [
    {"id": "initial", "counts_towards": "initial_hours", "effective_from": "2015-07-01",
     "source": {"document": "d", "article": "", "verifed": false, "note": "why"}}
  ],
  "notes": "x"
})");
    CHECK_FALSE(r.list);
    INFO(r.all());
    CHECK(
        r.has("kinds.json:5:41: /kinds/0/counts_towards: unknown key \"counts_towards\"; "
              "did you mean \"counts_toward\"?"));
    CHECK(r.has("kinds.json:5:5: /kinds/0: missing required field \"counts_toward\""));
    CHECK(
        r.has("kinds.json:6:60: /kinds/0/source/verifed: unknown key \"verifed\"; "
              "did you mean \"verified\"?"));
    CHECK(r.has("kinds.json:8:12: /notes: unknown key \"notes\"; did you mean \"note\"?"));
}

TEST_CASE("training kinds: an unknown counts_toward is reported where it is written") {
    const auto r = readText(file({entry("initial", "initial_hours", "2015-07-01"),
                                  entry("annual", "anual_hours", "2015-07-01"),
                                  entry("drill", "drills", "2016-07-01")}));
    CHECK_FALSE(r.list);
    INFO(r.all());
    CHECK(
        r.has("kinds.json:3:35: /kinds/1/counts_toward: must be initial_hours, annual_hours, "
              "review_hours or none, got \"anual_hours\"; did you mean \"annual_hours\"?"));
    CHECK(
        r.has("kinds.json:4:34: /kinds/2/counts_toward: must be initial_hours, annual_hours, "
              "review_hours or none, got \"drills\""));
    CHECK(r.diags.size() == 2);
}

TEST_CASE("training kinds: other broken entries, each with its pointer") {
    SUBCASE("a listed kind twice, an id that is no key, a bad date, no reasoning") {
        auto noNote = entry("drill", "none", "2016-07-01");
        noNote.replace(noNote.find("\"why\""), 5, "\"\"");
        const auto r = readText(file({entry("annual", "annual_hours", "2015-07-01"),
                                      entry("annual", "annual_hours", "2015-07-01"),
                                      entry("First Lesson", "annual_hours", "2015-07-01"),
                                      entry("review", "review_hours", "2010-02-30"), noNote}));
        INFO(r.all());
        CHECK_FALSE(r.list);
        CHECK(
            r.has("kinds.json:3:8: /kinds/1/id: kind \"annual\" is listed twice from 2015-07-01 "
                  "(also at /kinds/0)"));
        CHECK(
            r.has("kinds.json:4:8: /kinds/2/id: must be 1 to 64 lower-case letters, digits "
                  "and '_'"));
        CHECK(
            r.has("kinds.json:5:69: /kinds/3/effective_from: must be a real date written "
                  "YYYY-MM-DD, got \"2010-02-30\""));
        CHECK(
            r.has("kinds.json:6:144: /kinds/4/source/note: must say why the kind counts toward "
                  "what it does"));
    }
    SUBCASE("dated entries of one kind must follow each other, the latest open-ended") {
        const auto overlap =
            readText(file({entry("review", "review_hours", "2010-07-01", "2026-06-30"),
                           entry("review", "none", "2026-06-01")}));
        CHECK(
            overlap.has("kinds.json:3:61: /kinds/1/effective_from: kind \"review\" from "
                        "2026-06-01 must start 2026-07-01, the day after the entry at /kinds/0 "
                        "ends (overlap)"));
        const auto open = readText(file({entry("review", "review_hours", "2010-07-01"),
                                         entry("review", "none", "2026-06-01")}));
        CHECK(
            open.has("kinds.json:3:61: /kinds/1/effective_from: kind \"review\" from 2026-06-01: "
                     "the entry at /kinds/0 has no effective_until (set it to 2026-05-31)"));
        const auto retired = readText(file({entry("drill", "none", "2016-07-01", "2030-01-01")}));
        INFO(retired.all());
        CHECK(retired.diags.size() == 1);
        CHECK(retired.diags[0].pointer == "/kinds/0/effective_until");
        CHECK(retired.diags[0].message.find("must be open-ended") != std::string::npos);
    }
    SUBCASE("not the format, no kinds") {
        const auto r =
            readText(R"({"format": "drillbase-industries/1", "version": "t", "kinds": []})");
        INFO(r.all());
        CHECK(
            r.has("kinds.json:1:12: /format: must be \"drillbase-training-kinds/1\", got "
                  "\"drillbase-industries/1\""));
        CHECK(r.has("kinds.json:1:63: /kinds: must list at least one kind"));
        const auto array = readText("[]");
        INFO(array.all());
        CHECK(array.has("kinds.json:1:1: /: must be an object"));
    }
}

TEST_CASE("training kinds: a record is counted by the entry in force on its date") {
    // A province reads the first lesson as initial training until the end of 2019, as
    // refresher training after it.
    const auto r =
        readText(file({entry("first_lesson", "initial_hours", "2015-07-01", "2019-12-31"),
                       entry("first_lesson", "annual_hours", "2020-01-01")}));
    INFO(r.all());
    REQUIRE(r.list);
    const auto& k = *r.list;
    CHECK(k.ids() == std::vector<std::string>{"first_lesson"});
    CHECK(k.countsAs("first_lesson", {2012, 3, 1}) == TrainingCount::InitialHours);  // older
    CHECK(k.countsAs("first_lesson", {2019, 12, 31}) == TrainingCount::InitialHours);
    CHECK(k.countsAs("first_lesson", {2020, 1, 1}) == TrainingCount::AnnualHours);
    CHECK(k.complianceRecord("first_lesson", {2019, 12, 31}, 4)->initial);
    CHECK_FALSE(k.complianceRecord("first_lesson", {2020, 1, 1}, 4)->initial);
    CHECK(k.entryFor("first_lesson", {2020, 1, 1})->meta.effectiveFrom == CivilDate{2020, 1, 1});
}

TEST_CASE("training kinds: the ledger refuses a kind the file does not list") {
    // The shipped file without "drill".
    std::ifstream in(kContent / "training-kinds.json");
    auto json = nlohmann::json::parse(in);
    auto& list = json["kinds"];
    list.erase(std::remove_if(list.begin(), list.end(),
                              [](const nlohmann::json& k) { return k["id"] == "drill"; }),
               list.end());
    const auto r = readText(json.dump(2));
    REQUIRE(r.list);
    CHECK_FALSE(r.list->contains("drill"));

    SqliteDb db(freshDb(kDbFolder, "refused"));
    Ledger ledger(db, LookupKey::generate(), industries(), rules(), *r.list);
    const auto p = person(ledger);
    const auto events = count(db, "SELECT count(*) FROM events");
    CHECK_THROWS_WITH_AS(
        ledger.recordTraining({p, {2026, 5, 1}, 4, "drill", "疏散演练", "", ""}, kAt),
        doctest::Contains("training kind: \"drill\" is not initial, annual, review, three_level, "
                          "first_lesson or special_ops"),
        LedgerError);
    CHECK(count(db, "SELECT count(*) FROM events") == events);
    CHECK_NOTHROW(ledger.recordTraining({p, {2026, 5, 1}, 4, "annual", "再培训", "", ""}, kAt));
}

TEST_CASE("training kinds: review training is what the file counts toward review hours") {
    // A province's own kind that counts toward review hours next to the shipped ones.
    const auto r = readText(file({entry("review", "review_hours", "2010-07-01"),
                                  entry("review_online", "review_hours", "2010-07-01"),
                                  entry("annual", "annual_hours", "2015-07-01")}));
    REQUIRE(r.list);
    SqliteDb db(freshDb(kDbFolder, "review"));
    Ledger ledger(db, LookupKey::generate(), industries(), rules(), *r.list);
    const auto p = person(ledger);
    ledger.recordExam(p, "special_operations", ExamPart::Theory, {2023, 11, 1}, 86, kAt);
    ledger.recordExam(p, "special_operations", ExamPart::Practical, {2023, 11, 10}, 92, kAt);
    const auto cert = ledger.issueSpecialOpsCertificate(p, "T11010519491231002X", "低压电工作业",
                                                        {2023, 11, 24}, kAt);
    ledger.recordTraining(p, {2026, 10, 1}, 6, "review", "低压电工复审培训", kAt);
    ledger.recordTraining(p, {2026, 10, 2}, 8, "annual", "年度再培训", kAt);
    CHECK_THROWS_WITH_AS(ledger.recordCertificateReview(cert, {2026, 11, 23}, kAt),
                         doctest::Contains("review training: 6 of 8 class hours"), LedgerError);
    ledger.recordTraining(p, {2026, 10, 3}, 2, "review_online", "线上复审培训", kAt);
    CHECK_NOTHROW(ledger.recordCertificateReview(cert, {2026, 11, 23}, kAt));
}

TEST_CASE("training kinds: the loader names the file, and a ledger does not open without it") {
    const auto dir = fs::temp_directory_path() / ("drillbase-test-" + std::to_string(::getpid())) /
                     kDbFolder / "content";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto bad = dir / "training-kinds.json";
    std::ofstream(bad) << file({entry("annual", "anual_hours", "2015-07-01")});
    const auto located = bad.string() + ":2:35: /kinds/0/counts_toward: must be";
    CHECK_THROWS_WITH_AS(loadTrainingKindsFile(bad), doctest::Contains(located.c_str()),
                         ContentError);
    std::ofstream(bad) << "{\"format\": ";
    const auto syntax = bad.string() + ":1:";
    CHECK_THROWS_WITH_AS(loadTrainingKindsFile(bad), doctest::Contains(syntax.c_str()),
                         ContentError);

    // The other content files, but no training-kinds.json: the ledger refuses to open.
    fs::remove(bad);
    for (const char* f : {"industries.json", "certification-rules.json"})
        fs::copy_file(kContent / f, dir / f);
    const auto dbFile = scratchDb(kDbFolder, "no-kinds-file");
    SqliteDb db(dbFile);
    initializeLedgerIfNeeded(db, dbFile);
    const auto missing = (dir / "training-kinds.json").string() + ":1:1: cannot read file";
    CHECK_THROWS_WITH_AS(openLedgerFiles(db, dbFile, dir), doctest::Contains(missing.c_str()),
                         ContentError);
    fs::copy_file(kContent / "training-kinds.json", dir / "training-kinds.json");
    CHECK(openLedgerFiles(db, dbFile, dir)->trainingKinds().ids().size() == std::size(kOldTable));
}
