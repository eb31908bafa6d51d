#include "common/i18n.h"

#include <doctest/doctest.h>

using namespace drillbase;

namespace {
std::filesystem::path i18nDir() {
    return std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content" / "i18n";
}
}  // namespace

TEST_CASE("shipped catalogs load, carry their locale and have the same keys") {
    std::vector<Diagnostic> diags;
    std::vector<JsonDocument> docs;
    for (const char* loc : kLocales) {
        auto doc = loadJsonFile(i18nDir() / (std::string(loc) + ".json"), diags);
        REQUIRE(doc);
        const auto cat = Catalog::fromDocument(*doc, diags);
        CHECK(cat.locale() == loc);
        CHECK(cat.all().size() > 20);
        docs.push_back(std::move(*doc));
    }
    checkCatalogParity(docs, diags);
    for (const auto& d : diags) MESSAGE(d.format());
    CHECK(diags.empty());
}

TEST_CASE("parity check reports a key missing in one locale at that file") {
    std::vector<Diagnostic> diags;
    auto a = parseJsonText("zh.json", R"({"meta.locale":"zh-CN","x":"甲","y":"乙"})", diags);
    auto b = parseJsonText("en.json", R"({"meta.locale":"en","x":"A","y":""})", diags);
    auto c = parseJsonText("fr.json", R"({"meta.locale":"fr","x":"A","y":"B","z":"C"})", diags);
    REQUIRE((a && b && c));
    checkCatalogParity({*a, *b, *c}, diags);
    std::vector<std::string> lines;
    for (const auto& d : diags) lines.push_back(d.format());
    CHECK(lines.size() == 3);
    CHECK(std::find(lines.begin(), lines.end(), "en.json:1:33: /y: empty text") != lines.end());
    CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
              return l.find("missing key \"z\"") != std::string::npos;
          }) == 2);
}

TEST_CASE("Strings falls back to the other locale, then to the key") {
    std::vector<Diagnostic> diags;
    auto zh = parseJsonText("zh.json", R"({"meta.locale":"zh-CN","a":"甲"})", diags);
    auto en = parseJsonText("en.json", R"({"meta.locale":"en","a":"A","b":"B"})", diags);
    Strings s(Catalog::fromDocument(*zh, diags), Catalog::fromDocument(*en, diags));
    CHECK(std::string(s.tr("a")) == "甲");
    CHECK(std::string(s.tr("b")) == "B");
    CHECK(std::string(s.tr("nope.key")) == "nope.key");
    CHECK(s.locale() == "zh-CN");
}
