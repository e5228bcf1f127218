#include "app/classifier/model/view.h"

#include <gtest/gtest.h>

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
