#include "core/regions.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/losses.h"
#include "core/rng.h"

namespace ll {
namespace {

int argmax_at(const Params& p, const Eigen::Vector2d& x) {
  double s[kMaxClasses];
  point_scores(p, Point{x.x(), x.y(), 0}, s);
  return argmax(s, p.classes());
}

// Checks the three defining properties of the regions of `p` in `view`.
void expect_exact_regions(const Params& p, const Rect& view) {
  const std::vector<Polygon> regions = class_regions(p, view);
  ASSERT_EQ(static_cast<int>(regions.size()), p.classes());
  double total = 0.0;
  for (int k = 0; k < p.classes(); ++k) {
    const Polygon& poly = regions[static_cast<std::size_t>(k)];
    if (poly.empty()) continue;
    const double area = polygon_area(poly);
    EXPECT_GT(area, 0.0) << "class " << k << " is not counter-clockwise";
    total += area;
    for (const Eigen::Vector2d& v : poly) {
      EXPECT_TRUE(view.contains(v, 1e-9)) << "class " << k;
      for (int j = 0; j < p.classes(); ++j) {
        const double margin = (p.W.row(k) - p.W.row(j)).dot(v) + p.b(k) - p.b(j);
        EXPECT_GE(margin, -1e-9) << "vertex of class " << k << " loses to " << j;
      }
    }
    EXPECT_EQ(argmax_at(p, polygon_centroid(poly)), k) << "centroid of class " << k;
  }
  EXPECT_NEAR(total, view.area(), 1e-9 * view.area()) << "regions do not tile the viewport";
}

TEST(Regions, DefaultSceneTilesTheViewport) {
  const Params p = default_scene().params;
  expect_exact_regions(p, Rect{});
  expect_exact_regions(p, Rect{-3.0, -2.0, 5.0, 0.5});
  // All three classes win somewhere in [-1, 1]^2 for the demo's weights.
  for (const Polygon& poly : class_regions(p, Rect{})) EXPECT_FALSE(poly.empty());
}

TEST(Regions, ManyRandomClassifiers) {
  Rng rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const int K = 2 + trial % (kMaxClasses - 1);
    Params p{WeightMatrix(K, 2), BiasVector(K)};
    for (int k = 0; k < K; ++k) {
      p.W(k, 0) = rng.uniform(-3.0, 3.0);
      p.W(k, 1) = rng.uniform(-3.0, 3.0);
      p.b(k) = rng.uniform(-1.0, 1.0);
    }
    expect_exact_regions(p, Rect{-1.0, -1.0, 1.0, 1.0});
  }
}

TEST(Regions, TwoClassBoundaryIsExact) {
  // s_0 = x, s_1 = 0: class 0 wins on x >= 0, exactly half of [-1, 1]^2.
  Params p{WeightMatrix(2, 2), BiasVector::Zero(2)};
  p.W << 1.0, 0.0, 0.0, 0.0;
  const std::vector<Polygon> r = class_regions(p, Rect{});
  EXPECT_NEAR(polygon_area(r[0]), 2.0, 1e-12);
  EXPECT_NEAR(polygon_area(r[1]), 2.0, 1e-12);
  for (const Eigen::Vector2d& v : r[0]) EXPECT_GE(v.x(), -1e-12);
}

TEST(Regions, IdenticalRowsGoToTheLowerIndex) {
  Params p = default_scene().params;
  p.W.row(2) = p.W.row(0);
  p.b(2) = p.b(0);
  const std::vector<Polygon> r = class_regions(p, Rect{});
  EXPECT_FALSE(r[0].empty());
  EXPECT_TRUE(r[2].empty());
  expect_exact_regions(p, Rect{});
}

TEST(Regions, AllZeroWeightsAndBiases) {
  Params p{WeightMatrix::Zero(3, 2), BiasVector::Zero(3)};
  const std::vector<Polygon> r = class_regions(p, Rect{});
  EXPECT_NEAR(polygon_area(r[0]), 4.0, 1e-12);
  EXPECT_TRUE(r[1].empty());
  EXPECT_TRUE(r[2].empty());
  p.b << 0.0, 0.0, 1.0;  // constant scores: the largest bias wins everywhere
  EXPECT_TRUE(class_region(p, 0, Rect{}).empty());
  EXPECT_NEAR(polygon_area(class_region(p, 2, Rect{})), 4.0, 1e-12);
}

TEST(Regions, ClassThatWinsNowhere) {
  // Class 2 is dominated inside the viewport: it only wins for x0 > 10.
  Params p{WeightMatrix(3, 2), BiasVector(3)};
  p.W << 0.0, 1.0, 0.0, -1.0, 1.0, 0.0;
  p.b << 0.0, 0.0, -10.0;
  const std::vector<Polygon> r = class_regions(p, Rect{});
  EXPECT_TRUE(r[2].empty());
  expect_exact_regions(p, Rect{});
  EXPECT_FALSE(class_region(p, 2, Rect{9.0, -1.0, 12.0, 1.0}).empty());
}

TEST(Regions, EmptyViewport) {
  const Params p = default_scene().params;
  for (const Polygon& poly : class_regions(p, Rect{1.0, 0.0, 1.0, 2.0})) EXPECT_TRUE(poly.empty());
  EXPECT_FALSE(zero_line_segment(p, 0, Rect{1.0, 1.0, 0.0, 0.0}).has_value());
}

TEST(Regions, ZeroLineSegmentLiesOnTheLineAndInTheViewport) {
  const Scene s = default_scene();
  const Rect view{};
  for (int k = 0; k < s.classes(); ++k) {
    const std::optional<Segment> seg = zero_line_segment(s.params, k, view);
    ASSERT_TRUE(seg.has_value()) << "class " << k;
    for (const Eigen::Vector2d& v : {seg->a, seg->b}) {
      EXPECT_NEAR(s.params.W.row(k).dot(v) + s.params.b(k), 0.0, 1e-12);
      EXPECT_TRUE(view.contains(v, 1e-12));
      // Endpoints lie on the viewport's border.
      const double border = std::min({std::abs(v.x() - view.x_min), std::abs(v.x() - view.x_max),
                                      std::abs(v.y() - view.y_min), std::abs(v.y() - view.y_max)});
      EXPECT_NEAR(border, 0.0, 1e-12);
    }
    EXPECT_GT((seg->b - seg->a).norm(), 0.1);
  }
  // Class 0: x0 + 2 x1 = 0 crosses [-1, 1]^2 from (-1, 0.5) to (1, -0.5).
  const Segment seg0 = *zero_line_segment(s.params, 0, view);
  EXPECT_NEAR((seg0.b - seg0.a).norm(), std::sqrt(4.0 + 1.0), 1e-12);
}

TEST(Regions, ZeroLineDegenerateCases) {
  Params p{WeightMatrix::Zero(2, 2), BiasVector::Zero(2)};
  EXPECT_FALSE(zero_line_segment(p, 0, Rect{}).has_value());  // W_k = 0: no line
  p.W << 1.0, 0.0, 0.0, 1.0;
  p.b << -5.0, 0.0;  // x0 = 5 misses [-1, 1]^2
  EXPECT_FALSE(zero_line_segment(p, 0, Rect{}).has_value());
  // Axis-aligned line x1 = 0 spans the full width.
  const std::optional<Segment> seg = zero_line_segment(p, 1, Rect{});
  ASSERT_TRUE(seg.has_value());
  EXPECT_NEAR(std::abs(seg->b.x() - seg->a.x()), 2.0, 1e-12);
  EXPECT_NEAR(seg->a.y(), 0.0, 1e-12);
  // Margin level lines: s_1 = 1 is x1 = 1, the top edge (kept); s_1 = 1.5 misses.
  EXPECT_TRUE(level_segment(p, 1, 1.0, Rect{}).has_value());
  EXPECT_FALSE(level_segment(p, 1, 1.5, Rect{}).has_value());
  // A line touching only a corner counts as missing: x0 + x1 = 2 touches (1, 1).
  p.W << 1.0, 1.0, 0.0, 1.0;
  p.b << -2.0, 0.0;
  EXPECT_FALSE(zero_line_segment(p, 0, Rect{}).has_value());
}

TEST(Regions, CentroidOfSquare) {
  const Polygon sq = rect_polygon(Rect{1.0, 2.0, 3.0, 6.0});
  EXPECT_NEAR(polygon_area(sq), 8.0, 1e-12);
  EXPECT_NEAR(polygon_centroid(sq).x(), 2.0, 1e-12);
  EXPECT_NEAR(polygon_centroid(sq).y(), 4.0, 1e-12);
}

}  // namespace
}  // namespace ll
