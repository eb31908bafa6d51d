// screen_window.h — every screen is one borderless window filling the space between the
// menu bar and the status bar.
#pragma once

namespace drillbase::ui {

bool beginScreenWindow(const char* id);  // always pair with endScreenWindow()
void endScreenWindow();

}  // namespace drillbase::ui
