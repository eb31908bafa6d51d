// flood_boundaries.cpp — resolving boundary lines, breaches and gauges to cells (see the header).
#include "sim/hydraulics/flood_boundaries.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drillbase::sim {

namespace {

constexpr std::size_t kOff = std::numeric_limits<std::size_t>::max();

bool needsSeries(BoundaryKind k) {
    return k == BoundaryKind::QVar || k == BoundaryKind::HVar;
}

std::string sideName(BoundarySide s) {
    switch (s) {
        case BoundarySide::Point: return "P";
        case BoundarySide::North: return "N";
        case BoundarySide::South: return "S";
        case BoundarySide::East: return "E";
        case BoundarySide::West: return "W";
    }
    return "?";
}

bool finite(double v) {
    return std::isfinite(v);
}

}  // namespace

std::size_t pointCell(const FloodModel& m, const BoundaryCondition& b) {
    if (b.cellI >= 0 && b.cellJ >= 0) {
        if (b.cellI >= m.nx || b.cellJ >= m.ny) return kOff;
        return m.index(b.cellI, b.cellJ);
    }
    return cellAt(m, b.x, b.y);
}

std::size_t cellAt(const FloodModel& m, double x, double y) {
    if (m.cellM <= 0) return kOff;
    const double fi = std::floor((x - m.xll) / m.cellM);
    const double fj = std::floor((y - m.yll) / m.cellM);
    if (!(fi >= 0 && fi < m.nx && fj >= 0 && fj < m.ny)) return kOff;
    return m.index(static_cast<int>(fi), static_cast<int>(fj));
}

std::vector<std::string> checkFloodModel(const FloodModel& m) {
    std::vector<std::string> e;
    if (m.nx <= 0 || m.ny <= 0 || !(m.cellM > 0) || !finite(m.cellM))
        e.push_back("the grid needs positive ncols, nrows and cellsize");
    const std::size_t n = m.cells();
    if (m.z.size() != n || m.inDomain.size() != n || m.manning.size() != n)
        e.push_back("elevation, domain mask and Manning's n must each have ncols x nrows cells");
    if (!m.h0.empty() && m.h0.size() != n)
        e.push_back("the initial depth grid must have ncols x nrows cells");
    if (!e.empty()) return e;
    for (std::size_t k = 0; k < n; ++k) {
        if (!m.inDomain[k]) continue;
        if (!finite(m.z[k])) e.push_back("an elevation is not a finite number");
        if (!(m.manning[k] > 0) || !finite(m.manning[k]))
            e.push_back("Manning's n must be positive in every cell of the domain");
        if (!m.h0.empty() && (!(m.h0[k] >= 0) || !finite(m.h0[k])))
            e.push_back("initial depths must be finite and not negative");
        if (!e.empty()) return e;
    }
    const FloodSettings& s = m.settings;
    if (!(s.simTimeS > 0) || !(s.initialStepS > 0) || !(s.alpha > 0 && s.alpha <= 1) ||
        !(s.depthThresholdM > 0) || !(s.gravity > 0) || !(s.massIntervalS >= 0))
        e.push_back("sim_time, initial_tstep, alpha, the depth threshold and g must be positive");
    for (const BoundaryCondition& b : m.boundaries) {
        const std::string where = sideName(b.side) + " boundary";
        if (needsSeries(b.kind) && !m.findSeries(b.series))
            e.push_back(where + ": time series '" + b.series + "' is not defined");
        if (b.side == BoundarySide::Point) {
            const std::size_t c = pointCell(m, b);
            if (c == kOff || !m.inDomain[c]) e.push_back(where + ": the point is off the domain");
            if (b.kind == BoundaryKind::Free)
                e.push_back(where + ": FREE applies to an edge, not to a point");
        }
    }
    for (const Breach& br : m.breaches)
        if (!(br.durationS >= 0) || !finite(br.bottomM) || !finite(br.startS))
            e.push_back("breach '" + br.id + "': start, duration and bottom must be finite");
    return e;
}

std::vector<std::size_t> cellsOnSegment(const FloodModel& m, double x0, double y0, double x1,
                                        double y1, double halfWidthM) {
    // Sampled at a quarter cell so that no cell the segment crosses is missed; sqrt, not hypot:
    // correctly rounded, so every machine picks the same cells.
    std::vector<std::size_t> out;
    const double dxs = x1 - x0, dys = y1 - y0;
    const double len = std::sqrt(dxs * dxs + dys * dys);
    const int samples = 1 + static_cast<int>(std::ceil(4 * len / m.cellM));
    for (int s = 0; s <= samples; ++s) {
        const double w = static_cast<double>(s) / samples;
        const std::size_t c = cellAt(m, x0 + w * dxs, y0 + w * dys);
        if (c == kOff || !m.inDomain[c]) continue;
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    if (halfWidthM > 0) {
        // Distance from each cell centre near the segment to it, with IEEE operations only.
        const double len2 = dxs * dxs + dys * dys;
        const double pad = halfWidthM + m.cellM;
        const int i0 =
            std::max(0, static_cast<int>(std::floor((std::min(x0, x1) - pad - m.xll) / m.cellM)));
        const int i1 = std::min(
            m.nx - 1, static_cast<int>(std::floor((std::max(x0, x1) + pad - m.xll) / m.cellM)));
        const int j0 =
            std::max(0, static_cast<int>(std::floor((std::min(y0, y1) - pad - m.yll) / m.cellM)));
        const int j1 = std::min(
            m.ny - 1, static_cast<int>(std::floor((std::max(y0, y1) + pad - m.yll) / m.cellM)));
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i) {
                const double cx = m.xll + (i + 0.5) * m.cellM, cy = m.yll + (j + 0.5) * m.cellM;
                double w = len2 > 0 ? ((cx - x0) * dxs + (cy - y0) * dys) / len2 : 0;
                w = std::min(1.0, std::max(0.0, w));
                const double ex = cx - (x0 + w * dxs), ey = cy - (y0 + w * dys);
                const std::size_t c = m.index(i, j);
                if (ex * ex + ey * ey > halfWidthM * halfWidthM || !m.inDomain[c]) continue;
                if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
            }
    }
    return out;
}

ResolvedInputs resolveInputs(const FloodModel& m) {
    ResolvedInputs r;
    for (const BoundaryCondition& b : m.boundaries) {
        ResolvedBoundary rb;
        rb.side = b.side;
        rb.kind = b.kind;
        rb.value = b.value;
        rb.series = needsSeries(b.kind) ? m.findSeries(b.series) : nullptr;
        if (b.side == BoundarySide::Point) {
            rb.cell = pointCell(m, b);
            r.boundaries.push_back(rb);
            continue;
        }
        // An edge: the outer row or column, cells whose centre lies within [from, to].
        const bool alongX = b.side == BoundarySide::North || b.side == BoundarySide::South;
        const double lo = std::min(b.from, b.to), hi = std::max(b.from, b.to);
        const int count = alongX ? m.nx : m.ny;
        for (int k = 0; k < count; ++k) {
            // Cells are chosen by their edges, as LISFLOOD-FP 8.1's LoadBCs does it (its index
            // truncation worked out): N start < x_east <= finish, S start <= x_west < finish,
            // E start <= y_south < finish, W start < y_north <= finish. With the ends on cell
            // edges all four take the cells lying wholly inside the range.
            const double low = (alongX ? m.xll : m.yll) + k * m.cellM, high = low + m.cellM;
            const bool upperEdge = b.side == BoundarySide::North || b.side == BoundarySide::West;
            const bool in = upperEdge ? (lo < high && high <= hi) : (lo <= low && low < hi);
            if (!in) continue;
            int i = k, j = k;
            if (b.side == BoundarySide::North) j = m.ny - 1;
            if (b.side == BoundarySide::South) j = 0;
            if (b.side == BoundarySide::East) i = m.nx - 1;
            if (b.side == BoundarySide::West) i = 0;
            const std::size_t c = m.index(i, j);
            if (!m.inDomain[c]) continue;
            rb.cell = c;
            r.boundaries.push_back(rb);
        }
    }
    for (std::size_t k = 0; k < m.breaches.size(); ++k) {
        const Breach& br = m.breaches[k];
        for (std::size_t c : cellsOnSegment(m, br.x0, br.y0, br.x1, br.y1, 0.5 * br.widthM))
            r.breachCells.push_back(
                {c, k, m.z[c], std::min(m.z[c], br.bottomM), br.startS, br.durationS});
    }
    for (const Gauge& g : m.gauges) r.gaugeCells.push_back(cellAt(m, g.x, g.y));
    return r;
}

}  // namespace drillbase::sim
