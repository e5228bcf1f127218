// app/figure: the backend-free description of the canvas and the loss plot (no GL, no ImGui,
// no cairo), checked on its own.
#include <gtest/gtest.h>

#include <cmath>

#include "app/figure/canvas_figure.h"
#include "app/figure/loss_plot.h"
#include "core/datasets.h"

namespace ll::figure {
namespace {

CanvasInput input(const Scene& s, const Evaluation& e) {
  CanvasInput in;
  in.scene = &s;
  in.eval = &e;
  in.map = fit_mapping(Rect{-1, -1, 1, 1}, 600, 400);
  in.measure = [](const std::string& t, double size, bool) { return 0.6 * size * t.size(); };
  return in;
}

TEST(Figure, MappingShowsTheWorldCentredWithItsAspect) {
  const CanvasMapping m = fit_mapping(Rect{-1, -1, 1, 1}, 600, 400);
  EXPECT_DOUBLE_EQ(m.ppu, 200.0);
  const Vec o = m.to_px({0, 0});
  EXPECT_DOUBLE_EQ(o.x(), 300.0);
  EXPECT_DOUBLE_EQ(o.y(), 200.0);
  EXPECT_DOUBLE_EQ(m.to_px({1, 1}).y(), 0.0);  // y up in the world, down in pixels
  EXPECT_NEAR((m.to_world(m.to_px({0.3, -0.7})) - Vec(0.3, -0.7)).norm(), 0.0, 1e-12);
}

TEST(Figure, ArrowsStartOnTheirLinesNearestTheCentreWithLabelsApart) {
  const Scene s = default_scene();
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  const CanvasFigure f = describe_canvas(input(s, e));
  ASSERT_EQ(f.class_lines.size(), 3u);
  ASSERT_EQ(f.arrows.size(), 3u);
  ASSERT_EQ(f.arrow_labels.size(), 3u);
  for (const Arrow& a : f.arrows) {
    const Vec base = f.map.to_world(a.from);
    const int k = a.cls;
    // On the zero line, the point of it nearest to the view centre (0, 0).
    EXPECT_NEAR(s.params.W(k, 0) * base.x() + s.params.W(k, 1) * base.y() + s.params.b(k), 0.0,
                1e-9);
    EXPECT_NEAR((base - nearest_on_line(s.params, k, {0, 0})).norm(), 0.0, 1e-9);
    // At least kArrowMinRadii pick radii long, pointing along W_k (pixels: y down).
    const Vec d = a.to - a.from;
    EXPECT_GE(d.norm(), kArrowMinRadii * kArrowPickPx - 1e-9);
    EXPECT_GT(d.x() * s.params.W(k, 0) - d.y() * s.params.W(k, 1), 0.0);
    EXPECT_EQ(a.color, Style{}.class_line(k));
  }
  for (std::size_t i = 0; i < f.arrow_labels.size(); ++i) {
    EXPECT_EQ(f.arrow_labels[i].text, "W" + std::to_string(f.arrow_labels[i].cls));
    EXPECT_EQ(f.arrow_labels[i].top_left.x(), std::floor(f.arrow_labels[i].top_left.x()));
    for (std::size_t j = 0; j < i; ++j)  // no two labels share a pixel
      EXPECT_GT((f.arrow_labels[i].top_left - f.arrow_labels[j].top_left).cwiseAbs().maxCoeff(),
                0.6 * 16.0);
  }
}

TEST(Figure, MarkersCarryTheLossAndMisclassifiedFlags) {
  const Scene s = default_scene();
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  const CanvasFigure f = describe_canvas(input(s, e));
  ASSERT_EQ(f.markers.size(), s.points.size());
  int wrong = 0;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    EXPECT_EQ(f.markers[i].loss, e.losses(ii) > 0.0);
    EXPECT_EQ(f.markers[i].wrong, e.predictions(ii) != s.points[i].label);
    wrong += f.markers[i].wrong;
  }
  EXPECT_GT(wrong, 0);  // the default scene starts at 22% accuracy
  EXPECT_FALSE(f.points.compact);
  EXPECT_FLOAT_EQ(static_cast<float>(f.points.radius), kPointRadius);
}

TEST(Figure, MarginLinesAtPlusMinusDeltaAndRegionsTileTheCanvas) {
  Scene s = default_scene();
  s.loss.delta = 0.5;
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  CanvasInput in = input(s, e);
  in.options.margins = true;
  const CanvasFigure f = describe_canvas(in);
  ASSERT_EQ(f.margin_lines.size(), 6u);
  for (const Line& l : f.margin_lines) {
    const Vec a = f.map.to_world(l.a);
    const double v =
        s.params.W(l.cls, 0) * a.x() + s.params.W(l.cls, 1) * a.y() + s.params.b(l.cls);
    EXPECT_NEAR(std::abs(v), 0.5, 1e-9);
    EXPECT_TRUE(l.dashed);
  }
  double area = 0.0;
  for (const std::vector<Vec>& poly : f.regions) {
    Polygon world;
    for (const Vec& p : poly) world.push_back(p);
    area += std::abs(polygon_area(world));
  }
  EXPECT_NEAR(area, 600.0 * 400.0, 1e-6);
}

TEST(Figure, RegionColourIsTheArgmaxsAndTheScoreShadingsSign) {
  const Scene s = default_scene();
  const Style style;
  CanvasOptions o;
  for (const Vec& x : {Vec(-0.8, 0.9), Vec(-0.9, -0.9), Vec(0.95, 0.25)}) {
    double sc[kMaxClasses];
    point_scores(s.params, Point{x.x(), x.y(), 0}, sc);
    EXPECT_EQ(region_color(s.params, o, style, x), style.class_region(argmax(sc, 3)));
  }
  o.regions = RegionMode::Score;
  o.score_class = 0;
  // The shader's rule: the class colour where s_0 > 0, a grey where s_0 < 0, 0.85 tanh(|s|/2).
  for (const Vec& x : {Vec(-5.0, 5.0), Vec(5.0, -5.0), Vec(0.3, 0.2)}) {
    const double v = s.params.W(0, 0) * x.x() + s.params.W(0, 1) * x.y() + s.params.b(0);
    const palette::Rgb toward = v >= 0.0 ? style.class_line(0) : palette::Rgb{115, 115, 128};
    EXPECT_EQ(region_color(s.params, o, style, x),
              palette::mix(style.colors().background, toward, 0.85 * std::tanh(std::abs(v) * 0.5)));
  }
}

TEST(Figure, LossPlotSeriesAndColoursAreTheStyles) {
  const std::vector<LossRecord> r{{2.0, 1.0, 3.0, 0.25}, {1.5, 0.9, 2.4, 0.5}};
  for (const Style& style : {Style{}, Style{palette::Theme::Dark}}) {
    const LossPlotFigure f = describe_loss_plot({0, 10}, r, style);
    ASSERT_EQ(f.series.size(), 4u);
    EXPECT_EQ(f.series[0].color, style.plot().total);
    EXPECT_EQ(f.series[1].color, style.plot().data);
    EXPECT_EQ(f.series[2].color, style.plot().reg);
    EXPECT_EQ(f.series[3].color, style.plot().accuracy);
    EXPECT_TRUE(f.series[3].right_axis);
    EXPECT_DOUBLE_EQ(f.series[3].y[1], 0.5);
    EXPECT_DOUBLE_EQ(f.series[1].y[0], 2.0);
    EXPECT_DOUBLE_EQ(f.x_max, 10.0);
  }
  EXPECT_NE(Style{}.plot().total, Style{palette::Theme::Dark}.plot().total);
}

}  // namespace
}  // namespace ll::figure
