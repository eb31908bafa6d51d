#include "sim/engine/command_spec.h"

#include "common/json_fields.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace drillbase::sim {

namespace {

constexpr Slot kAllSlots[] = {Slot::Unit, Slot::Target, Slot::Form,   Slot::Chemical,
                              Slot::X,    Slot::Y,      Slot::Radius, Slot::Value};

std::string numberText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

// Why `v` is not allowed for `p`, or "".
std::string numberProblem(const ParamSpec& p, double v) {
    if (!std::isfinite(v)) return "must be a finite number";
    if (p.integer && v != std::floor(v)) return "must be a whole number";
    if (p.min == p.max) return "";
    const std::string unit = p.unit.empty() ? "" : " " + p.unit;
    if (p.exclusiveMin ? v <= p.min : v < p.min)
        return std::string("must be ") + (p.exclusiveMin ? "more than " : "at least ") +
               numberText(p.min) + unit;
    if (v > p.max) return "must be at most " + numberText(p.max) + unit;
    return "";
}

std::string stringProblem(const ParamSpec& p, const std::string& v) {
    if (v.empty()) return "must not be empty";
    if (p.source != ChoiceSource::Fixed) return "";
    if (std::find(p.choices.begin(), p.choices.end(), v) != p.choices.end()) return "";
    std::string all;
    for (const auto& c : p.choices) all += (all.empty() ? "\"" : ", \"") + c + "\"";
    return "must be one of " + all;
}

}  // namespace

bool isNumberSlot(Slot s) {
    return s == Slot::X || s == Slot::Y || s == Slot::Radius || s == Slot::Value;
}

std::string& stringSlot(Command& c, Slot s) {
    switch (s) {
        case Slot::Unit: return c.unit;
        case Slot::Target: return c.target;
        case Slot::Form: return c.form;
        default: return c.chemical;
    }
}

double& numberSlot(Command& c, Slot s) {
    switch (s) {
        case Slot::X: return c.x;
        case Slot::Y: return c.y;
        case Slot::Radius: return c.radius;
        default: return c.value;
    }
}

ParamSpec makeParam(Slot slot, const char* labelKey, ChoiceSource src, std::string choiceList) {
    ParamSpec p;
    p.slot = slot;
    p.labelKey = labelKey;
    p.source = src;
    p.choiceList = std::move(choiceList);
    if (slot == Slot::X || slot == Slot::Y) p.unit = "m";
    return p;
}

CommandSpec makeSpec(const char* id, unsigned issuers, Gesture gesture,
                     std::vector<ParamSpec> params, bool control) {
    CommandSpec s;
    s.id = id;
    s.labelKey = std::string("command.") + id;
    s.issuers = issuers;
    s.gesture = gesture;
    s.params = std::move(params);
    s.control = control;
    return s;
}

const char* slotKey(Slot s) {
    switch (s) {
        case Slot::Unit: return "unit";
        case Slot::Target: return "target";
        case Slot::Form: return "form";
        case Slot::Chemical: return "chemical";
        case Slot::X: return "x";
        case Slot::Y: return "y";
        case Slot::Radius: return "radius";
        case Slot::Value: return "value";
    }
    return "value";
}

const ParamSpec* CommandSpec::param(Slot s) const {
    for (const auto& p : params)
        if (p.slot == s) return &p;
    return nullptr;
}

void CommandCatalog::add(const std::vector<CommandSpec>& more) {
    for (const auto& s : more) {
        // A hazard may not redefine an engine command: the first declaration stands.
        if (!find(s.id)) specs_.push_back(s);
    }
}

const CommandSpec* CommandCatalog::find(const std::string& id) const {
    for (const auto& s : specs_)
        if (s.id == id) return &s;
    return nullptr;
}

std::string CommandCatalog::names() const {
    std::string all;
    for (const auto& s : specs_) all += (all.empty() ? "" : ", ") + s.id;
    return all;
}

std::optional<Command> CommandCatalog::parse(const JsonDocument& doc, const std::string& ptr,
                                             std::vector<Diagnostic>& out) const {
    FieldReader r(doc, out);
    if (!r.isObject(ptr)) return std::nullopt;
    const auto name = r.string(ptr, "type");
    if (!name) return std::nullopt;
    const CommandSpec* spec = find(*name);
    if (!spec) {
        std::vector<std::string_view> ids;
        for (const auto& s : specs_) ids.push_back(s.id);
        const auto near = nearestName(*name, ids);
        r.error(pointerChild(ptr, "type"), "unknown command \"" + *name + "\"" +
                                               (near.empty() ? " (one of: " + names() + ")"
                                                             : "; did you mean \"" + near + "\"?"));
        return std::nullopt;
    }
    std::vector<std::string_view> keys = {"type"};
    for (const auto& p : spec->params) keys.push_back(slotKey(p.slot));
    r.knownKeys(ptr, keys);
    Command c;
    c.type = spec->id;
    for (const auto& p : spec->params) {
        const char* key = slotKey(p.slot);
        if (isNumberSlot(p.slot)) {
            const auto v = r.number(ptr, key);
            if (!v) continue;
            numberSlot(c, p.slot) = *v;
            if (const auto why = numberProblem(p, *v); !why.empty())
                r.error(pointerChild(ptr, key), why);
        } else {
            const auto v = r.string(ptr, key);
            if (!v) continue;
            stringSlot(c, p.slot) = *v;
            if (const auto why = stringProblem(p, *v); !why.empty())
                r.error(pointerChild(ptr, key), why);
        }
    }
    if (!r.ok()) return std::nullopt;
    return c;
}

std::optional<Command> CommandCatalog::parse(const nlohmann::json& j, std::string& error) const {
    std::vector<Diagnostic> diags;
    const auto doc = parseJsonText("<command>", j.dump(), diags);
    std::optional<Command> c;
    if (doc) c = parse(*doc, "", diags);
    if (!c) {
        error.clear();
        for (const auto& d : diags)
            error += (error.empty() ? "" : "; ") + (d.pointer.empty() ? "" : d.pointer + ": ") +
                     d.message;
        if (error.empty()) error = "invalid command";
    }
    return c;
}

std::string CommandCatalog::check(const Command& cmd) const {
    const CommandSpec* spec = find(cmd.type);
    if (!spec) return "unknown command \"" + cmd.type + "\"";
    Command c = cmd;
    for (const auto& p : spec->params) {
        const std::string why = isNumberSlot(p.slot) ? numberProblem(p, numberSlot(c, p.slot))
                                                     : stringProblem(p, stringSlot(c, p.slot));
        if (!why.empty()) return std::string(slotKey(p.slot)) + ": " + why;
    }
    return "";
}

nlohmann::json CommandCatalog::toJson(const Command& cmd) const {
    nlohmann::json j = {{"type", cmd.type}};
    const CommandSpec* spec = find(cmd.type);
    Command c = cmd;
    for (Slot s : kAllSlots) {
        if (spec && !spec->uses(s)) continue;
        if (isNumberSlot(s))
            j[slotKey(s)] = numberSlot(c, s);
        else if (spec || !stringSlot(c, s).empty())
            j[slotKey(s)] = stringSlot(c, s);
    }
    return j;
}

}  // namespace drillbase::sim
