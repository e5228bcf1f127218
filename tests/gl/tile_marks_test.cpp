// app/gl/tile_marks: which tiles a rectangle marks, and the marked tiles as rectangles.
#include "app/gl/tile_marks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ll::gui {
namespace {

TEST(TileMarks, ABoxMarksTheTilesItTouchesAndTheyComeBackAsOneRectangle) {
  TileMarks t;
  t.reset(100, 50, false);  // 7 x 4 tiles of 16 px, the last column and row cut at 100 and 50
  EXPECT_EQ(t.tiles_x(), 7);
  EXPECT_EQ(t.tiles_y(), 4);
  EXPECT_TRUE(t.rects().empty());
  t.mark(20.0f, 17.0f, 40.0f, 40.0f);  // tiles 1..2 across, 1..2 up
  EXPECT_EQ(t.rects(), (std::vector<int>{16, 16, 48, 48}));
  EXPECT_EQ(t.data()[1 * 7 + 1], 255);
  EXPECT_EQ(t.data()[0], 0);
  EXPECT_TRUE(t.any(47.0f, 47.0f, 60.0f, 60.0f));
  EXPECT_FALSE(t.any(48.0f, 0.0f, 99.0f, 15.0f));
  t.mark(95.0f, 45.0f, 120.0f, 80.0f);  // tiles 5..6, 2..3: past the corner, cut at 100 x 50
  EXPECT_EQ(t.rects(), (std::vector<int>{16, 16, 48, 48, 80, 32, 100, 50}));
}

TEST(TileMarks, OutsideOrNaNMarksNothingAndRunsMergeOnlyOverTheSameColumns) {
  TileMarks t;
  t.reset(64, 64, false);
  t.mark(-30.0f, 0.0f, -1.0f, 10.0f);
  t.mark(64.0f, 0.0f, 80.0f, 10.0f);
  t.mark(NAN, 0.0f, 10.0f, 10.0f);
  EXPECT_TRUE(t.rects().empty());
  t.mark(0.0f, 0.0f, 5.0f, 5.0f);     // row 0: column 0
  t.mark(52.0f, 0.0f, 60.0f, 40.0f);  // column 3, rows 0..2: one tall rectangle
  t.mark(0.0f, 20.0f, 20.0f, 25.0f);  // row 1: columns 0..1, wider than the run below
  EXPECT_EQ(t.rects(), (std::vector<int>{0, 0, 16, 16, 48, 0, 64, 48, 0, 16, 32, 32}));
  t.clear();
  EXPECT_TRUE(t.rects().empty());
  t.reset(64, 64, true);
  EXPECT_EQ(t.rects(), (std::vector<int>{0, 0, 64, 64}));
}

}  // namespace
}  // namespace ll::gui
