// field_grid.h — a scalar field sampled on a regular map grid: gas concentration today, water
// depth or fire intensity later. Cell (i, j) covers [x0 + i·cell, x0 + (i+1)·cell) east and the
// same north; its value is taken at the cell centre. Row-major, row j = 0 is the southern row.
#pragma once

#include <cstddef>
#include <vector>

namespace drillbase::sim {

struct FieldGrid {
    double originX = 0, originY = 0;  // south-west corner of cell (0, 0), metres
    double cellM = 10;
    int nx = 0, ny = 0;
    std::vector<double> values;  // nx·ny, index j·nx + i

    FieldGrid() = default;
    FieldGrid(double x0, double y0, double cell, int cols, int rows)
        : originX(x0),
          originY(y0),
          cellM(cell),
          nx(cols),
          ny(rows),
          values(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows), 0.0) {}

    double centreX(int i) const { return originX + (i + 0.5) * cellM; }
    double centreY(int j) const { return originY + (j + 0.5) * cellM; }
    double& at(int i, int j) { return values[static_cast<std::size_t>(j) * nx + i]; }
    double at(int i, int j) const { return values[static_cast<std::size_t>(j) * nx + i]; }
};

}  // namespace drillbase::sim
