// The race figure exported through cairo, read back: every run's colour is on the loss plot,
// small canvases differ exactly where the runs' parameters differ, SVG and PDF are written.
#include "app/export/race_export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "app/export/plot_frame.h"
#include "core/datasets.h"
#include "tests/export/test_util.h"

namespace ll::exporter {
namespace {

using test::Image;

Scene blobs() {
  Scene s = make_blobs({3, 12, 0.3, 4});
  s.params = default_params(3);
  return s;
}

RaceRunSettings run(const Scene& s, OptimizerKind k, double lr) {
  RaceRunSettings r{s.optimizer, s.loss};
  r.optimizer.kind = k;
  r.optimizer.lr = lr;
  return r;
}

FigureOptions options() {
  FigureOptions opt;
  opt.width = 900;
  opt.height = 700;
  return opt;
}

// Pixels of the rectangle [x0, x1) x [y0, y1) within `tolerance` of colour c.
int count_color(const Image& img, palette::Rgb c, int x0, int y0, int x1, int y1,
                int tolerance = 12) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x)
      if (test::color_distance(img.rgb(x, y), c) <= tolerance) ++n;
  return n;
}

// Pixels that differ between two same-sized squares of the image.
int differing(const Image& img, const figure::RaceCell& a, const figure::RaceCell& b) {
  int n = 0;
  const int side = static_cast<int>(a.side);
  for (int y = 2; y < side - 2; ++y)
    for (int x = 2; x < side - 2; ++x)
      if (img.at(static_cast<int>(a.top_left.x()) + x, static_cast<int>(a.top_left.y()) + y) !=
          img.at(static_cast<int>(b.top_left.x()) + x, static_cast<int>(b.top_left.y()) + y))
        ++n;
  return n;
}

TEST(RaceExport, EveryRunsColourIsOnTheLossPlot) {
  const Scene s = blobs();
  Race race(s);
  race.add_run(run(s, OptimizerKind::GD, 0.1));
  race.add_run(run(s, OptimizerKind::Momentum, 0.05));
  race.add_run(run(s, OptimizerKind::Adam, 0.1));
  race.advance(40);
  const figure::RaceFigureData data = figure::race_figure_data(race);
  const FigureOptions opt = options();
  const Image img = test::decode_png(render_race(data, opt, Format::Png));
  ASSERT_EQ(img.width, 900);
  ASSERT_EQ(img.height, 700);
  const figure::RaceLayout l = figure::layout_race(data, opt.width, opt.height, opt.style, {});
  ASSERT_EQ(l.cells.size(), 3u);
  const int px = static_cast<int>(l.plot_top_left.x()), py = static_cast<int>(l.plot_top_left.y());
  const int pw = static_cast<int>(l.plot_width), ph = static_cast<int>(l.plot_height);
  for (const RaceRun& r : race.runs()) {
    const palette::Rgb c = figure::race_color(r.color, opt.style);
    // The curve (and its legend swatch): well over a hundred pixels of the run's colour.
    EXPECT_GT(count_color(img, c, px, py, px + pw, py + ph), 150) << r.name;
  }
  // A colour no run has is absent from the plot (the count above means something).
  EXPECT_LT(count_color(img, figure::race_color(5, opt.style), px, py, px + pw, py + ph), 5);
  // Each cell's frame is drawn in its run's colour.
  for (const figure::RaceCell& c : l.cells) {
    const int x = static_cast<int>(c.top_left.x() + c.side / 2);
    const int y = static_cast<int>(c.top_left.y() - c.frame / 2);
    EXPECT_LE(test::color_distance(img.rgb(x, y), c.color), 12) << c.run;
  }
}

TEST(RaceExport, SmallCanvasesDifferWhereParametersDiffer) {
  const Scene s = blobs();
  Race race(s);
  race.add_run(run(s, OptimizerKind::GD, 0.1));
  race.add_run(run(s, OptimizerKind::Adam, 0.1));
  race.add_run(run(s, OptimizerKind::GD, 0.1));  // the same run again: the same parameters
  race.advance(30);
  ASSERT_EQ(race.runs()[0].scene.params, race.runs()[2].scene.params);
  ASSERT_FALSE(race.runs()[0].scene.params == race.runs()[1].scene.params);
  const figure::RaceFigureData data = figure::race_figure_data(race);
  const FigureOptions opt = options();
  const Image img = test::decode_png(render_race(data, opt, Format::Png));
  const figure::RaceLayout l = figure::layout_race(data, opt.width, opt.height, opt.style, {});
  ASSERT_EQ(l.cells.size(), 3u);
  EXPECT_EQ(differing(img, l.cells[0], l.cells[2]), 0);
  EXPECT_GT(differing(img, l.cells[0], l.cells[1]), 500);
  // At step 0 every run is at the start: all three canvases agree.
  race.reset();
  const figure::RaceFigureData start = figure::race_figure_data(race);
  const Image img0 = test::decode_png(render_race(start, opt, Format::Png));
  EXPECT_EQ(differing(img0, l.cells[0], l.cells[1]), 0);
}

// With a landscape: every run's path is its trajectory projected onto the slice (for two
// parameters, their offsets from the start), and each path ends in its run's colour at the
// pixel the layout maps its last point to; the map, the plot and the canvases do not overlap.
TEST(RaceExport, EveryRunsPathEndsInItsColourOnTheLandscape) {
  const Scene s = blobs();
  Race race(s);
  race.add_run(run(s, OptimizerKind::GD, 0.5));
  race.add_run(run(s, OptimizerKind::Adam, 0.1));
  race.advance(40);
  figure::RaceFigureData data = figure::race_figure_data(race);
  LandscapeSlice slice;  // W[0][0], W[0][1]
  slice.grid = 33;
  slice.range = 3.0;
  data.landscape = figure::race_landscape(race, slice);
  ASSERT_TRUE(data.landscape.grid);
  EXPECT_EQ(data.landscape.title, "Total loss (Weston-Watkins SVM) through the start");
  const Style style;
  const figure::LandscapeFigure f = figure::describe_race_landscape(data, style);
  // Each run's path: halo, line, end disc; the line holds every step's offsets exactly.
  for (std::size_t i = 0; i < race.runs().size(); ++i) {
    const RaceRun& r = race.runs()[i];
    const auto it = std::find_if(f.plot.series.begin(), f.plot.series.end(),
                                 [&](const figure::PlotSeries& ps) { return ps.name == r.name; });
    ASSERT_NE(it, f.plot.series.end()) << r.name;
    ASSERT_EQ(it->x.size(), 41u);
    for (std::size_t k = 0; k < 41; ++k) {
      EXPECT_DOUBLE_EQ(it->x[k], r.trajectory[k].W(0, 0) - s.params.W(0, 0));
      EXPECT_DOUBLE_EQ(it->y[k], r.trajectory[k].W(0, 1) - s.params.W(0, 1));
    }
  }

  const FigureOptions opt = options();
  const Image img = test::decode_png(render_race(data, opt, Format::Png));
  cairo_surface_t* surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t* cr = cairo_create(surf);
  const figure::MeasureText measure = cairo_measure(cr);
  const figure::RaceLayout l = figure::layout_race(data, opt.width, opt.height, style, measure);
  const figure::LandscapeLayout map =
      figure::layout_landscape(f, l.landscape_width, l.landscape_height, style, measure);
  cairo_destroy(cr);
  cairo_surface_destroy(surf);
  // The parts of the figure: inside it, apart from one another.
  struct Box {
    double x0, y0, x1, y1;
  };
  std::vector<Box> boxes = {
      {l.landscape_top_left.x(), l.landscape_top_left.y(),
       l.landscape_top_left.x() + l.landscape_width, l.landscape_top_left.y() + l.landscape_height},
      {l.plot_top_left.x(), l.plot_top_left.y(), l.plot_top_left.x() + l.plot_width,
       l.plot_top_left.y() + l.plot_height}};
  for (const figure::RaceCell& c : l.cells)
    boxes.push_back(
        {c.top_left.x(), c.top_left.y(), c.top_left.x() + c.side, c.top_left.y() + c.side});
  EXPECT_GE(l.landscape_width, 200);
  EXPECT_GE(l.landscape_height, 200);
  for (std::size_t a = 0; a < boxes.size(); ++a) {
    EXPECT_GE(boxes[a].x0, 0);
    EXPECT_GE(boxes[a].y0, 0);
    EXPECT_LE(boxes[a].x1, opt.width);
    EXPECT_LE(boxes[a].y1, opt.height);
    for (std::size_t b = a + 1; b < boxes.size(); ++b)
      EXPECT_TRUE(boxes[a].x1 <= boxes[b].x0 || boxes[b].x1 <= boxes[a].x0 ||
                  boxes[a].y1 <= boxes[b].y0 || boxes[b].y1 <= boxes[a].y0)
          << a << " overlaps " << b;
  }
  std::vector<std::pair<double, double>> ends;
  for (const RaceRun& r : race.runs()) {
    const double a = r.trajectory.back().W(0, 0) - s.params.W(0, 0);
    const double b = r.trajectory.back().W(0, 1) - s.params.W(0, 1);
    ASSERT_LT(std::abs(a), slice.range);
    ASSERT_LT(std::abs(b), slice.range);
    ends.emplace_back(l.landscape_top_left.x() + map.plot.px_x(a),
                      l.landscape_top_left.y() + map.plot.px_y(b));
  }
  // The ends are apart, so each disc's colour can only be its own run's.
  ASSERT_GT(std::hypot(ends[0].first - ends[1].first, ends[0].second - ends[1].second), 12.0);
  for (std::size_t i = 0; i < ends.size(); ++i) {
    const palette::Rgb c = figure::race_color(race.runs()[i].color, style);
    const int x = static_cast<int>(ends[i].first), y = static_cast<int>(ends[i].second);
    EXPECT_GE(count_color(img, c, x - 2, y - 2, x + 3, y + 3), 9) << race.runs()[i].name;
  }
}

TEST(RaceExport, VectorFormatsAndBadSizes) {
  const Scene s = blobs();
  Race race(s);
  race.add_run(run(s, OptimizerKind::GD, 0.1));
  race.advance(5);
  const figure::RaceFigureData data = figure::race_figure_data(race);
  const std::string svg = render_race(data, options(), Format::Svg);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  const std::string pdf = render_race(data, options(), Format::Pdf);
  EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
  FigureOptions tiny = options();
  tiny.width = 4;
  EXPECT_THROW(render_race(data, tiny, Format::Png), std::invalid_argument);
  // No runs: a figure with the hint and an empty plot, no crash.
  Race empty(s);
  EXPECT_FALSE(render_race(figure::race_figure_data(empty), options(), Format::Png).empty());
}

}  // namespace
}  // namespace ll::exporter
