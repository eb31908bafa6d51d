#include "ui/fonts.h"

#include <cstdlib>

namespace drillbase::ui {

std::optional<std::filesystem::path> findCjkFont() {
    std::error_code ec;
    if (const char* env = std::getenv("DRILLBASE_FONT"); env && *env) {
        if (std::filesystem::is_regular_file(env, ec)) return std::filesystem::path(env);
    }
    for (const char* p : {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                          "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"}) {
        if (std::filesystem::is_regular_file(p, ec)) return std::filesystem::path(p);
    }
    return std::nullopt;
}

bool loadFonts(ImFontAtlas& atlas, const std::optional<std::filesystem::path>& fontFile,
               float pixelSize, const ImWchar* ranges) {
    atlas.Clear();
    bool ok = false;
    if (fontFile) {
        ImFontConfig cfg;
        cfg.FontNo = 0;       // the .ttc holds Micro Hei (0) and Micro Hei Mono (1)
        cfg.OversampleH = 1;  // CJK glyphs are dense: no horizontal oversampling keeps the
        cfg.OversampleV = 1;  // atlas small (2,500+ glyphs) and still crisp at 1:1 pixel size
        cfg.PixelSnapH = true;
        ok = atlas.AddFontFromFileTTF(fontFile->c_str(), pixelSize, &cfg, ranges) != nullptr;
    }
    if (!ok) {
        ImFontConfig cfg;
        cfg.SizePixels = pixelSize;
        atlas.AddFontDefault(&cfg);
    }
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &w, &h);
    return ok;
}

}  // namespace drillbase::ui
