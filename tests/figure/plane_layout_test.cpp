// app/figure/plane_layout: the embedding plane laid out once for both backends (no GL, no
// ImGui, no cairo): mapping, rings and the semi-hard band, category colours and shapes, arrows,
// ring labels clear of the markers, the legend's corner.
#include "app/figure/plane_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/metric/plane_figure.h"

namespace ll::figure {
namespace {

using metric::PlaneRole;
using metric::Vec2;

const MeasureText kMeasure = [](const std::string& t, double size, bool) {
  return 0.6 * size * static_cast<double>(t.size());
};

// a = 0, p = (1, 0): squared form with m = 1, rings at d = 1 and √2. n1 = (0.5, 0) hard,
// n2 = (0, 1.2) semi-hard (d² = 1.44 in [1, 2)), n3 = (-2, 0) easy (d² = 4).
struct Scene3 {
  metric::Playground g;
  metric::PlaygroundSettings s;
  metric::PlaygroundReport r;
  metric::PlaneFigure f;
};
Scene3 three_negatives(metric::ArrowMode arrows = metric::ArrowMode::EachTerm) {
  Scene3 k;
  k.g.anchor = Vec2(0, 0);
  k.g.positives = {Vec2(1, 0)};
  k.g.negatives = {Vec2(0.5, 0), Vec2(0, 1.2), Vec2(-2, 0)};
  k.r = metric::evaluate(k.g, k.s);
  metric::PlaygroundFigureOptions o;
  o.arrows = arrows;
  k.f = metric::playground_figure(k.g, k.s, k.r, o, -3, 3, -3, 3);
  return k;
}

bool same(palette::Rgb a, palette::Rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

TEST(PlaneLayout, MappingIsTheFiguresEqualAspectFit) {
  const Scene3 k = three_negatives();
  const PlaneLayout l = layout_plane(k.f, 800, 600, Style{}, kMeasure);
  EXPECT_DOUBLE_EQ(l.mapping.scale, 100.0);  // 600 px for 6 units, the smaller side
  const Vec o = l.mapping.to_pixels(Vec2(0, 0));
  EXPECT_DOUBLE_EQ(o.x(), 400.0);
  EXPECT_DOUBLE_EQ(o.y(), 300.0);
  EXPECT_DOUBLE_EQ(l.mapping.to_pixels(Vec2(0, 3)).y(), 0.0);  // y up
}

TEST(PlaneLayout, RingsAtTheCategoryBoundariesWithTheSemiHardBandBetween) {
  const Scene3 k = three_negatives();
  const Style st;
  const PlaneLayout l = layout_plane(k.f, 600, 600, st, kMeasure);
  ASSERT_EQ(l.rings.size(), 2u);
  EXPECT_NEAR(l.rings[0].radius, 100.0, 1e-9);                   // d(a,p) = 1
  EXPECT_NEAR(l.rings[1].radius, 100.0 * std::sqrt(2.0), 1e-9);  // √(d² + m)
  EXPECT_TRUE(same(l.rings[0].color, plane_color(st, PlaneRole::RingInner)));
  EXPECT_TRUE(same(l.rings[1].color, plane_color(st, PlaneRole::RingOuter)));
  EXPECT_TRUE(l.rings[0].dashes.empty());
  EXPECT_NEAR(l.rings[0].center.x(), 300.0, 1e-9);
  ASSERT_EQ(l.bands.size(), 1u);
  EXPECT_NEAR(l.bands[0].inner, l.rings[0].radius, 1e-9);
  EXPECT_NEAR(l.bands[0].outer, l.rings[1].radius, 1e-9);
  EXPECT_TRUE(same(l.bands[0].color, plane_color(st, PlaneRole::SemiHard)));
}

TEST(PlaneLayout, ContrastiveMarginRingIsDashedOverHalfItsCircle) {
  Scene3 k = three_negatives();
  k.s.loss = metric::MetricLoss::Contrastive;
  k.r = metric::evaluate(k.g, k.s);
  k.f = metric::playground_figure(k.g, k.s, k.r, {}, -3, 3, -3, 3);
  const PlaneLayout l = layout_plane(k.f, 600, 600, Style{}, kMeasure);
  const auto it = std::find_if(l.rings.begin(), l.rings.end(),
                               [](const PlaneRingLook& r) { return !r.dashes.empty(); });
  ASSERT_NE(it, l.rings.end());
  double on = 0.0;
  for (const PlaneRingLook::Arc& a : it->dashes) {
    EXPECT_GT(a.t1, a.t0);
    on += a.t1 - a.t0;
  }
  EXPECT_NEAR(on, M_PI, 1e-9);  // every other segment
}

TEST(PlaneLayout, NegativesAreDiamondsInTheirCategoryColours) {
  for (bool dark : {false, true}) {
    Style st;
    st.theme = dark ? palette::Theme::Dark : palette::Theme::Light;
    const Scene3 k = three_negatives();
    ASSERT_EQ(k.r.categories.size(), 3u);
    const PlaneLayout l = layout_plane(k.f, 600, 600, st, kMeasure);
    const PlaneRole want[3] = {PlaneRole::Hard, PlaneRole::SemiHard, PlaneRole::Easy};
    for (int j = 0; j < 3; ++j) {
      const Vec at = l.mapping.to_pixels(k.g.negatives[size_t(j)]);
      const auto it = std::find_if(l.markers.begin(), l.markers.end(),
                                   [&](const auto& m) { return (m.at - at).norm() < 1e-9; });
      ASSERT_NE(it, l.markers.end()) << j;
      EXPECT_EQ(it->shape, PlaneShape::Diamond);
      EXPECT_TRUE(same(it->fill, plane_color(st, want[j]))) << j;
      EXPECT_EQ(plane_marker_polygon(*it).size(), 4u);
    }
    // Three distinct category colours, none the background.
    const palette::Rgb h = plane_color(st, PlaneRole::Hard),
                       s = plane_color(st, PlaneRole::SemiHard),
                       e = plane_color(st, PlaneRole::Easy);
    EXPECT_FALSE(same(h, s));
    EXPECT_FALSE(same(s, e));
    EXPECT_FALSE(same(h, e));
    EXPECT_FALSE(same(h, st.colors().background));
    // The anchor is the square, drawn last (on top).
    EXPECT_EQ(l.markers.back().shape, PlaneShape::Square);
  }
}

TEST(PlaneLayout, ArrowsPointAlongMinusTheGradientAndTinyOnesAreDropped) {
  const Scene3 k = three_negatives();
  const PlaneLayout l = layout_plane(k.f, 600, 600, Style{}, kMeasure);
  // Each term: the hard and semi-hard triplets move a, p and n (6 arrows), the easy one none.
  EXPECT_EQ(l.arrows.size(), 6u);
  // The hard negative n1 = (0.5, 0) is pushed away from the anchor, to +x.
  const Vec n1 = l.mapping.to_pixels(Vec2(0.5, 0));
  bool found = false;
  for (const Arrow& a : l.arrows)
    if ((a.from - n1).norm() < 1e-9) {
      found = true;
      EXPECT_GT(a.to.x(), a.from.x());
    }
  EXPECT_TRUE(found);
  // At a tenth of the size the same arrows are under 3 px and left out.
  const PlaneLayout tiny = layout_plane(k.f, 6, 6, Style{}, kMeasure);
  EXPECT_TRUE(tiny.arrows.empty());
}

TEST(PlaneLayout, RingLabelsSitInsideTheFigureClearOfEveryMarker) {
  const Scene3 k = three_negatives();
  const PlaneLayout l = layout_plane(k.f, 600, 600, Style{}, kMeasure);
  ASSERT_EQ(l.ring_labels.size(), 2u);
  for (const BoxedText& b : l.ring_labels) {
    EXPECT_GE(b.box_min.x(), -2.0);
    EXPECT_GE(b.box_min.y(), -1.0);
    EXPECT_LE(b.box_max.x(), 602.0);
    EXPECT_LE(b.box_max.y(), 601.0);
    for (const PlaneMarkerLook& m : l.markers) {
      const bool inside = m.at.x() > b.box_min.x() && m.at.x() < b.box_max.x() &&
                          m.at.y() > b.box_min.y() && m.at.y() < b.box_max.y();
      EXPECT_FALSE(inside) << b.text.text;
    }
  }
  // The two labels do not overlap.
  const BoxedText &a = l.ring_labels[0], &b = l.ring_labels[1];
  const bool overlap = a.box_min.x() < b.box_max.x() && b.box_min.x() < a.box_max.x() &&
                       a.box_min.y() < b.box_max.y() && b.box_min.y() < a.box_max.y();
  EXPECT_FALSE(overlap);
}

TEST(PlaneLayout, LegendTakesTheCornerWithTheFewestMarkers) {
  Scene3 k = three_negatives();
  const PlaneLayout l = layout_plane(k.f, 600, 600, Style{}, kMeasure);
  ASSERT_TRUE(l.legend);
  EXPECT_EQ(l.legend_rows.size(), k.f.legend.size());
  EXPECT_DOUBLE_EQ(l.legend_min.x(), 8.0);  // nothing in the top left: it stays there
  EXPECT_DOUBLE_EQ(l.legend_min.y(), 8.0);
  for (const PlaneLegendRow& r : l.legend_rows) {
    EXPECT_GE(r.label.top_left.y(), l.legend_min.y());
    EXPECT_LE(r.label.top_left.y() + r.label.size, l.legend_max.y() + 1e-9);
  }
  // Markers in the top left corner push it elsewhere.
  for (int i = 0; i < 4; ++i)
    k.f.markers.push_back({Vec2(-2.6 + 0.2 * i, 2.6), PlaneRole::Class, 0, 6.0, false, ""});
  const PlaneLayout moved = layout_plane(k.f, 600, 600, Style{}, kMeasure);
  EXPECT_FALSE(moved.legend_min.x() == 8.0 && moved.legend_min.y() == 8.0);
}

TEST(PlaneLayout, GridHasTheAxesThroughTheOriginAndTicksInside) {
  const Scene3 k = three_negatives();
  const Style st;
  const PlaneLayout l = layout_plane(k.f, 600, 600, st, kMeasure);
  int axes = 0;
  for (const Line& g : l.grid)
    if (same(g.color, st.colors().axis)) {
      ++axes;
      EXPECT_TRUE(std::abs(g.a.x() - 300.0) < 1e-9 || std::abs(g.a.y() - 300.0) < 1e-9);
    }
  EXPECT_EQ(axes, 2);
  ASSERT_FALSE(l.tick_labels.empty());
  for (const Text& t : l.tick_labels) {
    EXPECT_GE(t.top_left.x(), 0.0);
    EXPECT_LE(t.top_left.y() + t.size, 600.0);
  }
}

TEST(PlaneLayout, TextAndLinesGrowWithTheStyleScale) {
  const Scene3 k = three_negatives();
  Style big;
  big.scale = 2.0f;
  const PlaneLayout a = layout_plane(k.f, 600, 600, Style{}, kMeasure);
  const PlaneLayout b = layout_plane(k.f, 600, 600, big, kMeasure);
  EXPECT_DOUBLE_EQ(b.font, 2.0 * a.font);
  EXPECT_DOUBLE_EQ(b.rings[0].width, 2.0 * a.rings[0].width);
  EXPECT_DOUBLE_EQ(b.markers.back().radius, 2.0 * a.markers.back().radius);
}

}  // namespace
}  // namespace ll::figure
