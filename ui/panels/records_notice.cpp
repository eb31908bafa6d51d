#include "ui/panels/records_notice.h"

#include "ui/panels/wrapped_text.h"

#include <imgui.h>

namespace drillbase::ui {

void drawRecordsNotice(const Strings& s, const RecordsNotice& n) {
    if (n.key.empty()) return;
    std::string text = s.tr(n.key);
    // Figures and the ledger's own reasons follow the translated sentence.
    if (!n.detail.empty()) text += " " + n.detail;
    const ImVec4 colour = n.ok ? ImVec4(0.55f, 0.9f, 0.6f, 1.0f) : ImVec4(1.0f, 0.55f, 0.45f, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    textWrapped(text.c_str());
    ImGui::PopStyleColor();
}

}  // namespace drillbase::ui
