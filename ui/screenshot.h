// screenshot.h — read the current OpenGL back buffer and save it as PNG (--screenshot).
#pragma once

#include <filesystem>

namespace drillbase::ui {

// Reads width×height pixels from the bound framebuffer (call after rendering, before the
// swap) and writes an RGB PNG. Returns false with a message on stderr when writing fails.
bool saveFramebufferPng(const std::filesystem::path& file, int width, int height);

}  // namespace drillbase::ui
