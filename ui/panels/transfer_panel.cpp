#include "ui/panels/transfer_panel.h"

#include "ui/panels/drill_format.h"

#include "ui/panels/map_style.h"
#include "ui/panels/transfer_names.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace drillbase::ui {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                        ImGuiTableFlags_SizingFixedFit;

// The signal colours of 气象灾害预警信号 (blue, yellow, orange, red); a level content/transfer.json
// names otherwise gets grey.
ImU32 warningColour(const std::string& name) {
    if (name == "blue") return IM_COL32(30, 100, 220, 255);
    if (name == "yellow") return IM_COL32(240, 200, 0, 255);
    if (name == "orange") return IM_COL32(245, 125, 20, 255);
    if (name == "red") return IM_COL32(215, 25, 30, 255);
    return IM_COL32(120, 120, 120, 255);
}

// Text on a filled rounded rectangle, the size of a small button.
void badge(const std::string& text, ImU32 fill, ImU32 ink) {
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + size.x + pad.x * 2, p.y + size.y + pad.y * 2);
    ImGui::Dummy(ImVec2(q.x - p.x, q.y - p.y));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, q, fill, 4);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), ink, text.c_str());
}

void drawHeader(const Strings& s, const DrillSession& session) {
    const auto& t = session.drill().state().transfer;
    const auto& rules = session.drill().rules().transfer;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(s.tr("transfer.title"));
    ImGui::SameLine();
    if (t.warningLevel > 0) {
        const auto& name = rules.warningLevels[static_cast<std::size_t>(t.warningLevel - 1)];
        // Dark ink on the light signals (yellow, orange), white on blue and red.
        const bool light = name == "yellow" || name == "orange";
        badge(warningLabel(s, rules.warningLevels, t.warningLevel), warningColour(name),
              light ? IM_COL32(20, 20, 20, 255) : IM_COL32_WHITE);
    } else {
        badge(s.tr("transfer.no_warning"), IM_COL32(70, 70, 75, 255), IM_COL32(200, 200, 200, 255));
    }
    ImGui::SameLine();
    const std::string stage = stageLabel(s, rules.responseStages, t.responseStage);
    if (stage.empty())
        badge(s.tr("transfer.no_response"), IM_COL32(70, 70, 75, 255),
              IM_COL32(200, 200, 200, 255));
    else
        badge(stage, IM_COL32(150, 30, 30, 255), IM_COL32_WHITE);
    int sheltered = 0;
    for (const auto& h : t.households)
        if (h.status == sim::HouseholdStatus::Sheltered) ++sheltered;
    char buf[128];
    std::snprintf(buf, sizeof buf, s.tr("transfer.sheltered_summary"), sheltered,
                  static_cast<int>(t.households.size()));
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(buf);
}

void statusCell(const Strings& s, sim::HouseholdStatus status, bool vulnerable) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(h, h));
    drawHouse(ImGui::GetWindowDrawList(), ImVec2(p.x + h / 2, p.y + h * 0.55f), h * 0.3f,
              householdColour(status), vulnerable);
    ImGui::SameLine();
    ImGui::TextUnformatted(householdStatusLabel(s, status));
}

void drawHouseholds(const Strings& s, const DrillSession& session, ImVec2 size) {
    const auto& sc = session.scenario();
    const auto& st = session.drill().state();
    // Columns as wide as their widest cell: a name or a status cut short is misread.
    if (!ImGui::BeginTable("##households", 6, kTableFlags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // What the commander scans for first (where each household stands) next to the name.
    for (const char* key : {"transfer.col.head", "transfer.col.status", "transfer.col.missing",
                            "transfer.col.members", "transfer.col.cadre", "transfer.col.zone"})
        ImGui::TableSetupColumn(s.tr(key));
    ImGui::TableHeadersRow();
    for (const auto& h : st.transfer.households) {
        const auto* def = findHousehold(sc.transfer, h.id);
        if (!def) continue;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(householdName(s, *def).c_str());
        ImGui::TableSetColumnIndex(1);
        statusCell(s, h.status, h.vulnerable);
        ImGui::TableSetColumnIndex(2);
        if (h.missing > 0)
            ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%d", h.missing);
        else
            ImGui::TextDisabled("0");
        ImGui::TableSetColumnIndex(3);
        ImGui::TextUnformatted(membersSummary(s, *def).c_str());
        ImGui::TableSetColumnIndex(4);
        ImGui::TextUnformatted(
            unitLabel(s, st, h.cadre, st.units[static_cast<std::size_t>(h.cadre)].kind != "cadre")
                .c_str());
        ImGui::TableSetColumnIndex(5);
        if (const auto* z = findZone(sc.transfer, def->zone))
            ImGui::TextUnformatted(zoneName(s, *z).c_str());
    }
    ImGui::EndTable();
}

void drawShelters(const Strings& s, const DrillSession& session, ImVec2 size) {
    const auto& sc = session.scenario();
    if (!ImGui::BeginTable("##shelters", 3, kTableFlags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key : {"transfer.col.shelter", "transfer.col.count", "transfer.col.peak"})
        ImGui::TableSetupColumn(s.tr(key));
    ImGui::TableHeadersRow();
    for (const auto& sh : session.drill().state().transfer.shelters) {
        const auto* def = findShelter(sc.transfer, sh.id);
        if (!def) continue;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(shelterName(s, *def).c_str());
        ImGui::TableSetColumnIndex(1);
        if (sh.count > sh.capacity)
            ImGui::TextColored(ImVec4(1, 0.4f, 0.35f, 1), "%d / %d", sh.count, sh.capacity);
        else
            ImGui::Text("%d / %d", sh.count, sh.capacity);
        ImGui::TableSetColumnIndex(2);
        ImGui::Text("%d", sh.peak);
    }
    ImGui::EndTable();
}

}  // namespace

bool hasTransferWork(const DrillSession& session) {
    return !session.scenario().transfer.empty();
}

void drawTransferPanel(const Strings& s, const DrillSession& session) {
    if (!hasTransferWork(session)) return;
    drawHeader(s, session);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // Shelters beside the households: a village has a handful, the register dozens of rows.
    float sheltersW = 0;
    for (const auto& sh : session.scenario().transfer.shelters)
        sheltersW = std::max(sheltersW, ImGui::CalcTextSize(shelterName(s, sh).c_str()).x);
    sheltersW += ImGui::CalcTextSize(s.tr("transfer.col.count")).x +
                 ImGui::CalcTextSize(s.tr("transfer.col.peak")).x +
                 ImGui::GetStyle().CellPadding.x * 6 + ImGui::GetStyle().ScrollbarSize;
    sheltersW = std::min(sheltersW, avail.x * 0.4f);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    drawHouseholds(s, session, ImVec2(avail.x - sheltersW - gap, avail.y));
    ImGui::SameLine();
    drawShelters(s, session, ImVec2(sheltersW, avail.y));
}

}  // namespace drillbase::ui
