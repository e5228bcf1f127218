#include "app/classifier/model/drag.h"

#include <gtest/gtest.h>

#include "app/classifier/model/geometry.h"

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
  const Eigen::Vector2d grab = nearest_on_line(start, 2, {0.3, 0.3});
  const Eigen::Vector2d delta{-0.2, 0.15};
  Params out;
  drag_line(start, 2, delta, out);
  EXPECT_NEAR(score(out, 2, grab + delta), 0.0, 1e-12);  // the grabbed point moved with it
}

TEST(DragArrow, SetsWkFromTheHeadAndKeepsThePivotOnTheLine) {
  const Params start = default_scene().params;
  const Eigen::Vector2d pivot = nearest_on_line(start, 0, {0, 0});
  const Eigen::Vector2d head = pivot + Eigen::Vector2d{0.3, -0.1};
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
  const Eigen::Vector2d pivot = nearest_on_line(start, 1, {0.2, 0.1});
  Params out;
  drag_arrow(start, 1, pivot, pivot + Eigen::Vector2d{0.0, 5.0}, true, out);
  EXPECT_NEAR(std::hypot(out.W(1, 0), out.W(1, 1)), std::hypot(2.0, 4.0), 1e-12);
  EXPECT_NEAR(out.W(1, 0), 0.0, 1e-12);
  EXPECT_GT(out.W(1, 1), 0.0);
  EXPECT_NEAR(score(out, 1, pivot), 0.0, 1e-12);
}

TEST(DragArrow, HeadOnThePivotChangesNothing) {
  const Params start = default_scene().params;
  const Eigen::Vector2d pivot = nearest_on_line(start, 0, {0, 0});
  Params out;
  drag_arrow(start, 0, pivot, pivot, false, out);
  EXPECT_EQ(out, start);
}

}  // namespace
}  // namespace ll::gui
