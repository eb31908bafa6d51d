#include "ui/panels/workflow_features.h"

namespace drillbase::ui {

namespace {
constexpr Feature kTrainee[] = {
    {"feature.drill_chemical", true}, {"feature.drill_flood", true},
    {"feature.drill_fire", true},     {"feature.quiz_practice", false},
    {"feature.quiz_exam", false},     {"feature.quiz_contest", false},
};
constexpr Feature kInstructor[] = {
    {"feature.scenario_editor", false},
    {"feature.drill_control", true},
    {"feature.training_session", true},
};
constexpr Feature kOfficial[] = {
    {"feature.records_search", true},   {"feature.records_roster", true},
    {"feature.records_expiring", true}, {"feature.records_stats", true},
    {"feature.records_export", true},
};
const RoleCard kCards[] = {
    {Screen::Trainee, "role.trainee", "role.trainee.desc", ImVec4(0.45f, 0.75f, 1.0f, 1.0f)},
    {Screen::Instructor, "role.instructor", "role.instructor.desc", ImVec4(1.0f, 0.7f, 0.3f, 1.0f)},
    {Screen::Official, "role.official", "role.official.desc", ImVec4(0.5f, 0.9f, 0.55f, 1.0f)},
};
}  // namespace

std::span<const Feature> featuresOf(Screen workflow) {
    switch (workflow) {
        case Screen::Trainee: return kTrainee;
        case Screen::Instructor: return kInstructor;
        case Screen::Official: return kOfficial;
        default: return {};
    }
}

std::span<const RoleCard> roleCards() {
    return kCards;
}

}  // namespace drillbase::ui
