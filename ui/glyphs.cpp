#include "ui/glyphs.h"

#include "common/utf8.h"

#include <algorithm>

namespace drillbase::ui {

namespace {

void collect(const nlohmann::json& v, std::set<char32_t>& out) {
    auto add = [&](const std::string& s) {
        if (const auto cps = decodeUtf8(s)) out.insert(cps->begin(), cps->end());
    };
    if (v.is_string()) {
        add(v.get_ref<const std::string&>());
    } else if (v.is_object()) {
        for (const auto& [k, child] : v.items()) {
            add(k);
            collect(child, out);
        }
    } else if (v.is_array()) {
        for (const auto& child : v) collect(child, out);
    }
}

}  // namespace

std::set<char32_t> usedCodepoints(const std::vector<std::filesystem::path>& roots,
                                  std::vector<Diagnostic>& diags) {
    std::set<char32_t> used;
    for (const auto& root : roots) {
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            if (!it->is_regular_file() || it->path().extension() != ".json") continue;
            if (const auto doc = loadJsonFile(it->path(), diags)) collect(doc->value, used);
        }
    }
    return used;
}

ImVector<ImWchar> buildGlyphRanges(const std::set<char32_t>& used) {
    ImFontGlyphRangesBuilder builder;
    ImFontAtlas scratch;  // only for its static range tables
    // Every CJK Unified Ideograph (U+4E00–U+9FFF), not only ImGui's 2,500 common ones: the
    // records screens show people's and organisations' names from the ledger, and names use
    // characters no common list has (焊, 鹏, 燕 showed as '?'). ImGui 1.86 cannot add glyphs to
    // a built atlas, so the atlas must hold them all up front (measured: see fonts.cpp).
    builder.AddRanges(scratch.GetGlyphRangesChineseSimplifiedCommon());
    static const ImWchar kUnified[] = {0x4E00, 0x9FFF, 0};
    builder.AddRanges(kUnified);
    // CJK symbols and punctuation (、。《》「」…), and full-width forms (，：（）！？).
    static const ImWchar kExtra[] = {0x2000, 0x206F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2460, 0x24FF,
                                     0x25A0, 0x25FF, 0x3000, 0x303F, 0xFF00, 0xFFEF, 0};
    builder.AddRanges(kExtra);
    for (char32_t cp : used)
        if (cp <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(cp));  // ImWchar is 16-bit here
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    return ranges;
}

bool rangesContain(const ImWchar* ranges, char32_t cp) {
    for (; ranges[0]; ranges += 2)
        if (cp >= ranges[0] && cp <= ranges[1]) return true;
    return false;
}

}  // namespace drillbase::ui
