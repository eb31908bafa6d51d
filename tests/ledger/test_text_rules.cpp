// Text rules (text_rules.h): lengths per field, no control characters, Unicode NFC — and that
// the ledger refuses such text with its reason on both write paths (Ledger, BulkWriter).
#include "ledger/bulk_writer.h"
#include "ledger/text_rules.h"
#include "ledger_fixture.h"

#include <doctest/doctest.h>

#include <string>

using namespace drillbase::ledger;
using namespace drillbase::ledger::testing;

namespace {

constexpr const char* kDbFolder = "text_rules";
constexpr const char* kOrg = "914403001922038216";

bool has(const std::optional<std::string>& problem, const std::string& part) {
    return problem && problem->find(part) != std::string::npos;
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// The message of the LedgerError `fn` throws, or "" when it does not throw.
template <class Fn>
std::string refusal(Fn fn) {
    try {
        fn();
    } catch (const LedgerError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("text rules: ordinary names and text are accepted") {
    CHECK_FALSE(textProblem("王伟", TextField::PersonName));
    CHECK_FALSE(textProblem("阿卜杜热依木·买买提", TextField::PersonName));
    CHECK_FALSE(textProblem("Zoë O'Brien-Müller", TextField::PersonName));
    CHECK_FALSE(textProblem("", TextField::PersonName));  // emptiness is the caller's rule
    CHECK_FALSE(textProblem(repeat("张", 64), TextField::PersonName));
    CHECK_FALSE(textProblem(repeat("a", 1000), TextField::FreeText));
    CHECK(textRule(TextField::PersonName).maxChars == 64);
    CHECK(textRule(TextField::FreeText).maxChars == 1000);
}

TEST_CASE("text rules: lengths are counted in characters and each field has its limit") {
    CHECK(has(textProblem(repeat("张", 65), TextField::PersonName),
              "is 65 characters long; a person name has at most 64 characters"));
    CHECK(has(textProblem(repeat("a", 101), TextField::OrganisationName), "at most 100"));
    CHECK(has(textProblem(repeat("a", 201), TextField::ShortText), "at most 200"));
    CHECK(has(textProblem(repeat("a", 1001), TextField::FreeText), "at most 1000"));
    // 100 MB is refused by its size, without decoding it.
    const std::string huge(100u * 1024 * 1024, 'a');
    CHECK(has(textProblem(huge, TextField::PersonName),
              "is 104857600 bytes long; a person name has at most 64 characters"));
}

TEST_CASE("text rules: control characters, separators and bidi overrides are refused") {
    CHECK(has(textProblem(std::string("Wang\0Wei", 8), TextField::PersonName),
              "contains U+0000 at character 5, a control character"));
    CHECK(has(textProblem(std::string(8, '\0'), TextField::PersonName), "U+0000 at character 1"));
    CHECK(has(textProblem("王\x1b[31m伟", TextField::PersonName), "U+001B at character 2"));
    CHECK(has(textProblem("王伟\a", TextField::PersonName), "U+0007 at character 3"));
    CHECK(has(textProblem("a\x7f", TextField::ShortText), "U+007F"));
    CHECK(has(textProblem("a\xc2\x85", TextField::ShortText), "U+0085"));  // C1 NEL
    CHECK(has(textProblem("line\nbreak", TextField::ShortText), "U+000A"));
    CHECK_FALSE(textProblem("two\nparagraphs", TextField::FreeText));  // free text: LF only
    CHECK(has(textProblem("cr\r\nlf", TextField::FreeText), "U+000D"));
    CHECK(has(textProblem("a\xe2\x80\xa8"
                          "b",
                          TextField::FreeText),
              "U+2028"));
    CHECK(has(textProblem("abc\xe2\x80\xaegpj.exe", TextField::PersonName),
              "U+202E at character 4, a bidirectional override"));
    CHECK(has(textProblem("\xff\xfe", TextField::PersonName), "not valid UTF-8 (byte 1)"));
}

TEST_CASE("text rules: text must be in Unicode NFC; normaliseNfc composes it") {
    const std::string nfd = "Zoe\xcc\x88";  // e + U+0308 COMBINING DIAERESIS
    const std::string nfc = "Zo\xc3\xab";   // U+00EB
    CHECK(has(textProblem(nfd, TextField::PersonName), "not in Unicode NFC"));
    CHECK(has(textProblem(nfd, TextField::PersonName), "U+0308"));
    CHECK_FALSE(textProblem(nfc, TextField::PersonName));
    CHECK(normaliseNfc(nfd) == nfc);
    CHECK(normaliseNfc("王伟") == "王伟");
    CHECK_FALSE(normaliseNfc("\xff"));
    // Hangul jamo sequences compose too (UAX #15).
    CHECK(has(textProblem("\xe1\x84\x80\xe1\x85\xa1", TextField::PersonName), "NFC"));
}

TEST_CASE("text rules: the ledger refuses bad names and texts with the field and the reason") {
    SqliteDb db(freshDb(kDbFolder, "ledger"));
    const auto key = LookupKey::generate();
    auto ledger = openLedger(db, key);
    ledger.registerOrganisation(kOrg, "测试化工有限公司", "manufacturing", kAt);
    const auto doc = *parseResidentId("370102198503121233", kToday).document;
    const auto before = count(db, "SELECT count(*) FROM events");

    CHECK(refusal([&] {
              ledger.registerPerson(std::string(100u * 1024 * 1024, 'x'), doc, kAt);
          }).find("person name is 104857600 bytes long") != std::string::npos);
    CHECK(refusal([&] {
              ledger.registerPerson(std::string(4, '\0'), doc, kAt);
          }).find("person name contains U+0000") != std::string::npos);
    CHECK(refusal([&] {
              ledger.registerPerson("王\x1b伟", doc, kAt);
          }).find("person name contains U+001B") != std::string::npos);
    CHECK(refusal([&] {
              ledger.registerPerson("王伟\x07", doc, kAt);
          }).find("person name contains U+0007") != std::string::npos);
    CHECK(refusal([&] {
              ledger.registerOrganisation("91370102MA3C4K7P03", repeat("公", 101), "manufacturing",
                                          kAt);
          }).find("organisation name is 101 characters long") != std::string::npos);
    CHECK(count(db, "SELECT count(*) FROM events") == before);  // nothing written

    const auto person = ledger.registerPerson("王伟", doc, kAt);
    CHECK(refusal([&] {
              TrainingInput t;
              t.personId = person;
              t.date = kToday;
              t.hours = 8;
              t.kind = "initial";
              t.topic = "危化品泄漏处置";
              t.instructor = "Zoe\xcc\x88";
              ledger.recordTraining(t, kAt);
          }).find("training instructor is not in Unicode NFC") != std::string::npos);
}

TEST_CASE("text rules: BulkWriter (roster import, synth) refuses the same names") {
    SqliteDb db(freshDb(kDbFolder, "bulk"));
    BulkWriter writer(db, LookupKey::generate(), rules());
    const auto doc = *parseResidentId("370102198503121233", kToday).document;
    CHECK(refusal([&] {
              writer.registerPerson(
                  "a\x1b"
                  "b",
                  doc, kAt);
          }).find("person name contains U+001B at character 2") != std::string::npos);
    CHECK(count(db, "SELECT count(*) FROM events") == 0);
}
