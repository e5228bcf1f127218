// core/metric/plane_figure.h: the plane's description and its equal-aspect pixel mapping.
#include "core/metric/plane_figure.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ll::metric {
namespace {

TEST(PlaneFigure, MappingKeepsCirclesRoundAndTheViewVisible) {
  PlaneFigure f;  // [-3, 3]²
  const PlaneMapping m = fit_plane(f, 100, 50, 800, 600);
  EXPECT_DOUBLE_EQ(m.scale, 100.0);  // limited by the height
  const Vec2 o = m.to_pixels(Vec2(0, 0));
  EXPECT_DOUBLE_EQ(o.x(), 500.0);
  EXPECT_DOUBLE_EQ(o.y(), 350.0);
  const Vec2 tr = m.to_pixels(Vec2(3, 3));  // y up
  EXPECT_DOUBLE_EQ(tr.x(), 800.0);
  EXPECT_DOUBLE_EQ(tr.y(), 50.0);
  const Vec2 back = m.to_plane(Vec2(612.5, 287.5));
  EXPECT_DOUBLE_EQ(back.x(), 1.125);
  EXPECT_DOUBLE_EQ(back.y(), 0.625);
}

TEST(PlaneFigure, PlaygroundRingsMarkersAndArrows) {
  const Playground g = default_playground();
  const PlaygroundSettings s{MetricLoss::Triplet, DistanceForm::Squared, 1.0};
  const PlaygroundReport r = evaluate(g, s);
  PlaygroundFigureOptions o;
  o.highlight = PointRef{PointKind::Negative, 1};
  const PlaneFigure f = playground_figure(g, s, r, o, -3, 3, -3, 3);
  ASSERT_EQ(f.rings.size(), 2u);
  EXPECT_DOUBLE_EQ(f.rings[0].radius, std::sqrt(1.25));
  EXPECT_NEAR(f.rings[1].radius, 1.5, 1e-15);
  EXPECT_EQ(f.rings[1].role, PlaneRole::RingOuter);
  ASSERT_EQ(f.markers.size(), 6u);
  EXPECT_EQ(f.markers[0].role, PlaneRole::Hard);
  EXPECT_EQ(f.markers[1].role, PlaneRole::SemiHard);
  EXPECT_TRUE(f.markers[1].highlighted);
  EXPECT_EQ(f.markers[2].role, PlaneRole::Easy);
  EXPECT_EQ(f.markers[2].label, "n3");
  EXPECT_EQ(f.markers.back().role, PlaneRole::Anchor);
  // Each term: arrows on the points it moves, none for the easy negative's (zero) terms.
  // Active triplets here: (p1,n1), (p1,n2), (p2,n1), (p2,n2) -> 3 arrows each.
  EXPECT_EQ(r.active, 4);
  EXPECT_EQ(f.arrows.size(), 12u);
  for (const PlaneArrow& a : f.arrows) EXPECT_NE(a.role, PlaneRole::Easy);
  // Arrows point along −gradient: the hard negative is pushed away from the anchor.
  const PlaneArrow& n1 = f.arrows[2];
  EXPECT_EQ(n1.from, g.negatives[0]);
  EXPECT_GT((n1.to - g.anchor).norm(), (n1.from - g.anchor).norm());

  o.arrows = ArrowMode::PerPoint;
  EXPECT_EQ(playground_figure(g, s, r, o, -3, 3, -3, 3).arrows.size(), 5u);  // easy n3: none
  o.arrows = ArrowMode::Off;
  EXPECT_TRUE(playground_figure(g, s, r, o, -3, 3, -3, 3).arrows.empty());

  const PlaygroundSettings c{MetricLoss::Contrastive, DistanceForm::Squared, 4.0};
  const PlaneFigure fc = playground_figure(g, c, evaluate(g, c), o, -3, 3, -3, 3);
  ASSERT_EQ(fc.rings.size(), 3u);
  EXPECT_EQ(fc.rings[2].role, PlaneRole::RingMargin);
  EXPECT_DOUBLE_EQ(fc.rings[2].radius, 2.0);
}

TEST(PlaneFigure, EmbeddingFigureFitsTheEmbeddedPoints) {
  LinearMap m;
  m.A << 2, 0, 0, 3;
  m.c = Vec2(1, 0);
  const std::vector<LabelledPoint> pts = {{Vec2(1, 1), 0}, {Vec2(-1, 0.5), 1}};
  const PlaneFigure f = embedding_figure(pts, m, true);
  ASSERT_EQ(f.markers.size(), 4u);
  EXPECT_EQ(f.markers[2].at, Vec2(3, 3));
  EXPECT_EQ(f.markers[3].cls, 1);
  EXPECT_EQ(f.markers[0].role, PlaneRole::ClassOrigin);
  EXPECT_GT(f.x_max, 3.0);
  EXPECT_GT(f.y_max, 3.0);
  EXPECT_LT(f.x_min, -1.0);
}

}  // namespace
}  // namespace ll::metric

namespace ll::metric {
namespace {

TEST(PlaneFigure, PlaygroundViewIsASquareAroundThePointsAndTheOuterRing) {
  Playground g;
  g.anchor = Vec2(0, 0);
  g.positives = {Vec2(1, 0)};
  g.negatives = {Vec2(4, 0)};
  const PlaygroundReport r = evaluate(g, PlaygroundSettings{});  // outer ring √2
  const PlaneView v = playground_view(g, r);
  EXPECT_NEAR(v.x_max - v.x_min, v.y_max - v.y_min, 1e-12);
  // x from −√2 to 4: half-width 2.707 × 1.15 around 1.293.
  const double half = 0.5 * (4.0 + std::sqrt(2.0)) * 1.15;
  EXPECT_NEAR(v.x_min, 0.5 * (4.0 - std::sqrt(2.0)) - half, 1e-12);
  EXPECT_NEAR(v.x_max, 0.5 * (4.0 - std::sqrt(2.0)) + half, 1e-12);
  EXPECT_NEAR(0.5 * (v.y_min + v.y_max), 0.0, 1e-12);
  // A single point: at least [-1.15, 1.15].
  const PlaneView one = playground_view(Playground{}, PlaygroundReport{});
  EXPECT_NEAR(one.x_max, 1.15, 1e-12);
  EXPECT_NEAR(one.y_min, -1.15, 1e-12);
}

}  // namespace
}  // namespace ll::metric
