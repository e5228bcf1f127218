#pragma once
// Where a weight arrow's head is drawn and grabbed on screen: app/figure's rule (its true head
// base + 0.1 W_k, pushed out along W_k to a minimum on-screen length so that short arrows stay
// visible and grabbable; dragging keeps the grab offset, so W_k still follows the mouse), in
// window pixels. GL-free.
#include "app/classifier/model/geometry.h"

namespace ll::gui {

using figure::kArrowMinRadii;  // minimum drawn length of an arrow, in pick radii

inline Eigen::Vector2d shown_arrow_head(const Params& p, int k, const Eigen::Vector2d& base,
                                        const ViewTransform& view, double min_px) {
  return Eigen::Vector2d(view.rect_x(), view.rect_y()) +
         figure::shown_arrow_head(p, k, base, view.mapping(), min_px);
}

}  // namespace ll::gui
