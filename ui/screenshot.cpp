#include "ui/screenshot.h"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <cstring>
#include <iostream>
#include <vector>

namespace drillbase::ui {

bool saveFramebufferPng(const std::filesystem::path& file, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's origin is bottom-left; PNG rows run top to bottom.
    const std::size_t row = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        unsigned char* a = pixels.data() + static_cast<std::size_t>(y) * row;
        unsigned char* b = pixels.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    if (!stbi_write_png(file.c_str(), width, height, 3, pixels.data(), static_cast<int>(row))) {
        std::cerr << "drillbase: cannot write screenshot " << file << '\n';
        return false;
    }
    return true;
}

}  // namespace drillbase::ui
