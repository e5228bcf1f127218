#pragma once
// Contour lines of a grid of values by marching squares: for a level c, the segments joining the
// points where the linear interpolation along each cell edge crosses c. Coordinates are
// in grid units (column i, row j as doubles). A saddle cell (two opposite corners above c) is
// resolved by the cell's centre value, the mean of its corners. Cells with a non-finite corner
// give nothing.
#include <vector>

namespace ll {

struct ContourSegment {
  double x0, y0, x1, y1;  // grid units: x along columns, y along rows
};

// values: nx * ny, row-major (row j at j * nx). nx, ny >= 2, else nothing.
std::vector<ContourSegment> contour_segments(const std::vector<double>& values, int nx, int ny,
                                             double level);

}  // namespace ll
