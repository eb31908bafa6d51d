#include "ui/panels/training_session_panel.h"

#include "ui/panels/person_links.h"
#include "ui/panels/records_format.h"
#include "ui/panels/records_notice.h"
#include "ui/panels/wrapped_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace drillbase::ui {

namespace {

constexpr int kKindCount = static_cast<int>(std::size(kTrainingKinds));

void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(ImGui::GetFontSize() * 7);
}

void drawForm(const Strings& s, const RecordsSession& session, RecordsUiState& ui) {
    if (ui.trainingDate[0] == '\0')
        std::snprintf(ui.trainingDate, sizeof ui.trainingDate, "%s", session.today().iso().c_str());
    if (ui.trainingInstructor[0] == '\0' && session.user())
        std::snprintf(ui.trainingInstructor, sizeof ui.trainingInstructor, "%s",
                      session.user()->name.c_str());
    const float w = ImGui::GetFontSize() * 18;
    label(s.tr("training.date"));
    ImGui::SetNextItemWidth(w);
    ImGui::InputText("##date", ui.trainingDate, sizeof ui.trainingDate);
    label(s.tr("training.hours"));
    ImGui::SetNextItemWidth(w);
    ImGui::InputInt("##hours", &ui.trainingHours);
    ui.trainingHours = std::clamp(ui.trainingHours, 1, 100);
    label(s.tr("training.kind"));
    ImGui::SetNextItemWidth(w);
    const std::string kind = codeText(s, "training.kind", kTrainingKinds[ui.trainingKind]);
    if (ImGui::BeginCombo("##kind", kind.c_str())) {
        for (int i = 0; i < kKindCount; ++i)
            if (ImGui::Selectable(codeText(s, "training.kind", kTrainingKinds[i]).c_str(),
                                  i == ui.trainingKind))
                ui.trainingKind = i;
        ImGui::EndCombo();
    }
    label(s.tr("training.topic"));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##topic", ui.trainingTopic, sizeof ui.trainingTopic);
    label(s.tr("training.provider"));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##provider", ui.trainingProvider, sizeof ui.trainingProvider);
    label(s.tr("training.instructor"));
    ImGui::SetNextItemWidth(w);
    ImGui::InputText("##instructor", ui.trainingInstructor, sizeof ui.trainingInstructor);
}

void drawAttendeeSearch(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                        UiRequests& out) {
    ImGui::TextUnformatted(s.tr("training.find_attendee"));
    drawPersonSearchField(s, "who", ui.attendeeSearch, sizeof ui.attendeeSearch,
                          ImGui::GetFontSize() * 16, out);
    ImGui::BeginChild("found", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8), true);
    for (const auto& p : session.hits()) {
        const bool added =
            std::any_of(ui.attendees.begin(), ui.attendees.end(),
                        [&](const PersonHit& a) { return a.personId == p.personId; });
        ImGui::PushID(p.personId.c_str());
        if (added) {
            ImGui::TextDisabled("✓");
        } else if (ImGui::SmallButton("+")) {
            ui.attendees.push_back(p);
        }
        ImGui::SameLine();
        ImGui::Text("%s  %s  %s", p.name.c_str(), p.idMasked.c_str(), p.orgName.c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void drawAttendees(const Strings& s, RecordsUiState& ui) {
    ImGui::Text("%s (%zu)", s.tr("training.attendees"), ui.attendees.size());
    ImGui::BeginChild("attendees", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8), true);
    std::size_t remove = ui.attendees.size();
    for (std::size_t i = 0; i < ui.attendees.size(); ++i) {
        const auto& p = ui.attendees[i];
        ImGui::PushID(p.personId.c_str());
        if (ImGui::SmallButton("×")) remove = i;
        ImGui::SameLine();
        ImGui::Text("%s  %s  %s", p.name.c_str(), p.idMasked.c_str(), p.orgName.c_str());
        ImGui::PopID();
    }
    if (remove < ui.attendees.size())
        ui.attendees.erase(ui.attendees.begin() + static_cast<std::ptrdiff_t>(remove));
    if (ui.attendees.empty()) ImGui::TextDisabled("%s", s.tr("training.no_attendees"));
    ImGui::EndChild();
}

}  // namespace

void drawTrainingSessionPanel(const Strings& s, const RecordsSession& session, RecordsUiState& ui,
                              UiRequests& out) {
    textWrappedDisabled(s.tr("training.hint"));
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("form", ImVec2(half, ImGui::GetTextLineHeightWithSpacing() * 12), false);
    drawForm(s, session, ui);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("people", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 12), false);
    drawAttendeeSearch(s, session, ui, out);
    ImGui::EndChild();
    drawAttendees(s, ui);
    const bool ready = !ui.attendees.empty() && ui.trainingTopic[0] != '\0';
    if (!ready) ImGui::BeginDisabled();
    if (ImGui::Button(s.tr("training.record"))) {
        RecordsRequest r;
        r.op = RecordsOp::RecordTraining;
        auto& f = r.training;
        f.date = ui.trainingDate;
        f.hours = ui.trainingHours;
        f.kind = kTrainingKinds[ui.trainingKind];
        f.topic = ui.trainingTopic;
        f.provider = ui.trainingProvider;
        f.instructor = ui.trainingInstructor;
        for (const auto& a : ui.attendees) f.attendees.push_back(a.personId);
        out.records.push_back(std::move(r));
    }
    if (!ready) ImGui::EndDisabled();
    drawRecordsNotice(s, session.notice());
}

}  // namespace drillbase::ui
