// hazard.h — the one interface between the drill engine and a hazard model (toxic gas now;
// flood depth and fire spread next). The engine owns time, weather, people and units; a
// hazard only advances its own physics and answers "how bad is it here".
#pragma once

#include "sim/engine/command.h"
#include "sim/engine/state_hash.h"
#include "sim/field_grid.h"

#include <array>
#include <cstdint>
#include <string>

namespace drillbase::sim {

struct Wind {
    double speedMS = 2;
    double fromDeg = 0;  // where it blows from, clockwise from north
    char stability = 'D';
    bool urban = false;
};

class Hazard {
public:
    virtual ~Hazard() = default;
    // Advances the hazard by one engine tick of dtS seconds (sub-stepping as its stability needs).
    virtual void step(std::int64_t tick, double dtS, const Wind& wind) = 0;
    // Hazard intensity at a point (toxic gas: mg/m³ at height z).
    virtual double intensityAt(double x, double y, double z) const = 0;
    // The intensities of the three harm levels (toxic gas: AEGL-1, -2, -3 in mg/m³).
    virtual std::array<double, 3> levels() const = 0;
    // Toxic load: the increment of ∫Cⁿ dt over dtS seconds at `intensity`, in the units of the
    // hazard's lethality probit (0 when it has none), and the fraction of people expected to
    // die from a given load, Φ(Y − 5) with Y = a + b·ln(load) (TNO Green Book, CPR 16E).
    virtual double toxicLoadIncrement(double /*intensity*/, double /*dtS*/) const { return 0; }
    virtual double fatalityFraction(double /*toxicLoad*/) const { return 0; }
    // Stops a source (a valve closed on a release). Returns false if no such source.
    virtual bool stopSource(const std::string& sourceId, std::int64_t tick) = 0;
    // Mitigation at a point (a water curtain knocks down part of the gas passing it).
    virtual void mitigate(double x, double y, double fraction) = 0;
    // Instructor injects the hazard understands (secondary leak); returns false otherwise.
    virtual bool inject(const Command& c, std::int64_t tick) = 0;
    virtual void hashInto(StateHasher& h) const = 0;
    // The intensity on a grid (overlays, threat zones). The default samples intensityAt at each
    // cell centre; models with a faster way override it.
    virtual void fillField(FieldGrid& grid, double z) const {
        for (int j = 0; j < grid.ny; ++j)
            for (int i = 0; i < grid.nx; ++i)
                grid.at(i, j) = intensityAt(grid.centreX(i), grid.centreY(j), z);
    }
};

}  // namespace drillbase::sim
