// The bands the grid and axes are drawn on (app/gl/line_bands.h): every pixel whose centre is
// near a line is covered exactly once, crossings included, and nothing else.
#include "app/gl/line_bands.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ll::gui {
namespace {

// How many rectangles cover the centre of each pixel of a w x h viewport.
std::vector<int> cover_counts(const std::vector<float>& r, int w, int h) {
  std::vector<int> n(static_cast<std::size_t>(w * h), 0);
  for (std::size_t i = 0; i + 3 < r.size(); i += 4) {
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        const float cx = x + 0.5f, cy = y + 0.5f;
        if (cx >= r[i] && cx < r[i + 2] && cy >= r[i + 1] && cy < r[i + 3]) ++n[y * w + x];
      }
    }
  }
  return n;
}

TEST(BandRects, EveryPixelNearALineOnceAndNoOther) {
  const int w = 120, h = 90;
  const std::vector<double> xs = {-1.0, 10.2, 15.0, 60.5, 119.7, 300.0};  // 10.2 and 15 overlap
  const std::vector<double> ys = {0.0, 44.4, 89.9};
  const double reach = 2.25;
  const std::vector<float> r = band_rects(xs, ys, reach, w, h);
  const std::vector<int> n = cover_counts(r, w, h);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      bool near = false;
      for (const double v : xs) near = near || std::abs(x + 0.5 - v) < reach;
      for (const double v : ys) near = near || std::abs(y + 0.5 - v) < reach;
      ASSERT_LE(n[y * w + x], 1) << x << ", " << y;  // never twice: crossings blend once
      if (near) {
        ASSERT_EQ(n[y * w + x], 1) << x << ", " << y;
      }
    }
  }
  // Bands only: far from the lines nothing is drawn (the whole point of them).
  int drawn = 0;
  for (const int c : n) drawn += c;
  EXPECT_LT(drawn, w * h / 2);
}

TEST(BandRects, NothingOutsideTheViewport) {
  EXPECT_TRUE(band_rects({-50.0, 500.0, NAN}, {-20.0}, 2.0, 100, 100).empty());
}

}  // namespace
}  // namespace ll::gui
