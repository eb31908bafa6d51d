// window.h — the SDL2 window with an OpenGL 3.3 core context and the ImGui backends.
#pragma once

#include <memory>
#include <string>

struct SDL_Window;

namespace drillbase::ui {

// True when some display server is reachable by SDL (X11, Wayland, or an explicitly chosen
// SDL video driver). Without one, the GUI explains and exits instead of crashing.
bool displayAvailable();

class Window {
public:
    // Throws std::runtime_error (with SDL's reason) when the window or context fails.
    Window(const std::string& title, int width, int height);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Polls events into ImGui; returns false when the user closed the window or pressed Ctrl+Q.
    bool pollEvents();
    void beginFrame();
    void endFrame(bool swap = true);  // renders ImGui's draw data
    void rebuildFontTexture();        // after the atlas changed
    void drawableSize(int& w, int& h) const;

private:
    SDL_Window* window_ = nullptr;
    void* glContext_ = nullptr;
};

}  // namespace drillbase::ui
