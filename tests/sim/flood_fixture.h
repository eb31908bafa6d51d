// flood_fixture.h — small flood models built in code for the solver's tests.
#pragma once

#include "sim/hydraulics/flood_model.h"

#include <functional>

namespace drillbase::sim::test {

// An nx × ny grid at `cell` metres, bed z(i, j), uniform Manning's n, no boundaries.
inline FloodModel floodGrid(int nx, int ny, double cell, double n,
                            const std::function<double(int, int)>& z) {
    FloodModel m;
    m.nx = nx;
    m.ny = ny;
    m.cellM = cell;
    m.z.resize(m.cells());
    m.inDomain.assign(m.cells(), 1);
    m.manning.assign(m.cells(), n);
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) m.z[m.index(i, j)] = z(i, j);
    m.settings.simTimeS = 3600;
    m.settings.initialStepS = 10;
    return m;
}

inline TimeSeries series(std::string name, std::vector<double> t, std::vector<double> v) {
    TimeSeries s;
    s.name = std::move(name);
    s.tS = std::move(t);
    s.value = std::move(v);
    return s;
}

}  // namespace drillbase::sim::test
