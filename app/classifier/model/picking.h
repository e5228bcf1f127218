#pragma once
// Hit testing on the canvas, in screen pixels: a pick only succeeds within `radius_px`
// (never "the nearest point anywhere"). GL-free.
#include <array>
#include <cstdint>

#include "app/classifier/model/view.h"
#include "core/scene.h"

namespace ll::gui {

// Index of the point nearest to `screen` within radius_px, or -1.
int pick_point(const Scene& scene, const ViewTransform& view, const Eigen::Vector2d& screen,
               double radius_px);
// pick_point, remembered: the hover test runs every frame, and scanning a million points for a
// mouse that has not moved over points that have not changed would make the idle frame grow
// with the scene. pick() scans again only when the points (their revision), the view, the
// position or the radius differ from the last call.
class PointPicker {
 public:
  int pick(const Scene& scene, std::uint64_t points_revision, const ViewTransform& view,
           const Eigen::Vector2d& screen, double radius_px);
  // How many times pick() has scanned the points (for the tests).
  std::uint64_t scans() const { return scans_; }

 private:
  using Key = std::array<double, 10>;  // view rectangle, centre, zoom; position; radius
  static Key key_of(const ViewTransform& view, const Eigen::Vector2d& screen, double radius_px);
  bool valid_ = false;
  std::uint64_t revision_ = 0, scans_ = 0;
  Key key_{};
  int result_ = -1;
};

// Class whose arrow head is within radius_px, or -1. Class k's arrow starts at the point of its
// line nearest to anchors[k] (see geometry.h).
int pick_arrow_head(const Params& p, const ViewTransform& view, const Eigen::Vector2d* anchors,
                    const Eigen::Vector2d& screen, double radius_px);
// Class whose zero-score line passes within radius_px, or -1 (the nearest one wins).
int pick_line(const Params& p, const ViewTransform& view, const Eigen::Vector2d& screen,
              double radius_px);

}  // namespace ll::gui
