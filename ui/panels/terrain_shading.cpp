// terrain_shading.cpp — shaded relief of an elevation grid (see the header). Display only: the
// C library's trigonometry is fine here, nothing of it reaches the simulation.
#include "ui/panels/terrain_shading.h"

#include <algorithm>
#include <cmath>

namespace drillbase::ui {

std::vector<ImU32> shadeTerrain(const sim::FieldGrid& g) {
    std::vector<ImU32> out(static_cast<std::size_t>(g.nx) * static_cast<std::size_t>(g.ny), 0);
    double lo = INFINITY, hi = -INFINITY;
    for (double v : g.values)
        if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (!(hi >= lo)) return out;
    const double span = std::max(hi - lo, 1.0);
    // Relief on a floodplain is a few metres over kilometres: exaggerate it so it shows.
    const double exaggeration = std::clamp(200.0 / span, 2.0, 10.0);
    const double pi = 3.14159265358979323846;
    const double az = 315 * pi / 180, alt = 45 * pi / 180;
    const double lx = std::cos(alt) * std::sin(az), ly = std::cos(alt) * std::cos(az),
                 lz = std::sin(alt);
    auto at = [&](int i, int j, double centre) {
        i = std::clamp(i, 0, g.nx - 1);
        j = std::clamp(j, 0, g.ny - 1);
        const double v = g.at(i, j);
        return std::isnan(v) ? centre : v;
    };
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            const double z = g.at(i, j);
            if (std::isnan(z)) continue;
            // Horn (1981): weighted differences over the 3×3 neighbourhood (j grows north).
            const double a = at(i - 1, j + 1, z), b = at(i, j + 1, z), c = at(i + 1, j + 1, z);
            const double d = at(i - 1, j, z), f = at(i + 1, j, z);
            const double gg = at(i - 1, j - 1, z), h = at(i, j - 1, z), k = at(i + 1, j - 1, z);
            const double dzdx = ((c + 2 * f + k) - (a + 2 * d + gg)) / (8 * g.cellM);
            const double dzdy = ((a + 2 * b + c) - (gg + 2 * h + k)) / (8 * g.cellM);
            const double nx = -dzdx * exaggeration, ny = -dzdy * exaggeration, nz = 1;
            const double len = std::sqrt(nx * nx + ny * ny + nz * nz);
            const double shade = std::clamp((nx * lx + ny * ly + nz * lz) / len, 0.0, 1.0);
            const double t = (z - lo) / span;  // 0 lowland … 1 the highest ground shown
            const double r = 70 + 80 * t, gr = 96 + 30 * t - 10 * t * t, bl = 64 + 20 * t;
            const double light = 0.45 + 0.75 * shade;
            auto ch = [&](double v) { return static_cast<int>(std::clamp(v * light, 0.0, 255.0)); };
            out[static_cast<std::size_t>(j) * static_cast<std::size_t>(g.nx) +
                static_cast<std::size_t>(i)] = IM_COL32(ch(r), ch(gr), ch(bl), 255);
        }
    return out;
}

}  // namespace drillbase::ui
