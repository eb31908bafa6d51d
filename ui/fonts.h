// fonts.h — the CJK font (fonts-wqy-microhei) baked at the chosen UI scale.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <optional>

namespace drillbase::ui {

// $DRILLBASE_FONT, then the Debian location of WenQuanYi Micro Hei.
std::optional<std::filesystem::path> findCjkFont();

// Clears the atlas and adds the CJK font at `pixelSize` with `ranges` (which must outlive the
// atlas build), falling back to ImGui's built-in font when the file is missing. Builds the
// atlas before returning, as ImGui 1.86 needs before the first NewFrame(). Returns false when
// the CJK font could not be loaded (Chinese would then render as '?').
bool loadFonts(ImFontAtlas& atlas, const std::optional<std::filesystem::path>& fontFile,
               float pixelSize, const ImWchar* ranges);

}  // namespace drillbase::ui
