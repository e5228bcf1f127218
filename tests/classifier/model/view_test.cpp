#include "app/classifier/model/view.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ll::gui {
namespace {

TEST(ViewTransform, DefaultViewSpansMinusOneToOneOnTheShorterSide) {
  ViewTransform v;
  v.set_rect(10, 20, 800, 600);
  const Eigen::Vector2d tl = v.to_screen({-1, 1});
  const Eigen::Vector2d br = v.to_screen({1, -1});
  EXPECT_DOUBLE_EQ(tl.y(), 20.0);  // world y = 1 at the top (y up)
  EXPECT_DOUBLE_EQ(br.y(), 620.0);
  EXPECT_DOUBLE_EQ(br.x() - tl.x(), 600.0);
  EXPECT_DOUBLE_EQ(v.to_screen({0, 0}).x(), 410.0);
  EXPECT_DOUBLE_EQ(v.pixels_per_unit(), 300.0);
}

TEST(ViewTransform, RoundTripsUnderPanAndZoom) {
  ViewTransform v;
  v.set_rect(0, 0, 640, 480);
  v.pan_pixels(37, -12);
  v.zoom_about({100, 200}, 3.7);
  v.pan_pixels(-5, 9);
  v.zoom_about({600, 20}, 0.4);
  for (Eigen::Vector2d w :
       {Eigen::Vector2d{0.3, -0.7}, Eigen::Vector2d{-12.5, 4.25}, Eigen::Vector2d{1e-3, 2e3}}) {
    const Eigen::Vector2d back = v.to_world(v.to_screen(w));
    EXPECT_NEAR(back.x(), w.x(), 1e-9 * (1 + std::abs(w.x())));
    EXPECT_NEAR(back.y(), w.y(), 1e-9 * (1 + std::abs(w.y())));
  }
}

TEST(ViewTransform, ZoomKeepsThePointUnderTheCursor) {
  ViewTransform v;
  v.set_rect(0, 0, 500, 500);
  const Eigen::Vector2d cursor{123, 321};
  const Eigen::Vector2d before = v.to_world(cursor);
  v.zoom_about(cursor, 2.5);
  const Eigen::Vector2d after = v.to_world(cursor);
  EXPECT_NEAR(before.x(), after.x(), 1e-12);
  EXPECT_NEAR(before.y(), after.y(), 1e-12);
  EXPECT_DOUBLE_EQ(v.zoom(), 2.5);
}

TEST(ViewTransform, PanMovesContentWithTheMouse) {
  ViewTransform v;
  v.set_rect(0, 0, 400, 400);  // 200 px per unit
  const Eigen::Vector2d s0 = v.to_screen({0.5, 0.5});
  v.pan_pixels(40, -20);
  const Eigen::Vector2d s1 = v.to_screen({0.5, 0.5});
  EXPECT_DOUBLE_EQ(s1.x() - s0.x(), 40.0);
  EXPECT_DOUBLE_EQ(s1.y() - s0.y(), -20.0);
  v.reset();
  EXPECT_DOUBLE_EQ(v.to_screen({0, 0}).x(), 200.0);
}

}  // namespace
}  // namespace ll::gui

namespace ll::gui {
namespace {

// Every point's disc of radius m (pixels) lies inside the canvas rectangle.
bool discs_whole(const ViewTransform& v, const std::vector<Point>& pts, double m) {
  for (const Point& p : pts) {
    const Eigen::Vector2d s = v.to_screen({p.x0, p.x1});
    if (s.x() - m < v.rect_x() - 1e-9 || s.x() + m > v.rect_x() + v.rect_w() + 1e-9 ||
        s.y() - m < v.rect_y() - 1e-9 || s.y() + m > v.rect_y() + v.rect_h() + 1e-9)
      return false;
  }
  return true;
}

TEST(ViewHome, KeepsTheDemoViewWhenEveryPointIsWellInside) {
  ViewTransform v;
  v.set_rect(0, 0, 800, 600);
  const std::vector<Point> pts = {{0.5, -0.6, 0}, {-0.7, 0.8, 1}};
  v.home(points_bounds(pts), 9.5);
  EXPECT_DOUBLE_EQ(v.zoom(), 1.0);
  EXPECT_EQ(v.center(), Eigen::Vector2d::Zero());
}

TEST(ViewHome, WidensSoThatPointsOnTheEdgeAreWhole) {
  ViewTransform v;
  v.set_rect(0, 0, 800, 600);
  const std::vector<Point> pts = {{1.0, 1.0, 0}, {-1.0, -1.0, 1}, {0.0, 0.0, 2}};
  EXPECT_FALSE(discs_whole(v, pts, 9.5));  // the old default cut them in half
  v.home(points_bounds(pts), 9.5);
  EXPECT_TRUE(discs_whole(v, pts, 9.5));
  EXPECT_LT(v.zoom(), 1.0);
  EXPECT_GT(v.zoom(), 0.95);                            // only as much as the discs need
  EXPECT_NEAR(v.to_screen({0.0, 1.0}).y(), 9.5, 1e-9);  // the top disc touches the edge
}

TEST(ViewHome, HoldsAcrossResizesUntilThePanOrZoom) {
  ViewTransform v;  // before the first frame: the rectangle is not known yet
  const std::vector<Point> pts = {{3.0, 0.0, 0}, {-3.0, 0.5, 1}};
  v.home(points_bounds(pts), 8.0);
  v.set_rect(10, 20, 640, 480);
  EXPECT_TRUE(discs_whole(v, pts, 8.0));
  v.set_rect(10, 20, 300, 900);  // the window was resized
  EXPECT_TRUE(discs_whole(v, pts, 8.0));
  v.zoom_about({160, 470}, 2.0);  // the user takes over
  const double z = v.zoom();
  v.set_rect(10, 20, 640, 480);
  EXPECT_DOUBLE_EQ(v.zoom(), z);
}

TEST(ViewFit, CentresOnThePointsAndUsesTheCanvas) {
  ViewTransform v;
  v.set_rect(0, 0, 1000, 500);
  const std::vector<Point> pts = {{100.0, 50.0, 0}, {120.0, 52.0, 1}, {110.0, 48.0, 0}};
  v.fit(points_bounds(pts), 10.0);
  EXPECT_TRUE(discs_whole(v, pts, 10.0));
  EXPECT_NEAR(v.center().x(), 110.0, 1e-9);
  EXPECT_NEAR(v.center().y(), 50.0, 1e-9);
  // Tight in x: the leftmost disc touches the left edge (x extent 20 over 1000 px).
  EXPECT_NEAR(v.to_screen({100.0, 50.0}).x(), 10.0, 1e-6);
  // No points, or only non-finite ones: the demo's [-1, 1]^2.
  v.fit(points_bounds({{std::nan(""), 0.0, 0}}), 10.0);
  EXPECT_DOUBLE_EQ(v.zoom(), 1.0);
  EXPECT_EQ(v.center(), Eigen::Vector2d::Zero());
}

}  // namespace
}  // namespace ll::gui
