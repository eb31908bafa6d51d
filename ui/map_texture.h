// map_texture.h — images the drill map draws often but that change seldom (the ground: relief
// and a fire's fuels, up to 250 × 250 cells) kept as GPU textures, so a frame draws one quad
// instead of tens of thousands of rectangles. The window registers how to make and free a
// texture (OpenGL, window.cpp); where nobody has (the headless tests) there are no textures and
// the map draws the cells as rectangles, which looks the same.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace drillbase::ui {

struct TextureHooks {
    // An RGBA texture (ImGui's packed colours, the first row at the top) of w × h pixels.
    std::function<ImTextureID(const ImU32* rgba, int w, int h)> upload;
    std::function<void(ImTextureID)> release;
};

// Set by the window once its renderer is up; cleared (with every cached texture released)
// before it goes down.
void setTextureHooks(TextureHooks hooks);
void clearTextureHooks();

// The texture of the grid image `cells` (nx × ny, row 0 the southern row, as FieldGrid
// orders cells) made once per `version`: a caller bumps its version when the image changes.
// Versions are unique across callers (nextTextureVersion), so a cache entry is never taken for
// another image. Null without hooks.
ImTextureID cachedGridTexture(std::uint64_t version, const std::vector<ImU32>& cells, int nx,
                              int ny);
std::uint64_t nextTextureVersion();

}  // namespace drillbase::ui
