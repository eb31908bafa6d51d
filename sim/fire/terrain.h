// terrain.h — slope and aspect of a DEM by Horn's third-order finite differences:
// B. K. P. Horn (1981), "Hill shading and the reflectance map", Proceedings of the IEEE 69(1),
// 14–47, eq. for p = dz/dx and q = dz/dy over the 3 x 3 window weighted 1-2-1 — the method of
// ArcGIS "How Slope works" and GDAL gdaldem (its default), with which C2F-W users make
// slope.asc and saz.asc. The Vilopriu files match it to 1e-4 degrees (tests/sim/test_landscape).
//
// With the window   a b c   (north row)
//                   d e f
//                   g h i   (south row)
//   dz/dx (east)  = ((c + 2f + i) - (a + 2d + g)) / (8 * cell)
//   dz/dy (north) = ((a + 2b + c) - (g + 2h + i)) / (8 * cell)
//   slope         = hypot(dz/dx, dz/dy)                      (rise over run, tan of the angle)
//   aspect        = bearing of the steepest DESCENT, (-dz/dx, -dz/dy), in degrees clockwise from
//                   north in [0, 360) — GDAL's and ArcGIS's convention and that of C2F-W's saz
//                   (slope azimuth). A flat window has aspect 0.
// A neighbour outside the grid or without data counts as the centre's elevation (no
// gradient from that side), so edges and holes get a one-sided estimate instead of none.
// Only IEEE arithmetic and dmath (hypot, atan2): the same bits on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace drillbase::sim::fire {

// `elev` and `valid` hold ncols·nrows cells, index j·ncols + i with row j = 0 the SOUTHERN one
// (as sim::AsciiGrid stores them). Cells without data get slope 0 and aspect 0.
void hornSlopeAspect(const std::vector<double>& elev, const std::vector<std::uint8_t>& valid,
                     int ncols, int nrows, double cellM, std::vector<float>& slopeTan,
                     std::vector<float>& aspectDeg);

// Degrees of a slope given as rise over run, and back; dmath only.
double slopeDegFromTan(double tanSlope);
double tanFromSlopeDeg(double deg);

}  // namespace drillbase::sim::fire
