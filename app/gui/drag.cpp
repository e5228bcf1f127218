#include "app/gui/drag.h"

#include "app/gui/geometry.h"

namespace ll::gui {

void drag_line(const Params& start, int k, Vec2 delta, Params& out) {
  out = start;
  out.b(k) = start.b(k) - dot(weight(start, k), delta);
}

void drag_arrow(const Params& start, int k, Vec2 pivot, Vec2 head, bool rotation_only,
                Params& out) {
  out = start;
  Vec2 w = (1.0 / kArrowScale) * (head - pivot);
  const double n = length(w);
  if (n < kMinWeightNorm) return;
  if (rotation_only) w = (length(weight(start, k)) / n) * w;
  out.W(k, 0) = w.x;
  out.W(k, 1) = w.y;
  out.b(k) = -dot(w, pivot);
}

}  // namespace ll::gui
