// drill_ui_fixture.h — driving a drill screen headless: start a shipped scenario by file name,
// and draw one frame with the mouse where a test puts it (ImGui 1.86: io.MousePos, MouseDown).
#pragma once

#include "ui/app.h"
#include "ui/frame.h"

#include <doctest/doctest.h>
#include <imgui.h>

inline void startShipped(drillbase::ui::App& app, const char* file) {
    std::size_t index = app.catalog().size();
    for (std::size_t i = 0; i < app.catalog().size(); ++i)
        if (app.catalog()[i].file.filename() == file) index = i;
    REQUIRE(index < app.catalog().size());
    REQUIRE(app.startScenario(index, 1));
}

// One frame with the mouse at `mouse`, pressed when `down`; the requests it made.
inline drillbase::ui::UiRequests frameAt(drillbase::ui::App& app, ImVec2 mouse, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    auto r = drillbase::ui::drawFrame(app.strings(), app.state(), app.info(), app.drillView(),
                                      app.recordsView());
    ImGui::Render();
    return r;
}
