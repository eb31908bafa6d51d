// bar_chart.h — horizontal bars for shares (coverage, pass rate) with the group's label on
// the left and "percent (part/whole)" on the bar. ImGui 1.86 has PlotHistogram, but it cannot
// label bars, and an official reading a chart needs to see which region each bar is.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace drillbase::ui {

struct BarRow {
    std::string label;
    std::int64_t part = 0, whole = 0;  // the bar shows part / whole; whole 0 draws no bar
};

// The height one bar takes, spacing included (to size the chart's box).
float barRowHeight();
// One bar per row, all scaled to 100%; `labelWidth` pixels are kept for the labels.
void drawShareBars(const char* id, const std::vector<BarRow>& rows, ImU32 colour, float labelWidth);

}  // namespace drillbase::ui
