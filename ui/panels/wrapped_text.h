// wrapped_text.h — word wrap that works for Chinese. ImGui 1.86 breaks lines only at spaces
// and ASCII punctuation, so a long run of hanzi either overflows or breaks at the one "." in
// "1.5米/秒". Here a line may break between any two CJK characters, never before closing
// punctuation (，。、；：？！）》」 — the usual 禁则 rule), and at spaces in Latin text.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ui {

// Splits `text` into lines no wider than `width` pixels in the current font (pure: testable).
std::vector<std::string> wrapLines(std::string_view text, float width);
// Draws `text` wrapped to the available width, optionally in a colour or disabled grey.
void textWrapped(std::string_view text);
void textWrappedDisabled(std::string_view text);

}  // namespace drillbase::ui
