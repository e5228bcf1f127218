#include "app/classifier/model/picking.h"

#include <cmath>

#include "app/classifier/model/arrow_display.h"
#include "app/classifier/model/geometry.h"

namespace ll::gui {

int pick_point(const Scene& scene, const ViewTransform& view, const Eigen::Vector2d& screen,
               double radius_px) {
  int best = -1;
  double best_d2 = radius_px * radius_px;
  for (std::size_t i = 0; i < scene.points.size(); ++i) {
    const Point& pt = scene.points[i];
    const double d2 = (view.to_screen({pt.x0, pt.x1}) - screen).squaredNorm();
    if (d2 <= best_d2) {  // later points are drawn on top: ties go to them
      best_d2 = d2;
      best = static_cast<int>(i);
    }
  }
  return best;
}

PointPicker::Key PointPicker::key_of(const ViewTransform& view, const Eigen::Vector2d& screen,
                                     double radius_px) {
  return {view.rect_x(),     view.rect_y(), view.rect_w(), view.rect_h(), view.center().x(),
          view.center().y(), view.zoom(),   screen.x(),    screen.y(),    radius_px};
}

int PointPicker::pick(const Scene& scene, std::uint64_t points_revision, const ViewTransform& view,
                      const Eigen::Vector2d& screen, double radius_px) {
  const Key key = key_of(view, screen, radius_px);
  if (valid_ && revision_ == points_revision && key == key_) return result_;
  ++scans_;
  result_ = pick_point(scene, view, screen, radius_px);
  valid_ = true;
  revision_ = points_revision;
  key_ = key;
  return result_;
}

int pick_arrow_head(const Params& p, const ViewTransform& view, const Eigen::Vector2d* anchors,
                    const Eigen::Vector2d& screen, double radius_px) {
  int best = -1;
  double best_d = radius_px;
  for (int k = 0; k < p.classes(); ++k) {
    if (weight(p, k).norm() < kMinWeightNorm) continue;
    const Eigen::Vector2d head =
        shown_arrow_head(p, k, nearest_on_line(p, k, anchors[k]), view, kArrowMinRadii * radius_px);
    const double d = (head - screen).norm();
    if (d <= best_d) {
      best_d = d;
      best = k;
    }
  }
  return best;
}

int pick_line(const Params& p, const ViewTransform& view, const Eigen::Vector2d& screen,
              double radius_px) {
  const Eigen::Vector2d w = view.to_world(screen);
  const double limit = radius_px / view.pixels_per_unit();
  int best = -1;
  double best_d = limit;
  for (int k = 0; k < p.classes(); ++k) {
    const double d = std::abs(signed_distance(p, k, w));
    if (d <= best_d) {
      best_d = d;
      best = k;
    }
  }
  return best;
}

}  // namespace ll::gui
