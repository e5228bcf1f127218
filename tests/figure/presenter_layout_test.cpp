// The presenter layout shared by the window and the headless presenter figure: the column's
// width rule and two rectangles that tile the figure without overlapping; at the classroom
// sizes, the loss plot in the column with its legend clear of the data.
#include "app/figure/presenter_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "app/figure/loss_plot.h"

namespace ll::figure {
namespace {

TEST(PresenterLayout, TheColumnIsThirtyPercentWithinFifteenToEighteenLines) {
  EXPECT_DOUBLE_EQ(presenter_column_width(1000.0, 1000.0, 20.0), 300.0);  // 30%: 15 lines
  EXPECT_DOUBLE_EQ(presenter_column_width(1000.0, 1000.0, 30.0), 450.0);  // at least 15 lines
  EXPECT_DOUBLE_EQ(presenter_column_width(2000.0, 2000.0, 20.0), 360.0);  // at most 18 lines
  EXPECT_DOUBLE_EQ(presenter_column_width(400.0, 400.0, 20.0), 200.0);  // never over half the width
  EXPECT_DOUBLE_EQ(presenter_column_width(0.0, 0.0, 20.0), 0.0);
  // 16:9: the canvas at most 1.15 times as wide as tall.
  EXPECT_DOUBLE_EQ(presenter_column_width(1600.0, 900.0, 20.0), 565.0);
}

TEST(PresenterLayout, CanvasAndPlotSitSideBySideHalfALineApart) {
  const PresenterLayout l = layout_presenter(1600.0, 900.0, 24.0);
  EXPECT_DOUBLE_EQ(l.plot.x_max, 1600.0);
  EXPECT_DOUBLE_EQ(l.plot.width(), 565.0);  // 1600 - 1.15 x 900 (18 lines of 24 px: 432)
  EXPECT_DOUBLE_EQ(l.canvas.x_min, 0.0);
  EXPECT_DOUBLE_EQ(l.plot.x_min - l.canvas.x_max, 12.0);
  for (const Rect& r : {l.canvas, l.plot}) {
    EXPECT_DOUBLE_EQ(r.y_min, 0.0);
    EXPECT_DOUBLE_EQ(r.y_max, 900.0);
  }
  const PresenterLayout tiny = layout_presenter(10.0, 10.0, 24.0);
  EXPECT_GE(tiny.canvas.width(), 0.0);
  EXPECT_LE(tiny.canvas.x_max, tiny.plot.x_min);
}

// The window's presenter mode at the three classroom sizes (Style scale 2.125 at 1080 lines,
// else 1.75: fonts of 34 and 28 px). The plot heights are the window's, measured in its
// screenshots below the controls (xvfb-run, losslab --size W H, F5, 60 steps: the white
// figure's rows at x = W - 30).
TEST(PresenterLayout, AtClassroomSizesTheLossPlotKeepsItsLegendOffTheData) {
  struct Size {
    double w, h;
    float scale;
    double column, plot_h;
  };
  const Size sizes[] = {{1920, 1080, 2.125f, 678.0, 667.0},
                        {1280, 720, 1.75f, 452.0, 379.0},
                        {1024, 768, 1.75f, 420.0, 427.0}};
  std::vector<long> steps;
  std::vector<LossRecord> records;
  for (int i = 0; i <= 60; ++i) {  // a training run: the loss falls, the accuracy rises
    const double d = 0.3 + 2.5 * std::exp(-i / 15.0), r = 0.2 + 3.2 * std::exp(-i / 14.0);
    steps.push_back(i);
    records.push_back({d, r, d + r, std::min(0.89, 0.22 + 0.011 * i)});
  }
  for (const Size& z : sizes) {
    SCOPED_TRACE(testing::Message() << z.w << " x " << z.h);
    const double font = kPlotFontPx * z.scale;
    const double column = presenter_column_width(z.w, z.h, font);
    EXPECT_DOUBLE_EQ(column, z.column);
    EXPECT_TRUE(presenter_pair_fits(column, 14.0, font));  // lambda beside the step size
    const PresenterLayout pl = layout_presenter(z.w, z.h, font);
    EXPECT_LE(pl.canvas.x_max, pl.plot.x_min);
    EXPECT_LE(pl.canvas.width(), 1.15 * pl.canvas.height() + 1e-9);
    EXPECT_GE(pl.canvas.width(), 0.55 * z.w);  // the canvas stays the main thing

    Style style;
    style.scale = z.scale;
    PlotFigure f = describe_loss_plot(steps, records, style);
    f.title.clear();  // as the window draws it in presenter mode (its "Loss plot" button)
    const PlotLayout l = layout_plot(f, column, z.plot_h, style, nullptr);
    ASSERT_TRUE(l.legend);
    ASSERT_EQ(l.legend_rows.size(), 4u);
    // The plot keeps 40% of its figure's height; the legend lies inside the figure and its
    // text is at least 0.8 of the plot's font (22 px here): legible from the back row.
    EXPECT_GE(l.bottom - l.top, 0.4 * z.plot_h);
    EXPECT_GE(l.legend_x0, 0.0);
    EXPECT_LE(l.legend_x1, column);
    EXPECT_GE(l.legend_y0, 0.0);
    for (const LegendRow& r : l.legend_rows) EXPECT_GE(r.label.size, std::round(0.8 * font));
    // No data sample of any series under the legend box.
    int under = 0;
    for (const PlotSeries& s : f.series)
      for (std::size_t i = 0; i < s.x.size(); ++i) {
        const double x = l.px_x(s.x[i]), y = l.px_y(s.y[i], s.right_axis);
        under += x >= l.legend_x0 && x <= l.legend_x1 && y >= l.legend_y0 && y <= l.legend_y1;
      }
    EXPECT_EQ(under, 0);
    // At 720 and 768 lines the legend is compact, above the plot and below the axis names.
    if (z.h < 1000) {
      EXPECT_LE(l.legend_y1, l.top);
      for (const Text& t : l.texts)
        if (t.top_left.y() < l.top) {
          EXPECT_LE(t.top_left.y() + t.size, l.legend_y0) << t.text;
        }
    }
  }
}

}  // namespace
}  // namespace ll::figure
