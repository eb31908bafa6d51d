// glyphs.h — which characters the GUI must be able to draw. ImGui bakes only the glyphs it is
// told about into its font atlas; anything else renders as '?'. We bake the common simplified
// Chinese set plus every character actually used in content/ and scenarios/ (strings, rules,
// scenario titles), so shipped text never shows '?'.
#pragma once

#include "common/json_source.h"

#include <imgui.h>

#include <filesystem>
#include <set>
#include <vector>

namespace drillbase::ui {

// Every code point of every JSON string (keys and values) in the files below the roots.
std::set<char32_t> usedCodepoints(const std::vector<std::filesystem::path>& roots,
                                  std::vector<Diagnostic>& diags);

// Glyph ranges for ImFontAtlas: ImGui's default Latin range, its common simplified Chinese
// set, CJK punctuation and full-width forms, and `used`. The vector must outlive atlas builds.
ImVector<ImWchar> buildGlyphRanges(const std::set<char32_t>& used);

// True when `cp` falls inside a 0-terminated ImGui range list.
bool rangesContain(const ImWchar* ranges, char32_t cp);

}  // namespace drillbase::ui
