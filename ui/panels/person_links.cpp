#include "ui/panels/person_links.h"

#include <imgui.h>

namespace drillbase::ui {

void drawPersonSearchField(const Strings& s, const char* id, char* buffer, std::size_t size,
                           float width, UiRequests& out) {
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(width);
    const bool enter =
        ImGui::InputText("##search", buffer, size, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button(s.tr("records.search")) || enter) {
        RecordsRequest r;
        r.op = RecordsOp::FindPeople;
        r.text = buffer;
        out.records.push_back(std::move(r));
    }
    ImGui::PopID();
}

void personArchiveLink(const std::string& name, const std::string& key, const std::string& personId,
                       RecordsUiState& ui, UiRequests& out) {
    if (!ImGui::Selectable((name + "##" + key).c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
        return;
    RecordsRequest r;
    r.op = RecordsOp::OpenArchive;
    r.personId = personId;
    out.records.push_back(std::move(r));
    ui.pendingTab = RecordsTab::Archive;
}

}  // namespace drillbase::ui
