// map_texture.cpp — see the header. A handful of entries: a drill has one ground; the cache
// frees the oldest when a new drill brings its own.
#include "ui/map_texture.h"

#include <algorithm>
#include <atomic>

namespace drillbase::ui {

namespace {

struct Entry {
    std::uint64_t version = 0;
    ImTextureID id = nullptr;
};

constexpr std::size_t kMaxEntries = 4;

TextureHooks& hooks() {
    static TextureHooks h;
    return h;
}

std::vector<Entry>& entries() {
    static std::vector<Entry> e;
    return e;
}

void releaseAll() {
    auto& h = hooks();
    for (const auto& e : entries())
        if (h.release && e.id) h.release(e.id);
    entries().clear();
}

}  // namespace

void setTextureHooks(TextureHooks h) {
    releaseAll();
    hooks() = std::move(h);
}

void clearTextureHooks() {
    releaseAll();
    hooks() = TextureHooks{};
}

std::uint64_t nextTextureVersion() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

ImTextureID cachedGridTexture(std::uint64_t version, const std::vector<ImU32>& cells, int nx,
                              int ny) {
    auto& h = hooks();
    if (!h.upload || nx <= 0 || ny <= 0 ||
        cells.size() != static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny))
        return nullptr;
    auto& list = entries();
    for (const auto& e : list)
        if (e.version == version) return e.id;
    // Grid rows run south to north, image rows top down.
    std::vector<ImU32> flipped(cells.size());
    for (int j = 0; j < ny; ++j)
        std::copy_n(cells.begin() + static_cast<std::ptrdiff_t>(j) * nx, nx,
                    flipped.begin() + static_cast<std::ptrdiff_t>(ny - 1 - j) * nx);
    const ImTextureID id = h.upload(flipped.data(), nx, ny);
    if (!id) return nullptr;
    if (list.size() >= kMaxEntries) {
        if (h.release) h.release(list.front().id);
        list.erase(list.begin());
    }
    list.push_back({version, id});
    return id;
}

}  // namespace drillbase::ui
