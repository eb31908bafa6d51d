// fake_hazard.h — a hazard with a known field for engine tests: intensity `level` inside a
// disc, zero outside, from a source that valves can stop. Not physics, just a fixture.
#pragma once

#include "sim/engine/hazard.h"

#include <cmath>

struct DiscHazard : drillbase::sim::Hazard {
    double cx = 0, cy = 0, radius = 0, level = 0;
    bool stopped = false;
    std::int64_t steps = 0;
    void step(std::int64_t, double, const drillbase::sim::Wind&) override { ++steps; }
    double intensityAt(double x, double y, double) const override {
        return !stopped && std::hypot(x - cx, y - cy) <= radius ? level : 0.0;
    }
    std::array<double, 3> levels() const override { return {1, 10, 100}; }
    bool stopSource(const std::string&, std::int64_t) override { return stopped = true; }
    void mitigate(double, double, double) override {}
    bool inject(const drillbase::sim::Command&, std::int64_t) override { return false; }
    void hashInto(drillbase::sim::StateHasher& h) const override {
        h.add(stopped);
        h.add(steps);
    }
};
