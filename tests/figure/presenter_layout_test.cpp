// The presenter layout shared by the window and the headless presenter figure: the column's
// width rule and two rectangles that tile the figure without overlapping.
#include "app/figure/presenter_layout.h"

#include <gtest/gtest.h>

namespace ll::figure {
namespace {

TEST(PresenterLayout, TheColumnIsThirtyPercentWithinThirteenToEighteenLines) {
  EXPECT_DOUBLE_EQ(presenter_column_width(1000.0, 1000.0, 20.0), 300.0);  // 30%: 15 lines
  EXPECT_DOUBLE_EQ(presenter_column_width(1000.0, 1000.0, 30.0), 390.0);  // at least 13 lines
  EXPECT_DOUBLE_EQ(presenter_column_width(2000.0, 2000.0, 20.0), 360.0);  // at most 18 lines
  EXPECT_DOUBLE_EQ(presenter_column_width(400.0, 400.0, 20.0), 200.0);   // never over half the width
  EXPECT_DOUBLE_EQ(presenter_column_width(0.0, 0.0, 20.0), 0.0);
}

TEST(PresenterLayout, CanvasAndPlotSitSideBySideHalfALineApart) {
  const PresenterLayout l = layout_presenter(1600.0, 900.0, 24.0);
  EXPECT_DOUBLE_EQ(l.plot.x_max, 1600.0);
  EXPECT_DOUBLE_EQ(l.plot.width(), 432.0);  // 18 lines of 24 px (30% would be 480)
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

}  // namespace
}  // namespace ll::figure
