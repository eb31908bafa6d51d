// engine_commands.cpp — the declarations of the commands every drill has, whatever its hazard:
// alarm, report, unit movement, cordon, evacuation, shelter, rescue, support, the transfer work
// (warnings, households, zones, shelters), weather injects and the runner's controls. Their
// handlers are in drill_apply.cpp; a hazard declares its own.
#include "sim/engine/sim_content.h"

namespace drillbase::sim {

namespace {

ParamSpec unitParam() {
    ParamSpec p;
    p.slot = Slot::Unit;
    p.labelKey = "param.unit";
    p.source = ChoiceSource::Units;
    return p;
}

ParamSpec coord(Slot s) {
    return makeParam(s, s == Slot::X ? "param.x" : "param.y");  // in metres
}

ParamSpec radius() {
    ParamSpec p;
    p.slot = Slot::Radius;
    p.labelKey = "param.radius";
    p.unit = "m";
    p.min = 0;
    p.exclusiveMin = true;
    p.max = 50000;
    return p;
}

ParamSpec number(const char* label, const char* unit, double lo, double hi,
                 bool exclusive = false) {
    ParamSpec p;
    p.slot = Slot::Value;
    p.labelKey = label;
    p.unit = unit;
    p.min = lo;
    p.max = hi;
    p.exclusiveMin = exclusive;
    return p;
}

ParamSpec fixed(Slot s, const char* label, std::vector<std::string> choices) {
    ParamSpec p;
    p.slot = s;
    p.labelKey = label;
    p.source = ChoiceSource::Fixed;
    p.choices = std::move(choices);
    return p;
}

// The order a zone's cadres call in (transfer_zone): 先老弱病残, or as the register lists them.
const std::vector<std::string>& transferPriorities() {
    static const std::vector<std::string> kAll = {"vulnerable_first", "register_order"};
    return kAll;
}

}  // namespace

std::vector<CommandSpec> engineCommands(const DrillRules& rules) {
    ParamSpec level =
        number("param.response_level", "", rules.minResponseLevel, rules.maxResponseLevel);
    level.integer = true;
    ParamSpec ap;
    ap.slot = Slot::Target;
    ap.labelKey = "param.assembly_point";
    ap.source = ChoiceSource::AssemblyPoints;
    ParamSpec person;
    person.slot = Slot::Target;
    person.labelKey = "param.person";
    person.source = ChoiceSource::People;
    // The transfer work (drill_transfer.cpp): warnings and response stages, orders to move
    // households or zones through their responsible cadres, shelter management, head counts,
    // and the instructor's inject of a household slipping back home.
    const ParamSpec household =
        makeParam(Slot::Target, "param.household", ChoiceSource::Households);
    const ParamSpec zone = makeParam(Slot::Target, "param.zone", ChoiceSource::Zones);
    const ParamSpec shelter = makeParam(Slot::Target, "param.shelter", ChoiceSource::Shelters);
    const unsigned both = kTrainee | kInstructor;
    return {
        makeSpec("raise_alarm", kTrainee, Gesture::Button, {}),
        makeSpec("report_to_authority", kTrainee, Gesture::Button,
                 {fixed(Slot::Form, "param.report_form", rules.reportForms), level}),
        makeSpec("move_unit", kTrainee, Gesture::Point,
                 {unitParam(), coord(Slot::X), coord(Slot::Y)}),
        makeSpec("set_cordon", kTrainee, Gesture::Area, {coord(Slot::X), coord(Slot::Y), radius()}),
        makeSpec("evacuate_area", kTrainee, Gesture::Area,
                 {coord(Slot::X), coord(Slot::Y), radius(), ap}),
        makeSpec("shelter_in_place", kTrainee, Gesture::Area,
                 {coord(Slot::X), coord(Slot::Y), radius()}),
        makeSpec("rescue_casualty", kTrainee, Gesture::Person, {unitParam(), person}),
        makeSpec("request_support", kTrainee, Gesture::Button,
                 {fixed(Slot::Target, "param.support_kind", rules.supportKinds)}),
        makeSpec("issue_warning", both, Gesture::Button,
                 {fixed(Slot::Form, "param.warning_level", rules.transfer.warningLevels)}),
        makeSpec("lift_warning", kTrainee, Gesture::Button, {}),
        makeSpec("set_response_stage", both, Gesture::Button,
                 {fixed(Slot::Form, "param.response_stage", rules.transfer.responseStages)}),
        makeSpec("transfer_household", kTrainee, Gesture::Household, {household}),
        makeSpec("transfer_zone", kTrainee, Gesture::Button,
                 {zone, fixed(Slot::Form, "param.transfer_priority", transferPriorities())}),
        makeSpec("staff_shelter", kTrainee, Gesture::Button, {unitParam(), shelter}),
        makeSpec("head_count", kTrainee, Gesture::Button, {}),
        makeSpec("household_returns", kInstructor, Gesture::Button, {household}),
        makeSpec("end_drill", both, Gesture::Button, {}, true),
        makeSpec("wind_shift", kInstructor, Gesture::Button,
                 {number("param.wind_from", "°", -720, 720)}),
        makeSpec("wind_speed", kInstructor, Gesture::Button,
                 {number("param.wind_speed", "m/s", 0.1, 60)}),
        makeSpec("pause", both, Gesture::Button, {}, true),
        makeSpec("resume", both, Gesture::Button, {}, true),
        makeSpec("set_speed", both, Gesture::Button, {number("param.speed", "×", 0, 1e6)}, true),
    };
}

}  // namespace drillbase::sim
