// Short weight arrows keep a minimum on-screen length and are picked where they are drawn.
#include "app/gui/arrow_display.h"

#include <gtest/gtest.h>

#include "app/gui/picking.h"

namespace ll::gui {
namespace {

TEST(ArrowDisplay, ShortArrowsAreDrawnAndPickedAtTheMinimumLength) {
  Scene s = default_scene();
  s.params.W << 0.3, 0.1, 0.25, -0.05, 3.0, -1.0;  // classes 0 and 1: a few pixels long
  s.params.b.setZero();
  ViewTransform v;
  v.set_rect(0, 0, 400, 400);  // 200 px per world unit
  const Vec2 anchors[kMaxClasses] = {};
  const double radius = 12.0, min_px = kArrowMinRadii * radius;
  for (int k = 0; k < 3; ++k) {
    const Vec2 base = nearest_on_line(s.params, k, {0, 0});
    const Vec2 sb = v.to_screen(base), true_head = v.to_screen(arrow_head(s.params, k, base));
    const Vec2 shown = shown_arrow_head(s.params, k, base, v, min_px);
    const double len = length(shown - sb);
    if (length(true_head - sb) >= min_px) {
      EXPECT_NEAR(length(shown - true_head), 0.0, 1e-9) << "class " << k;  // long: unchanged
    } else {
      EXPECT_NEAR(len, min_px, 1e-9) << "class " << k;
      // Same direction as W_k (screen y down).
      const Vec2 w = weight(s.params, k);
      EXPECT_NEAR((shown.x - sb.x) * w.y + (shown.y - sb.y) * w.x, 0.0, 1e-6);
      EXPECT_GT((shown.x - sb.x) * w.x - (shown.y - sb.y) * w.y, 0.0);
    }
  }
  // Class 0's arrow is grabbed at its drawn head, not at its true (hidden) head.
  const Vec2 base0 = nearest_on_line(s.params, 0, {0, 0});
  const Vec2 shown0 = shown_arrow_head(s.params, 0, base0, v, min_px);
  EXPECT_EQ(pick_arrow_head(s.params, v, anchors, shown0 + Vec2{2, -2}, radius), 0);
}

}  // namespace
}  // namespace ll::gui
