// The embedding plane exported through app/export's cairo twin of the window's embedding tab
// (View::Plane): the PNG's pixels read back at the rings and at an easy, a semi-hard and a hard
// negative, in both themes; the training view's plane and loss plot side by side; SVG and PDF.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "app/export/export.h"
#include "app/figure/embedding_plot.h"
#include "app/figure/plane_layout.h"
#include "core/datasets.h"
#include "core/metric/plane_figure.h"
#include "tests/export/test_util.h"

namespace ll::exporter {
namespace {

using metric::PlaneRole;
using metric::Vec2;

// a = 0, p = (1, 0), m = 1 (squared form): rings at d = 1 and √2. n1 = (0.5, 0) hard,
// n2 = (0, 1.2) semi-hard, n3 = (-2, 0) easy. View [-3, 3]²: 100 px per unit in 600 x 600.
metric::PlaneFigure plane() {
  metric::Playground g;
  g.anchor = Vec2(0, 0);
  g.positives = {Vec2(1, 0)};
  g.negatives = {Vec2(0.5, 0), Vec2(0, 1.2), Vec2(-2, 0)};
  const metric::PlaygroundSettings s;
  const metric::PlaygroundReport r = metric::evaluate(g, s);
  return metric::playground_figure(g, s, r, {}, -3, 3, -3, 3);
}

test::Image render_plane(const FigureData& data, const Style& style, double w = 600,
                         double h = 600) {
  FigureOptions opt;
  opt.view = View::Plane;
  opt.width = w, opt.height = h;
  opt.style = style;
  return test::decode_png(render_figure(data, opt, Format::Png));
}

// The pixel along the ray from (cx, cy) at angle t (counter-clockwise, y up), between radii
// r - 3 and r + 3, whose colour is closest to `want`: that distance.
int best_on_ring(const test::Image& img, double cx, double cy, double r, double t,
                 palette::Rgb want) {
  int best = 999;
  for (double q = r - 3.0; q <= r + 3.0; q += 0.5) {
    const int x = static_cast<int>(std::floor(cx + q * std::cos(t)));
    const int y = static_cast<int>(std::floor(cy - q * std::sin(t)));
    best = std::min(best, test::color_distance(img.rgb(x, y), want));
  }
  return best;
}

TEST(PlaneExport, RingsAndCategoriesOnTheirPixels) {
  for (bool dark : {false, true}) {
    SCOPED_TRACE(dark ? "dark" : "light");
    Style st;
    st.theme = dark ? palette::Theme::Dark : palette::Theme::Light;
    FigureData data;
    data.planes.push_back(plane());
    const test::Image img = render_plane(data, st);
    ASSERT_EQ(img.width, 600);
    ASSERT_EQ(img.height, 600);
    const palette::Rgb inner = figure::plane_color(st, PlaneRole::RingInner);
    const palette::Rgb outer = figure::plane_color(st, PlaneRole::RingOuter);
    const palette::Rgb bg = st.colors().background;
    // The lower half of both rings (labels and arrows are elsewhere): most sampled angles
    // find the ring's colour; just outside the outer ring is the background.
    int inner_hits = 0, outer_hits = 0, clear = 0;
    for (int k = 0; k < 8; ++k) {
      const double t = -M_PI * (0.1 + 0.1 * k);
      inner_hits += best_on_ring(img, 300, 300, 100.0, t, inner) <= 40;
      outer_hits += best_on_ring(img, 300, 300, 100.0 * std::sqrt(2.0), t, outer) <= 40;
      const int x = static_cast<int>(300 + 155.0 * std::cos(t));
      const int y = static_cast<int>(300 - 155.0 * std::sin(t));
      clear += test::color_distance(img.rgb(x, y), bg) <= 2;
    }
    EXPECT_GE(inner_hits, 6);
    EXPECT_GE(outer_hits, 6);
    EXPECT_GE(clear, 6);
    // Inner and outer rings have different colours: the inner ring is not found where the
    // outer one is.
    EXPECT_GT(test::color_distance(inner, outer), 60);
    // Each negative's centre in its category's colour.
    const struct {
      Vec2 at;
      PlaneRole role;
    } negatives[3] = {{Vec2(0.5, 0), PlaneRole::Hard},
                      {Vec2(0, 1.2), PlaneRole::SemiHard},
                      {Vec2(-2, 0), PlaneRole::Easy}};
    for (const auto& n : negatives) {
      const int x = static_cast<int>(std::floor(300 + 100 * n.at.x()));
      const int y = static_cast<int>(std::floor(300 - 100 * n.at.y()));
      const palette::Rgb want = figure::plane_color(st, n.role);
      EXPECT_LE(test::color_distance(img.rgb(x, y), want), 2)
          << metric::to_string(n.role == PlaneRole::Hard       ? metric::NegativeCategory::Hard
                               : n.role == PlaneRole::SemiHard ? metric::NegativeCategory::SemiHard
                                                               : metric::NegativeCategory::Easy);
    }
    // The semi-hard band tints the space between the rings: not the background, not a ring.
    const palette::Rgb band = img.rgb(300 - 120, 300 + 12);  // (-1.2, -0.12): d² = 1.45
    EXPECT_GT(test::color_distance(band, bg), 3);
    EXPECT_LT(test::color_distance(band, bg), 60);
  }
}

TEST(PlaneExport, TrainingViewDrawsThePlaneBesideTheLossPlot) {
  Scene scene;
  ASSERT_TRUE(make_preset("blobs", scene));
  metric::EmbeddingTrainer t(metric::labelled_points(scene, 40), metric::collapsed_map(), 1);
  metric::EmbeddingSettings s;
  for (int i = 0; i < 20; ++i) t.step(s);
  const Style st;
  FigureData data;
  data.planes.push_back(metric::embedding_figure(t.points(), t.map(), true));
  data.plots.push_back(figure::embedding_loss_plot(t.history(), s.loss, st));
  data.plot_columns = 2;
  const test::Image img = render_plane(data, st, 800, 400);
  // An embedded point of class 0 on the left half: its class colour at its pixel.
  const metric::PlaneMapping m = metric::fit_plane(data.planes[0], 0, 0, 400, 400);
  const Vec2 e = t.map()(t.points()[0].x);
  const Vec2 px = m.to_pixels(e);
  EXPECT_LE(test::color_distance(img.rgb(int(px.x()), int(px.y())),
                                 figure::plane_color(st, PlaneRole::Class, t.points()[0].label)),
            40);
  // The right half holds the plot: some pixels in the loss line's colour.
  int line = 0;
  for (int y = 0; y < 400; ++y)
    for (int x = 400; x < 800; ++x)
      line += test::color_distance(img.rgb(x, y), st.plot().data) < 30;
  EXPECT_GT(line, 50);
}

TEST(PlaneExport, VectorFormatsCarryTheFigure) {
  FigureData data;
  data.planes.push_back(plane());
  FigureOptions opt;
  opt.view = View::Plane;
  opt.width = opt.height = 500;
  const std::string svg = render_figure(data, opt, Format::Svg);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_GT(svg.size(), 5000u);
  const std::string pdf = render_figure(data, opt, Format::Pdf);
  EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
}

}  // namespace
}  // namespace ll::exporter
