#pragma once
// Hit testing on the canvas, in screen pixels: a pick only succeeds within `radius_px`
// (never "the nearest point anywhere"). GL-free.
#include "app/classifier/model/view.h"
#include "core/scene.h"

namespace ll::gui {

// Index of the point nearest to `screen` within radius_px, or -1.
int pick_point(const Scene& scene, const ViewTransform& view, const Eigen::Vector2d& screen,
               double radius_px);
// Class whose arrow head is within radius_px, or -1. Class k's arrow starts at the point of its
// line nearest to anchors[k] (see geometry.h).
int pick_arrow_head(const Params& p, const ViewTransform& view, const Eigen::Vector2d* anchors,
                    const Eigen::Vector2d& screen, double radius_px);
// Class whose zero-score line passes within radius_px, or -1 (the nearest one wins).
int pick_line(const Params& p, const ViewTransform& view, const Eigen::Vector2d& screen,
              double radius_px);

}  // namespace ll::gui
