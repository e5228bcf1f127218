#include "core/contour.h"

#include <cmath>

namespace ll {

std::vector<ContourSegment> contour_segments(const std::vector<double>& values, int nx, int ny,
                                             double level) {
  std::vector<ContourSegment> out;
  if (nx < 2 || ny < 2 || values.size() < static_cast<std::size_t>(nx) * ny) return out;
  const auto v = [&](int i, int j) { return values[static_cast<std::size_t>(j) * nx + i]; };
  for (int j = 0; j + 1 < ny; ++j) {
    for (int i = 0; i + 1 < nx; ++i) {
      // Corners counter-clockwise from (i, j): 0 (i, j), 1 (i+1, j), 2 (i+1, j+1), 3 (i, j+1).
      const double c[4] = {v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1)};
      if (!std::isfinite(c[0]) || !std::isfinite(c[1]) || !std::isfinite(c[2]) ||
          !std::isfinite(c[3]))
        continue;
      const double px[4] = {double(i), double(i + 1), double(i + 1), double(i)};
      const double py[4] = {double(j), double(j), double(j + 1), double(j + 1)};
      int mask = 0;
      for (int k = 0; k < 4; ++k)
        if (c[k] > level) mask |= 1 << k;
      if (mask == 0 || mask == 15) continue;
      // The crossing on edge e (from corner e to corner e + 1).
      const auto cross = [&](int e, double& x, double& y) {
        const int a = e, b = (e + 1) % 4;
        const double t = (level - c[a]) / (c[b] - c[a]);
        x = px[a] + t * (px[b] - px[a]);
        y = py[a] + t * (py[b] - py[a]);
      };
      // Edges whose ends are on different sides, in order 0..3.
      int edges[4], n = 0;
      for (int e = 0; e < 4; ++e)
        if (((mask >> e) & 1) != ((mask >> ((e + 1) % 4)) & 1)) edges[n++] = e;
      ContourSegment s{};
      if (n == 2) {
        cross(edges[0], s.x0, s.y0);
        cross(edges[1], s.x1, s.y1);
        out.push_back(s);
        continue;
      }
      // Saddle (mask 5 or 10): the centre decides which corners connect.
      const bool centre_above = (c[0] + c[1] + c[2] + c[3]) / 4.0 > level;
      const bool corner0_above = (mask & 1) != 0;
      // If the centre is on corner 0's side, corner 0 joins the centre: cut off corners 1, 3.
      const int pairs[2][2] = {{0, 1}, {2, 3}};  // cuts around corners 1 and 3
      const int other[2][2] = {{3, 0}, {1, 2}};  // cuts around corners 0 and 2
      const auto& use = centre_above == corner0_above ? pairs : other;
      for (const auto& p : use) {
        cross(p[0], s.x0, s.y0);
        cross(p[1], s.x1, s.y1);
        out.push_back(s);
      }
    }
  }
  return out;
}

}  // namespace ll
