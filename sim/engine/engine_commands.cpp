// engine_commands.cpp — the declarations of the commands every drill has, whatever its hazard:
// alarm, report, unit movement, cordon, evacuation, shelter, rescue, support, weather injects
// and the runner's controls. Their handlers are in drill_apply.cpp; a hazard declares its own.
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
    ParamSpec p;
    p.slot = s;
    p.labelKey = s == Slot::X ? "param.x" : "param.y";
    p.unit = "m";
    return p;
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

ParamSpec number(const char* label, const char* unit, double lo, double hi, bool exclusive = false) {
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

CommandSpec spec(const char* id, unsigned issuers, Gesture g, std::vector<ParamSpec> params,
                 bool control = false) {
    CommandSpec s;
    s.id = id;
    s.labelKey = std::string("command.") + id;
    s.issuers = issuers;
    s.gesture = g;
    s.params = std::move(params);
    s.control = control;
    return s;
}

}  // namespace

std::vector<CommandSpec> engineCommands(const DrillRules& rules) {
    ParamSpec level = number("param.response_level", "", rules.minResponseLevel,
                             rules.maxResponseLevel);
    level.integer = true;
    ParamSpec ap;
    ap.slot = Slot::Target;
    ap.labelKey = "param.assembly_point";
    ap.source = ChoiceSource::AssemblyPoints;
    ParamSpec person;
    person.slot = Slot::Target;
    person.labelKey = "param.person";
    person.source = ChoiceSource::People;
    const unsigned both = kTrainee | kInstructor;
    return {
        spec("raise_alarm", kTrainee, Gesture::Button, {}),
        spec("report_to_authority", kTrainee, Gesture::Button,
             {fixed(Slot::Form, "param.report_form", rules.reportForms), level}),
        spec("move_unit", kTrainee, Gesture::Point, {unitParam(), coord(Slot::X), coord(Slot::Y)}),
        spec("set_cordon", kTrainee, Gesture::Area, {coord(Slot::X), coord(Slot::Y), radius()}),
        spec("evacuate_area", kTrainee, Gesture::Area,
             {coord(Slot::X), coord(Slot::Y), radius(), ap}),
        spec("shelter_in_place", kTrainee, Gesture::Area,
             {coord(Slot::X), coord(Slot::Y), radius()}),
        spec("rescue_casualty", kTrainee, Gesture::Person, {unitParam(), person}),
        spec("request_support", kTrainee, Gesture::Button,
             {fixed(Slot::Target, "param.support_kind", rules.supportKinds)}),
        spec("end_drill", both, Gesture::Button, {}, true),
        spec("wind_shift", kInstructor, Gesture::Button,
             {number("param.wind_from", "°", -720, 720)}),
        spec("wind_speed", kInstructor, Gesture::Button,
             {number("param.wind_speed", "m/s", 0.1, 60)}),
        spec("pause", both, Gesture::Button, {}, true),
        spec("resume", both, Gesture::Button, {}, true),
        spec("set_speed", both, Gesture::Button, {number("param.speed", "×", 0, 1e6)}, true),
    };
}

}  // namespace drillbase::sim
