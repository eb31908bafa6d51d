// Every character in the zh-CN strings and in all shipped content must be (1) baked into the
// font atlas ranges and (2) present in the CJK font file; otherwise it would render as '?'.
#include "common/i18n.h"
#include "common/utf8.h"
#include "ui/fonts.h"
#include "ui/glyphs.h"

#include <doctest/doctest.h>
#include <stb_truetype.h>

#include <fstream>
#include <iterator>
#include <vector>

using namespace drillbase;

TEST_CASE("the CJK font covers every character of the strings and shipped content") {
    const std::filesystem::path root = DRILLBASE_SOURCE_DIR;
    std::vector<Diagnostic> diags;
    const auto used = ui::usedCodepoints({root / "content", root / "scenarios"}, diags);
    CHECK(diags.empty());
    // The zh-CN catalog is in there: spot-check a few of its characters.
    CHECK(used.count(U'应'));
    CHECK(used.count(U'演'));
    CHECK(used.count(U'练'));

    const auto fontFile = ui::findCjkFont();
    REQUIRE_MESSAGE(fontFile, "fonts-wqy-microhei is not installed");
    std::ifstream in(*fontFile, std::ios::binary);
    const std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)), {});
    REQUIRE(!data.empty());
    stbtt_fontinfo info;
    const int offset = stbtt_GetFontOffsetForIndex(data.data(), 0);
    REQUIRE(offset >= 0);
    REQUIRE(stbtt_InitFont(&info, data.data(), offset));

    const auto ranges = ui::buildGlyphRanges(used);
    std::u32string missingInFont, missingInRanges;
    for (char32_t cp : used) {
        if (cp < 0x20) continue;  // control characters (\n in long texts) are not drawn
        if (!ui::rangesContain(ranges.Data, cp)) missingInRanges.push_back(cp);
        if (stbtt_FindGlyphIndex(&info, static_cast<int>(cp)) == 0) missingInFont.push_back(cp);
    }
    auto show = [](const std::u32string& s) {
        std::string out;
        for (char32_t c : s) out += "U+" + std::to_string(static_cast<unsigned>(c)) + " ";
        return out;
    };
    CHECK_MESSAGE(missingInRanges.empty(), "not in atlas ranges: ", show(missingInRanges));
    CHECK_MESSAGE(missingInFont.empty(), "not in font: ", show(missingInFont));
    MESSAGE("characters used in content: ", used.size());
}

TEST_CASE("glyph ranges include used rare characters beyond the common set") {
    // 錾 (U+933E) is not among ImGui's 2,500 common simplified characters.
    const auto ranges = ui::buildGlyphRanges({U'錾'});
    CHECK(ui::rangesContain(ranges.Data, U'錾'));
    CHECK(ui::rangesContain(ranges.Data, U'A'));
    CHECK(ui::rangesContain(ranges.Data, U'，'));
    CHECK_FALSE(ui::rangesContain(ranges.Data, U'\U0001F600'));
}
