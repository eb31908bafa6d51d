// fake_hazard.h — a hazard with a known field for engine tests: intensity `level` inside a
// disc, zero outside, from a source that valves can stop. Not physics, just a fixture: harm is
// the intensity breathed, a tenth of it indoors, levels 1 / 10 / 100.
#pragma once

#include "sim/engine/drill_state.h"
#include "sim/engine/hazard.h"

#include <algorithm>
#include <cmath>

struct DiscHazard : drillbase::sim::Hazard {
    double cx = 0, cy = 0, radius = 0, level = 0;
    bool stopped = false;
    std::int64_t steps = 0;
    drillbase::sim::HazardLegend legendDef{
        "legend.test",
        "u",
        {{"l1", "", 1, 0}, {"l2", "", 10, 0}, {"l3", "", 100, 0}},
        2,
        0,
        0,
        "",
        {}};

    void step(std::int64_t, double, const drillbase::sim::Wind&,
              drillbase::sim::DrillContext&) override {
        ++steps;
    }
    double intensityAt(double x, double y, double) const override {
        return !stopped && std::hypot(x - cx, y - cy) <= radius ? level : 0.0;
    }
    const drillbase::sim::HazardLegend& legend() const override { return legendDef; }
    void harm(const drillbase::sim::Exposure& e, drillbase::sim::Harm& h,
              double dt) const override {
        const double c = intensityAt(e.x, e.y, 1.5) * (e.building >= 0 ? 0.1 : 1.0);
        h.level = levelOf(c);
        h.worstLevel = std::max(h.worstLevel, h.level);
        h.peak = std::max(h.peak, c);
        if (!e.ppe) h.dose += c * dt;
    }
    // "close_valve" stops the disc after the unit walks to the target point and works 180 s.
    bool apply(const drillbase::sim::Command& c, drillbase::sim::DrillContext& ctx) override {
        if (c.type != "close_valve") return false;
        auto* u = ctx.unit(c.unit);
        if (!u) {
            ctx.reject(c, "unknown unit " + c.unit);
            return true;
        }
        ctx.assign(*u, {"close_valve", c.target, 580, 675, true, 180, {{"valve", c.target}}});
        return true;
    }
    void finishTask(drillbase::sim::UnitState& u, const std::string&, const std::string& target,
                    drillbase::sim::DrillContext& ctx) override {
        stopped = true;
        ctx.emit("valve_closed", {{"unit", u.id}, {"valve", target}});
    }
    void hashInto(drillbase::sim::StateHasher& h) const override {
        h.add(stopped);
        h.add(steps);
    }
};
