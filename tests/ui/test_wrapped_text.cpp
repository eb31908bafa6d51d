// Chinese word wrap: lines fit, nothing is lost, closing punctuation never starts a line.
#include "ui/panels/wrapped_text.h"
#include "ui_fixture.h"

#include <doctest/doctest.h>

using namespace drillbase::ui;

TEST_CASE("Chinese text wraps between characters and keeps punctuation with its phrase") {
    App app(sourceContent(), testDbPath("wrap"));
    HeadlessImGui imgui(app);
    ImGui::NewFrame();
    const std::string text =
        "凌晨2时，水厂加氯间一台液氯钢瓶出口阀门法兰发生泄漏。天气晴朗，西风1.5米/"
        "秒，大气稳定度F类，"
        "下风向约600米处有一处村庄。";
    const float width = ImGui::GetFontSize() * 9.5f;
    const auto lines = wrapLines(text, width);
    CHECK(lines.size() >= 4);
    std::string joined;
    for (const auto& l : lines) {
        CHECK(ImGui::CalcTextSize(l.c_str()).x <= width + 0.5f);
        for (const char* p : {"，", "。"}) CHECK(l.rfind(p, 0) != 0);  // no line starts with them
        joined += l;
    }
    CHECK(joined == text);
    // "1.5" is one number: never split across lines.
    for (const auto& l : lines) CHECK_FALSE((l.size() >= 2 && l.substr(l.size() - 2) == "1."));
    // Latin text breaks at spaces only.
    const auto en =
        wrapLines("Organise the alarm, reporting, protective equipment and valve closure.", width);
    for (const auto& l : en) CHECK((l.empty() || (l.front() != ' ' && l.back() != ' ')));
    ImGui::EndFrame();
}
