// Marching squares: crossings on the cell edges by linear interpolation, saddles by the centre.
#include "core/contour.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ll {
namespace {

TEST(Contour, CircleOfAParaboloid) {
  const int n = 41;
  std::vector<double> v(n * n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      const double x = (i - 20) / 10.0, y = (j - 20) / 10.0;
      v[static_cast<std::size_t>(j * n + i)] = x * x + y * y;
    }
  const auto segs = contour_segments(v, n, n, 1.0);  // the unit circle: radius 10 grid units
  ASSERT_GT(segs.size(), 40u);
  for (const ContourSegment& s : segs) {
    for (const auto& [x, y] : {std::pair{s.x0, s.y0}, std::pair{s.x1, s.y1}}) {
      const double r = std::hypot(x - 20, y - 20);
      EXPECT_NEAR(r, 10.0, 0.1);  // linear interpolation of r^2 along an edge: close to it
    }
  }
  EXPECT_TRUE(contour_segments(v, n, n, -1.0).empty());   // below the minimum
  EXPECT_TRUE(contour_segments(v, n, n, 100.0).empty());  // above the maximum
}

TEST(Contour, LinearRampGivesExactStraightLine) {
  // v = i: the level 2.5 is the vertical line x = 2.5 in every row of cells.
  const int nx = 6, ny = 4;
  std::vector<double> v(nx * ny);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) v[static_cast<std::size_t>(j * nx + i)] = i;
  const auto segs = contour_segments(v, nx, ny, 2.5);
  ASSERT_EQ(segs.size(), 3u);
  for (const ContourSegment& s : segs) {
    EXPECT_EQ(s.x0, 2.5);
    EXPECT_EQ(s.x1, 2.5);
    EXPECT_EQ(std::abs(s.y1 - s.y0), 1.0);
  }
}

TEST(Contour, SaddleAndMissingValues) {
  // Corners (0,0)=1 (1,0)=0 (1,1)=1 (0,1)=0: a saddle; centre 0.5 > 0.4 joins the high corners.
  std::vector<double> v = {1, 0, 0, 1};
  auto segs = contour_segments(v, 2, 2, 0.4);
  ASSERT_EQ(segs.size(), 2u);
  // Each segment cuts off a low corner: (1,0) or (0,1).
  for (const ContourSegment& s : segs) {
    const double mx = (s.x0 + s.x1) / 2, my = (s.y0 + s.y1) / 2;
    EXPECT_TRUE((mx > 0.5 && my < 0.5) || (mx < 0.5 && my > 0.5)) << mx << "," << my;
  }
  segs = contour_segments(v, 2, 2, 0.6);  // centre below: the high corners are cut off
  ASSERT_EQ(segs.size(), 2u);
  for (const ContourSegment& s : segs) {
    const double mx = (s.x0 + s.x1) / 2, my = (s.y0 + s.y1) / 2;
    EXPECT_TRUE((mx < 0.5 && my < 0.5) || (mx > 0.5 && my > 0.5)) << mx << "," << my;
  }
  v[0] = std::nan("");
  EXPECT_TRUE(contour_segments(v, 2, 2, 0.4).empty());
  EXPECT_TRUE(contour_segments(v, 1, 4, 0.4).empty());
}

}  // namespace
}  // namespace ll
