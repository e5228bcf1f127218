#pragma once
// Where a weight arrow's head is drawn and grabbed on screen: its true head (base + 0.1 W_k),
// pushed out along W_k to a minimum on-screen length so that short arrows stay visible and
// grabbable (dragging keeps the grab offset, so W_k still follows the mouse). GL-free.
#include "app/gui/geometry.h"

namespace ll::gui {

// Minimum drawn length of an arrow, in pick radii (30 px at the canvas's 12 px pick radius).
inline constexpr double kArrowMinRadii = 2.5;

inline Vec2 shown_arrow_head(const Params& p, int k, Vec2 base, const ViewTransform& view,
                             double min_px) {
  const Vec2 sb = view.to_screen(base), sh = view.to_screen(arrow_head(p, k, base));
  const Vec2 w = weight(p, k);
  const double wl = length(w);
  if (length(sh - sb) >= min_px || wl < kMinWeightNorm) return sh;
  return sb + min_px * Vec2{w.x / wl, -w.y / wl};  // screen y points down
}

}  // namespace ll::gui
