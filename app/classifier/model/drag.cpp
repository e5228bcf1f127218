#include "app/classifier/model/drag.h"

#include "app/classifier/model/geometry.h"

namespace ll::gui {

void drag_line(const Params& start, int k, const Eigen::Vector2d& delta, Params& out) {
  out = start;
  out.b(k) = start.b(k) - weight(start, k).dot(delta);
}

void drag_arrow(const Params& start, int k, const Eigen::Vector2d& pivot,
                const Eigen::Vector2d& head, bool rotation_only, Params& out) {
  out = start;
  Eigen::Vector2d w = (1.0 / kArrowScale) * (head - pivot);
  const double n = w.norm();
  if (n < kMinWeightNorm) return;
  if (rotation_only) w *= weight(start, k).norm() / n;
  out.W(k, 0) = w.x();
  out.W(k, 1) = w.y();
  out.b(k) = -w.dot(pivot);
}

}  // namespace ll::gui
