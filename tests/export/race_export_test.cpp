// The race figure exported through cairo, read back: every run's colour is on the loss plot,
// small canvases differ exactly where the runs' parameters differ, SVG and PDF are written.
#include "app/export/race_export.h"

#include <gtest/gtest.h>

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
