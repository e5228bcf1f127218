// app/figure: the backend-free description of the canvas and the loss plot (no GL, no ImGui,
// no cairo), checked on its own.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

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
    EXPECT_EQ(f.markers[i].loss, e.losses(ii) > 0.0 ? 1.0 : 0.0);  // a hinge loss: full ring
    EXPECT_EQ(f.markers[i].wrong, e.predictions(ii) != s.points[i].label);
    wrong += f.markers[i].wrong;
  }
  EXPECT_GT(wrong, 0);  // the default scene starts at 22% accuracy
  EXPECT_FALSE(f.points.compact);
  EXPECT_FLOAT_EQ(static_cast<float>(f.points.radius), kPointRadius);
}

TEST(Figure, MultiLabelRingsFromTheCallersIndicesEqualTheFullScan) {
  Scene s = default_scene();
  s.loss.kind = LossKind::Sigmoid;
  s.points[2].set_label_mask(0b101);
  s.points[7].set_label_mask(0b111);
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  const CanvasFigure all = describe_canvas(input(s, e));
  ASSERT_EQ(all.multi_labels.size(), 2u);
  EXPECT_EQ(all.multi_labels[1].cls, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(all.multi_labels[0].at, input(s, e).map.to_px({s.points[2].x0, s.points[2].x1}));
  const std::vector<std::uint32_t> kept{2, 7, 99};  // an index past the end is skipped
  CanvasInput in = input(s, e);
  in.multi_label_points = &kept;
  const CanvasFigure f = describe_canvas(in);
  ASSERT_EQ(f.multi_labels.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(f.multi_labels[i].at, all.multi_labels[i].at);
    EXPECT_EQ(f.multi_labels[i].cls, all.multi_labels[i].cls);
  }
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

TEST(Figure, SoftmaxLossRingsScaleWithTheLoss) {
  Scene s = default_scene();
  s.loss.kind = LossKind::Softmax;
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  const CanvasFigure f = describe_canvas(input(s, e));
  const double ln3 = std::log(3.0);
  EXPECT_NEAR(loss_reference(s.loss, 3), ln3, 1e-12);
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const double L = e.losses(static_cast<Eigen::Index>(i));
    ASSERT_GT(L, 0.0);  // softmax: every point
    // L / ln 3 rounded up to 1/32: the ring's opacity in 32 steps.
    EXPECT_EQ(f.markers[i].loss, std::ceil(std::min(1.0, L / ln3) * 32.0) / 32.0);
    EXPECT_GE(f.markers[i].loss, std::min(1.0, L / ln3));
    EXPECT_LT(f.markers[i].loss, std::min(1.0, L / ln3) + 1.0 / 32.0);
  }
  EXPECT_EQ(f.points.loss_color, loss_color(Style{}));
  for (int k = 0; k < kMaxClasses; ++k) {  // neutral: no class's colour
    EXPECT_NE(f.points.loss_color, Style{}.class_line(k));
    EXPECT_NE(loss_color(Style{palette::Theme::Dark}), Style{palette::Theme::Dark}.class_line(k));
  }
  LossSettings sig;
  sig.kind = LossKind::Sigmoid;
  EXPECT_NEAR(loss_reference(sig, 10), 10.0 * std::log(2.0), 1e-12);
  EXPECT_EQ(loss_level(0.0, LossKind::Softmax, ln3), 0.0);
  EXPECT_EQ(loss_level(0.2, LossKind::WestonWatkins, 3.0), 1.0);
  EXPECT_EQ(loss_level(1e-9, LossKind::Softmax, ln3), 1.0 / 32.0);  // any loss shows
  EXPECT_EQ(loss_level(0.5 * ln3, LossKind::Softmax, ln3), 0.5);
  EXPECT_EQ(loss_level(0.51 * ln3, LossKind::Softmax, ln3), 17.0 / 32.0);
  EXPECT_EQ(loss_level(5.0, LossKind::Softmax, ln3), 1.0);
}

// A 10-class scene at 1024 x 768 whose zero lines all pass through the origin (the arrows all
// start there): no two W labels overlap, and none covers an arrow head or a point.
TEST(Figure, TenWeightLabelsNeverOverlap) {
  for (const double bias : {0.0, 0.05}) {
    Scene s = default_scene();
    s.params = default_params(kMaxClasses);
    for (int k = 0; k < kMaxClasses; ++k) s.params.b(k) = bias * k;
    s.points.clear();
    for (int k = 0; k < kMaxClasses; ++k)
      s.points.push_back({0.3 * std::cos(0.6 * k), 0.3 * std::sin(0.6 * k), k});
    const Evaluation e = evaluate(s.points, s.params, s.loss);
    CanvasInput in = input(s, e);
    in.map = fit_mapping(Rect{-1, -1, 1, 1}, 1024, 768);
    const CanvasFigure f = describe_canvas(in);
    ASSERT_EQ(f.arrow_labels.size(), static_cast<std::size_t>(kMaxClasses));
    auto box = [&](const Text& t) {
      return std::pair<Vec, Vec>{t.top_left,
                                 t.top_left + Vec(0.6 * t.size * t.text.size(), t.size)};
    };
    auto hit = [](const std::pair<Vec, Vec>& a, const Vec& lo, const Vec& hi) {
      return a.first.x() < hi.x() && lo.x() < a.second.x() && a.first.y() < hi.y() &&
             lo.y() < a.second.y();
    };
    for (std::size_t i = 0; i < f.arrow_labels.size(); ++i) {
      const auto bi = box(f.arrow_labels[i]);
      EXPECT_GE(bi.first.x(), 0.0);
      EXPECT_LE(bi.second.y(), 768.0);
      for (std::size_t j = 0; j < i; ++j) {
        const auto bj = box(f.arrow_labels[j]);
        EXPECT_FALSE(hit(bi, bj.first, bj.second))
            << f.arrow_labels[i].text << " and " << f.arrow_labels[j].text << " overlap";
      }
      for (const Arrow& a : f.arrows) EXPECT_FALSE(hit(bi, a.to, a.to)) << "on a head";
      for (const Marker& m : f.markers) {
        const Vec r(kPointRadius, kPointRadius);
        EXPECT_FALSE(hit(bi, m.at - r, m.at + r)) << f.arrow_labels[i].text << " on a point";
      }
    }
  }
}

// A canvas covered with markers except for four pockets near the arrow heads: each W label
// finds a spot clear of every marker and its loss ring (among some 1,400 of them).
TEST(Figure, WeightLabelsFindTheFreePocketsAmongManyPoints) {
  Scene s = default_scene();
  s.points.clear();
  for (double x = -1.5; x <= 1.5; x += 0.06)
    for (double y = -1.0; y <= 1.0; y += 0.06) {
      const bool pocket =
          std::abs(std::abs(x) - 0.45) < 0.25 && std::abs(std::abs(y) - 0.45) < 0.18;
      if (!pocket) s.points.push_back({x, y, 0});
    }
  ASSERT_GT(s.points.size(), 1300u);
  ASSERT_LT(s.points.size(), static_cast<std::size_t>(kCompactPoints));  // full-size markers
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  const CanvasInput in = input(s, e);
  const CanvasFigure f = describe_canvas(in);
  ASSERT_EQ(f.arrow_labels.size(), 3u);
  const double r = kPointRadius + kRingGap + kRingHalf;
  for (const Text& t : f.arrow_labels) {
    const Vec lo = t.top_left, hi = t.top_left + Vec(0.6 * t.size * t.text.size(), t.size);
    for (const Point& p : s.points) {
      const Vec c = in.map.to_px({p.x0, p.x1});
      EXPECT_FALSE(lo.x() < c.x() + r && c.x() - r < hi.x() && lo.y() < c.y() + r &&
                   c.y() - r < hi.y())
          << t.text << " at " << lo.transpose() << " covers the point at " << c.transpose();
    }
  }
}

// Tick labels at any zoom: distinct texts on each axis, never running into each other.
TEST(Figure, TickLabelsStayDistinctAndApartAtEveryZoom) {
  const Scene s = default_scene();
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  for (const double half : {2.0, 0.5, 1e-3, 1e-6, 1e-9, 1e-12}) {
    for (const double cx : {0.0, 0.0789, -123.456}) {
      CanvasInput in = input(s, e);
      in.map = fit_mapping(Rect{cx - half, cx - half, cx + half, cx + half}, 1024, 768);
      const CanvasFigure f = describe_canvas(in);
      ASSERT_GE(f.tick_labels.size(), 2u) << "half " << half << " at " << cx;
      // The x axis's labels share a row, the y axis's a column.
      std::vector<const Text*> xs, ys;
      for (const Text& t : f.tick_labels) {
        if (t.top_left.y() == f.tick_labels.front().top_left.y()) xs.push_back(&t);
        if (t.top_left.x() == f.tick_labels.back().top_left.x()) ys.push_back(&t);
      }
      ASSERT_GE(xs.size(), 2u) << "half " << half << " at " << cx;
      for (const auto* axis : {&xs, &ys})
        for (std::size_t i = 0; i < axis->size(); ++i)
          for (std::size_t j = 0; j < i; ++j)
            EXPECT_NE((*axis)[i]->text, (*axis)[j]->text) << "half " << half << " at " << cx;
      // Along the x axis (one row of labels), each ends before the next begins.
      std::sort(xs.begin(), xs.end(),
                [](const Text* a, const Text* b) { return a->top_left.x() < b->top_left.x(); });
      for (std::size_t i = 1; i < xs.size(); ++i)
        EXPECT_LT(xs[i - 1]->top_left.x() + 0.6 * xs[i - 1]->size * xs[i - 1]->text.size(),
                  xs[i]->top_left.x())
            << xs[i - 1]->text << " runs into " << xs[i]->text << " (half " << half << ")";
    }
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

namespace ll::figure {
namespace {

TEST(LossPlotFigure, SettingSwitchesAreDashedLinesAtTheirSteps) {
  const std::vector<LossRecord> r(3, LossRecord{1.0, 0.5, 1.5, 0.5});
  const Style style;
  EXPECT_TRUE(describe_loss_plot({0, 5, 10}, r, style).ref_lines.empty());
  const PlotFigure f =
      describe_loss_plot({0, 5, 10}, r, style, {{5, "Softmax"}, {7, "λ 0.1 → 0.01"}});
  ASSERT_EQ(f.ref_lines.size(), 2u);
  EXPECT_TRUE(f.ref_lines[0].vertical);
  EXPECT_DOUBLE_EQ(f.ref_lines[0].value, 5.0);
  EXPECT_EQ(f.ref_lines[0].label, "Softmax");
  EXPECT_DOUBLE_EQ(f.ref_lines[1].value, 7.0);
  EXPECT_EQ(f.ref_lines[1].label, "λ 0.1 → 0.01");
}

}  // namespace
}  // namespace ll::figure

namespace ll::figure {
namespace {

TEST(Figure, SmoothShadingsHaveAColourBarNamingTheScoredClass) {
  Scene s = default_scene();
  s.class_names = {"cat", "car", "frog"};
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  CanvasInput in = input(s, e);
  EXPECT_TRUE(describe_canvas(in).color_bar.columns.empty());  // argmax: the legend says it
  in.options.regions = RegionMode::Score;
  in.options.score_class = 2;
  const CanvasFigure f = describe_canvas(in);
  const CanvasFigure::ColorBar& b = f.color_bar;
  ASSERT_EQ(b.columns.size(), 1u);
  EXPECT_EQ(b.labels.at(0).text, "score s\u2082 (frog)");
  // The colours are the shading's own: s = -4 at the bottom, +4 at the top, 0 in the middle.
  const auto& col = b.columns[0];
  EXPECT_EQ(col.front(), score_shade(in.style, 2, -4.0 + 4.0 / col.size()));
  EXPECT_EQ(col.back(), score_shade(in.style, 2, 4.0 - 4.0 / col.size()));
  EXPECT_EQ(score_shade(in.style, 2, 1.5),
            region_color(s.params, in.options, in.style,
                         Vec(0.0, (1.5 - s.params.b(2)) / s.params.W(2, 1))));
  // Inside the canvas, at its bottom-right corner.
  EXPECT_GT(b.top_left.x(), in.map.width / 2);
  EXPECT_LE(b.top_left.x() + b.width, in.map.width);
  EXPECT_LE(b.top_left.y() + b.height, in.map.height);
  in.options.regions = RegionMode::Confidence;
  const CanvasFigure c = describe_canvas(in);
  ASSERT_EQ(c.color_bar.columns.size(), 3u);  // one per class, from p = 1/K to 1
  EXPECT_EQ(c.color_bar.columns[1].back(),
            confidence_shade(in.style, 1, 1.0 / 3 + (2.0 / 3) * (47.5 / 48), 3));
}

}  // namespace
}  // namespace ll::figure

#include "app/figure/landscape_figure.h"

namespace ll::figure {
namespace {

// The colour bar's numbers never overlap, however short the bar (presenter mode, small
// windows): labels a line apart, the extremes' range still labelled.
TEST(LandscapeLayout, ColourBarLabelsStayALineApart) {
  Scene scene = make_blobs({3, 20, 0.3, 5});
  scene.params = default_params(3);
  LandscapeSlice slice;
  slice.grid = 17;
  const LandscapeGrid g = compute_landscape(scene, slice);
  LandscapeInput in;
  in.grid = &g;
  in.contours = 12;
  const LandscapeFigure f = describe_landscape(in);
  ASSERT_GE(f.bar_ticks.size(), 5u);
  for (const double height : {700.0, 240.0, 140.0, 90.0}) {
    const LandscapeLayout l = layout_landscape(f, 420, height, Style{}, nullptr);
    ASSERT_TRUE(l.bar);
    const std::vector<double>& ys = l.bar_tick_y;
    ASSERT_GE(ys.size(), 1u) << height;
    const double font = l.bar_texts.front().size;
    for (std::size_t k = 1; k < ys.size(); ++k)
      EXPECT_GE(std::abs(ys[k] - ys[k - 1]), font) << height;
    EXPECT_EQ(l.bar_texts.size(), ys.size() + 1);  // a label per tick, then the title
    if (height >= 700) {
      EXPECT_GE(ys.size(), 5u);  // a tall bar keeps every tick
    }
  }
}

}  // namespace
}  // namespace ll::figure

namespace ll::figure {
namespace {

// The points shader skips a marker's shape beyond kMaxShapeRadius radii (only the loss ring is
// drawn there): every class's shape must lie within it, and the largest one reaches it.
TEST(Figure, EveryShapeLiesWithinTheShadersReach) {
  double reach = 1.0;  // the disc
  for (const palette::Shape shape : palette::kClassShapes) {
    const ShapeOutline s = shape_outline(shape);
    for (int i = 0; i < s.count; ++i) reach = std::max(reach, s.v[i].norm());
  }
  EXPECT_LE(reach, kMaxShapeRadius + 1e-12);
  EXPECT_GE(reach, kMaxShapeRadius - 0.01);
}

}  // namespace
}  // namespace ll::figure
