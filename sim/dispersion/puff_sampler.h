// puff_sampler.h — the concentration field of a puff model sampled on nested grids, so that
// thousands of people and units can breathe it at a cost that does not grow with the number
// of puffs: each refresh splats every puff once onto the grid whose spacing is at most
// σ / cellsPerSigma of that puff (grids of 0.125 m · 2^L; a puff's Gaussian is separable, so a
// splat costs three exponentials per axis and one multiply-add per node), and a point is then
// read on each grid by Catmull–Rom cubic interpolation of the logarithm of the field (a
// Gaussian's logarithm is a quadratic, which the cubic reproduces exactly; bilinear
// interpolation of the values would overestimate its convex flanks by about h²f''/8, several
// percent three σ off the axis). The tests and tools/bench/bench_drill hold the peak each person
// meets to summation over every puff within 2 % (tests/sim/test_gas_sampling.cpp).
#pragma once

#include "sim/dispersion/puff_model.h"

#include <cstddef>
#include <vector>

namespace drillbase::sim {

class PuffSampler {
public:
    // Re-samples `model` at height z over [x0, x1] × [y0, y1] (the map), each puff out to
    // `cutoffSigmas` σ.
    void refresh(const PuffModel& model, double z, double cellsPerSigma, double cutoffSigmas,
                 double x0, double y0, double x1, double y1);
    // mg/m³ at (x, y): the sum of every grid's interpolated value (0 outside them all).
    double at(double x, double y) const;
    std::size_t nodes() const;  // memory and work, for the bench

private:
    struct Level {
        double h = 0;           // node spacing, m
        double ox = 0, oy = 0;  // position of node (0, 0)
        int nx = 0, ny = 0;
        std::vector<double> v;                      // ny rows of nx nodes, south row first
        double bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;  // extent of the puffs on this grid
        bool used = false;
    };
    std::vector<Level> levels_;
    std::vector<double> ex_, ey_;
};

}  // namespace drillbase::sim
