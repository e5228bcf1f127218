#include "app/gui/drag.h"

#include <gtest/gtest.h>

#include "app/gui/geometry.h"

namespace ll::gui {
namespace {

TEST(DragLine, ChangesOnlyBkByMinusWkDotDelta) {
  const Params start = default_scene().params;
  Params out;
  drag_line(start, 1, {0.1, 0.25}, out);
  EXPECT_EQ(out.W, start.W);
  EXPECT_EQ(out.b(0), start.b(0));
  EXPECT_EQ(out.b(2), start.b(2));
  // W_1 = (2, -4): b_1 = 0.5 - (2 * 0.1 - 4 * 0.25) = 1.3
  EXPECT_DOUBLE_EQ(out.b(1), 1.3);
}

TEST(DragLine, TheLineFollowsTheCursor) {
  const Params start = default_scene().params;
  const Vec2 grab = nearest_on_line(start, 2, {0.3, 0.3});
  const Vec2 delta{-0.2, 0.15};
  Params out;
  drag_line(start, 2, delta, out);
  EXPECT_NEAR(score(out, 2, grab + delta), 0.0, 1e-12);  // the grabbed point moved with it
}

TEST(DragArrow, SetsWkFromTheHeadAndKeepsThePivotOnTheLine) {
  const Params start = default_scene().params;
  const Vec2 pivot = nearest_on_line(start, 0, {0, 0});
  const Vec2 head = pivot + Vec2{0.3, -0.1};
  Params out;
  drag_arrow(start, 0, pivot, head, false, out);
  EXPECT_NEAR(out.W(0, 0), 3.0, 1e-12);  // (head - pivot) / kArrowScale
  EXPECT_NEAR(out.W(0, 1), -1.0, 1e-12);
  EXPECT_NEAR(score(out, 0, pivot), 0.0, 1e-12);
  EXPECT_EQ(out.W.row(1), start.W.row(1));
  EXPECT_EQ(out.b(2), start.b(2));
}

TEST(DragArrow, ShiftRotatesOnly) {
  Params start = default_scene().params;
  start.b(1) = 0.3;
  const Vec2 pivot = nearest_on_line(start, 1, {0.2, 0.1});
  Params out;
  drag_arrow(start, 1, pivot, pivot + Vec2{0.0, 5.0}, true, out);
  EXPECT_NEAR(std::hypot(out.W(1, 0), out.W(1, 1)), std::hypot(2.0, 4.0), 1e-12);
  EXPECT_NEAR(out.W(1, 0), 0.0, 1e-12);
  EXPECT_GT(out.W(1, 1), 0.0);
  EXPECT_NEAR(score(out, 1, pivot), 0.0, 1e-12);
}

TEST(DragArrow, HeadOnThePivotChangesNothing) {
  const Params start = default_scene().params;
  const Vec2 pivot = nearest_on_line(start, 0, {0, 0});
  Params out;
  drag_arrow(start, 0, pivot, pivot, false, out);
  EXPECT_EQ(out, start);
}

TEST(Geometry, ClipLineToBox) {
  const Params p = default_scene().params;  // class 2: 3x - y - 0.5 = 0
  Vec2 a, b;
  ASSERT_TRUE(clip_line(p, 2, {-1, -1}, {1, 1}, a, b));
  EXPECT_NEAR(score(p, 2, a), 0.0, 1e-12);
  EXPECT_NEAR(score(p, 2, b), 0.0, 1e-12);
  EXPECT_NEAR(std::max(std::abs(a.y), std::abs(b.y)), 1.0, 1e-12);
  Params far = p;
  far.b(2) = 100.0;
  EXPECT_FALSE(clip_line(far, 2, {-1, -1}, {1, 1}, a, b));
}

}  // namespace
}  // namespace ll::gui
