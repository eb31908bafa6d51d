#include "sim/engine/command.h"

#include "common/json_fields.h"

#include <stdexcept>

namespace drillbase::sim {

namespace {

enum Field : unsigned {
    kUnit = 1,
    kTarget = 2,
    kForm = 4,
    kChemical = 8,
    kXY = 16,
    kRadius = 32,
    kValue = 64
};

struct CommandSpec {
    CommandType type;
    const char* name;
    unsigned fields;  // required fields
    bool inject;
};

constexpr CommandSpec kSpecs[] = {
    {CommandType::RaiseAlarm, "raise_alarm", 0, false},
    {CommandType::ReportToAuthority, "report_to_authority", kForm | kValue, false},
    {CommandType::DonPpe, "don_ppe", kUnit, false},
    {CommandType::MoveUnit, "move_unit", kUnit | kXY, false},
    {CommandType::CloseValve, "close_valve", kUnit | kTarget, false},
    {CommandType::SetCordon, "set_cordon", kXY | kRadius, false},
    {CommandType::EvacuateArea, "evacuate_area", kXY | kRadius | kTarget, false},
    {CommandType::ShelterInPlace, "shelter_in_place", kXY | kRadius, false},
    {CommandType::SetWaterCurtain, "set_water_curtain", kUnit | kXY, false},
    {CommandType::RescueCasualty, "rescue_casualty", kUnit | kTarget, false},
    {CommandType::RequestSupport, "request_support", kTarget, false},
    {CommandType::EndDrill, "end_drill", 0, false},
    {CommandType::WindShift, "wind_shift", kValue, true},
    {CommandType::WindSpeed, "wind_speed", kValue, true},
    {CommandType::SetStability, "set_stability", kTarget, true},
    {CommandType::SecondaryLeak, "secondary_leak", kTarget | kChemical | kXY | kValue, true},
    {CommandType::Pause, "pause", 0, true},
    {CommandType::Resume, "resume", 0, true},
    {CommandType::SetSpeed, "set_speed", kValue, true},
};

const CommandSpec& spec(CommandType t) {
    for (const auto& s : kSpecs)
        if (s.type == t) return s;
    return kSpecs[0];
}

std::string knownNames() {
    std::string all;
    for (const auto& s : kSpecs) all += (all.empty() ? "" : ", ") + std::string(s.name);
    return all;
}

}  // namespace

const char* commandName(CommandType t) {
    return spec(t).name;
}

std::optional<CommandType> commandFromName(const std::string& name) {
    for (const auto& s : kSpecs)
        if (name == s.name) return s.type;
    return std::nullopt;
}

bool isInject(CommandType t) {
    return spec(t).inject;
}

nlohmann::json toJson(const Command& c) {
    const unsigned f = spec(c.type).fields;
    nlohmann::json j = {{"type", commandName(c.type)}};
    if (f & kUnit) j["unit"] = c.unit;
    if (f & kTarget) j["target"] = c.target;
    if (f & kForm) j["form"] = c.form;
    if (f & kChemical) j["chemical"] = c.chemical;
    if (f & kXY) {
        j["x"] = c.x;
        j["y"] = c.y;
    }
    if (f & kRadius) j["radius"] = c.radius;
    if (f & kValue) j["value"] = c.value;
    return j;
}

std::optional<Command> commandFromJson(const JsonDocument& doc, const std::string& ptr,
                                       std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject(ptr)) return std::nullopt;
    const auto name = r.string(ptr, "type");
    if (!name) return std::nullopt;
    const auto type = commandFromName(*name);
    if (!type) {
        r.error(pointerChild(ptr, "type"),
                "unknown command \"" + *name + "\" (one of: " + knownNames() + ")");
        return std::nullopt;
    }
    Command c;
    c.type = *type;
    const unsigned f = spec(c.type).fields;
    auto str = [&](unsigned bit, const char* key, std::string& dst) {
        if (f & bit) dst = r.string(ptr, key).value_or("");
    };
    auto num = [&](unsigned bit, const char* key, double& dst) {
        if (f & bit) dst = r.number(ptr, key).value_or(0);
    };
    str(kUnit, "unit", c.unit);
    str(kTarget, "target", c.target);
    str(kForm, "form", c.form);
    str(kChemical, "chemical", c.chemical);
    num(kXY, "x", c.x);
    num(kXY, "y", c.y);
    num(kRadius, "radius", c.radius);
    num(kValue, "value", c.value);
    if ((f & kForm) && r.ok() && c.form != "oral" && c.form != "written")
        r.error(pointerChild(ptr, "form"), "must be \"oral\" or \"written\"");
    if ((f & kRadius) && r.ok() && c.radius <= 0)
        r.error(pointerChild(ptr, "radius"), "must be positive");
    if (!r.ok()) return std::nullopt;
    return c;
}

Command commandFromJson(const nlohmann::json& j) {
    std::vector<Diagnostic> diags;
    const auto doc = parseJsonText("<command>", j.dump(), diags);
    std::optional<Command> c;
    if (doc) c = commandFromJson(*doc, "", diags);
    if (!c) throw std::runtime_error(diags.empty() ? "invalid command" : diags.front().message);
    return *c;
}

}  // namespace drillbase::sim
