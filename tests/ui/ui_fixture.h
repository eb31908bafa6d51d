// ui_fixture.h — a headless ImGui context with the real CJK font, as the app builds it.
#pragma once

#include "ui/app.h"
#include "ui/fonts.h"

#include <imgui.h>

#include <unistd.h>
#include <filesystem>

struct HeadlessImGui {
    explicit HeadlessImGui(const drillbase::ui::App& app) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        // As the app's OpenGL 3 backend declares: a draw list may pass 64k vertices (a flood
        // drill's shaded relief) because the renderer offsets each command's vertices.
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        // ImGui 1.86 needs the atlas built before the first NewFrame().
        fontLoaded = drillbase::ui::loadFonts(*io.Fonts, drillbase::ui::findCjkFont(),
                                              app.fontPixelSize(), app.glyphRanges());
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    bool fontLoaded = false;
};

inline std::filesystem::path testDbPath(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("drillbase-ui-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / (std::string(name) + ".sqlite");
    std::filesystem::remove(file);
    return file;
}

inline std::filesystem::path sourceContent() {
    return std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content";
}
