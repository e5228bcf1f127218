// Short weight arrows keep a minimum on-screen length and are picked where they are drawn.
#include "app/classifier/model/arrow_display.h"

#include <gtest/gtest.h>

#include "app/classifier/model/picking.h"

namespace ll::gui {
namespace {

TEST(ArrowDisplay, ShortArrowsAreDrawnAndPickedAtTheMinimumLength) {
  Scene s = default_scene();
  s.params.W << 0.3, 0.1, 0.25, -0.05, 3.0, -1.0;  // classes 0 and 1: a few pixels long
  s.params.b.setZero();
  ViewTransform v;
  v.set_rect(0, 0, 400, 400);  // 200 px per world unit
  Eigen::Vector2d anchors[kMaxClasses];
  for (Eigen::Vector2d& a : anchors) a.setZero();
  const double radius = 12.0, min_px = kArrowMinRadii * radius;
  for (int k = 0; k < 3; ++k) {
    const Eigen::Vector2d base = nearest_on_line(s.params, k, {0, 0});
    const Eigen::Vector2d sb = v.to_screen(base),
                          true_head = v.to_screen(arrow_head(s.params, k, base));
    const Eigen::Vector2d shown = shown_arrow_head(s.params, k, base, v, min_px);
    const double len = (shown - sb).norm();
    if ((true_head - sb).norm() >= min_px) {
      EXPECT_NEAR((shown - true_head).norm(), 0.0, 1e-9) << "class " << k;  // long: unchanged
    } else {
      EXPECT_NEAR(len, min_px, 1e-9) << "class " << k;
      // Same direction as W_k (screen y down).
      const Eigen::Vector2d w = weight(s.params, k);
      EXPECT_NEAR((shown.x() - sb.x()) * w.y() + (shown.y() - sb.y()) * w.x(), 0.0, 1e-6);
      EXPECT_GT((shown.x() - sb.x()) * w.x() - (shown.y() - sb.y()) * w.y(), 0.0);
    }
  }
  // Class 0's arrow is grabbed at its drawn head, not at its true (hidden) head.
  const Eigen::Vector2d base0 = nearest_on_line(s.params, 0, {0, 0});
  const Eigen::Vector2d shown0 = shown_arrow_head(s.params, 0, base0, v, min_px);
  EXPECT_EQ(pick_arrow_head(s.params, v, anchors, shown0 + Eigen::Vector2d{2, -2}, radius), 0);
}

}  // namespace
}  // namespace ll::gui
